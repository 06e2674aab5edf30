"""The Typer command line. It parses and prints; each verb's body is in ``migrate.commands``
(``verify``'s in ``migrate.gate``, ``status --history``'s in ``migrate.history``).

Exit codes (README.md lists them per verb): 0 success; 1 findings to act on (usages, red
batches, files that could not be checked); 2 the tool could not do its job (bad usage or
configuration, a refused repository).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from migrate import __version__
from migrate.cli_group import HELP_OPTIONS, IdmigrateGroup, no_color
from migrate.workspace.config import Config, ConfigError, load_config
from codemods.core.recipes import DEFAULT_RECIPES, RECIPES
from migrate.output.progress import progress_bar_factory
from migrate.workspace.errors import PlanError
from migrate.workspace.pipeline import Plan, build_plan

app = typer.Typer(
    name="idmigrate",
    help="Migrate a monorepo from UnifiedIdGenerator to UnifiedIDManager, service by service.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=IdmigrateGroup,
    context_settings={"help_option_names": HELP_OPTIONS},
)


def err(text: str) -> None:
    sys.stderr.write(text if text.endswith("\n") else text + "\n")


RootArg = typer.Argument(
    None, help="Repository root (default: the nearest directory above with \\[tool.idmigrate] in its "
    "pyproject.toml, else the git top level).", show_default=False)
ServiceOpt = typer.Option(None, "--service", "-s", help="Only this service (repeatable).")
PathOpt = typer.Option(None, "--path", "-p", help="Only files at or below this path (repeatable).")
JobsOpt = typer.Option(None, "--jobs", "-j", min=1, metavar="N", help="Worker processes (default: all cores).")
NoCacheOpt = typer.Option(False, "--no-cache", help="Ignore and do not write the result cache.")
RecipeOpt = typer.Option(
    None, "--recipe", "-r",
    help=", ".join(f"{name} (default)" if name in DEFAULT_RECIPES else name for name in RECIPES)
    + "; repeat to combine.",
)


def fail(message: str) -> None:
    """Bad usage or input: one line on stderr, exit code 2, never a traceback."""
    err(f"error: {message}")
    raise typer.Exit(2)


def _root(root: Path | None) -> Path:
    if root is None:
        from migrate.commands.root import find_project_root

        cwd = Path.cwd()
        found = find_project_root(cwd)
        if found != cwd.resolve():  # say so: a ROOT the user did not type must not surprise
            err(f"idmigrate: project root {found}")
        return found
    if not root.exists():
        fail(f"{root}: no such directory")
    if not root.is_dir():
        fail(f"{root}: not a directory")
    return root.resolve()


def plan_for(root: Path, services, paths, jobs, no_cache, label: str = "transforming", recipes=None,
             emit: bool = True, patches: bool = False) -> Plan:
    root = _root(root)
    try:
        config = load_config(root)
        return build_plan(root, config, services=services or None, paths=paths or None, workers=jobs,
                          use_cache=not no_cache, progress_factory=progress_bar_factory(label),
                          recipes=tuple(recipes) if recipes else DEFAULT_RECIPES, emit=emit, patches=patches)
    except (ConfigError, PlanError) as exc:
        fail(str(exc))
        raise  # unreachable


def _expose_hint(plan: Plan) -> None:
    from migrate.commands.problems import expose_hint, missing_manager

    for line in (expose_hint(plan), missing_manager(plan)):
        if line:
            err(line)


def _config(root: Path) -> tuple[Path, Config]:
    root = _root(root)
    try:
        return root, load_config(root)
    except ConfigError as exc:
        fail(str(exc))
        raise  # unreachable


@app.command()
def scan(
    root: Optional[Path] = RootArg,
    service: Optional[List[str]] = ServiceOpt,
    path: Optional[List[str]] = PathOpt,
    as_json: bool = typer.Option(False, "--json", help="Machine-readable inventory."),
    jobs: Optional[int] = JobsOpt,
    no_cache: bool = NoCacheOpt,
    recipe: Optional[List[str]] = RecipeOpt,
    api: bool = typer.Option(False, "--api", help="Show both APIs as found in the repo and the rule covering each member."),
) -> None:
    """Inventory: per service, files and call sites by member and safety class. Writes nothing."""
    from migrate.commands import views

    if api:
        if service or path or recipe:
            fail("--api shows the whole API: --service, --path and --recipe do not apply")
        raise typer.Exit(views.scan_api(*_config(root), as_json, not no_cache, out=sys.stdout, log=err))
    plan = plan_for(root, service, path, jobs, no_cache, "scanning", recipe)
    code = views.scan(plan, as_json, out=sys.stdout, log=err)
    _expose_hint(plan)
    raise typer.Exit(code)


@app.command()
def diff(
    root: Optional[Path] = RootArg,
    service: Optional[List[str]] = ServiceOpt,
    path: Optional[List[str]] = PathOpt,
    color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Default: only on a terminal."),
    jobs: Optional[int] = JobsOpt,
    no_cache: bool = NoCacheOpt,
    recipe: Optional[List[str]] = RecipeOpt,
) -> None:
    """Dry run: the unified diff of every change on stdout (git apply takes it), summary on stderr."""
    from migrate.commands import views

    plan = plan_for(root, service, path, jobs, no_cache, "diffing", recipe, patches=True)
    if color is None and no_color():
        color = False
    raise typer.Exit(views.diff(plan, color, out=sys.stdout, log=err))


@app.command()
def apply(
    root: Optional[Path] = RootArg,
    service: Optional[List[str]] = ServiceOpt,
    path: Optional[List[str]] = PathOpt,
    jobs: Optional[int] = JobsOpt,
    no_cache: bool = NoCacheOpt,
    recipe: Optional[List[str]] = RecipeOpt,
) -> None:
    """Rewrite the working tree (same filters as diff). Running it twice changes nothing."""
    from migrate.commands import rewrite

    plan = plan_for(root, service, path, jobs, no_cache, "applying", recipe)
    raise typer.Exit(rewrite.apply(plan, log=err, recipes=tuple(recipe or DEFAULT_RECIPES)))


@app.command()
def report(
    root: Optional[Path] = RootArg,
    service: Optional[List[str]] = ServiceOpt,
    path: Optional[List[str]] = PathOpt,
    fmt: Optional[str] = typer.Option(
        None, "--format", "-f", metavar="md|json|sarif",
        help="md, json (with fingerprints) or sarif (SARIF 2.1.0); default: from -o's suffix, else md."),
    as_json: bool = typer.Option(False, "--json", help="Same as --format json."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="FILE", help="Write here instead of stdout."),
    classes: Optional[List[str]] = typer.Option(None, "--class", "-c", metavar="CLASS",
                                                help="Only sites of this class: exact, format, manual (repeatable)."),
    jobs: Optional[int] = JobsOpt,
    no_cache: bool = NoCacheOpt,
    recipe: Optional[List[str]] = RecipeOpt,
    prune: bool = typer.Option(False, "--prune-decisions", help="Remove review decisions whose site is gone."),
    applied: bool = typer.Option(
        False, "--applied", help="What run committed and apply wrote (also once merged), not what is left."),
) -> None:
    """The review list: every site left, with its class, rule, reason and rewrite; --applied: what was applied."""
    from migrate.commands import report as report_command
    from migrate.output.report import CLASSES, FORMATS, report_format

    if as_json and fmt not in (None, "json"):
        fail(f"--json is --format json: it does not go with --format {fmt}")
    fmt = report_format(fmt, as_json, output)
    if fmt not in FORMATS:
        fail(f"--format must be md, json or sarif, not {fmt!r}")
    unknown = sorted(set(classes or ()) - set(CLASSES))
    if unknown:
        fail(f"--class must be exact, format or manual, not {unknown[0]!r}")
    try:
        if applied:
            if prune:
                fail("--prune-decisions does not apply to --applied")
            raise typer.Exit(report_command.applied(
                _root(root), tuple(recipe or DEFAULT_RECIPES), service, path, fmt, tuple(classes or CLASSES), output,
                out=sys.stdout, log=err))
        plan = plan_for(root, service, path, jobs, no_cache, "scanning", recipe)
        raise typer.Exit(report_command.review(plan, fmt, tuple(classes or CLASSES), output, not no_cache, prune,
                                               out=sys.stdout, log=err))
    except (report_command.ReportError, PlanError) as exc:
        fail(str(exc))


@app.command("review")
def review_command(
    root: Optional[Path] = RootArg,
    service: Optional[List[str]] = ServiceOpt,
    path: Optional[List[str]] = PathOpt,
    site_class: Optional[List[str]] = typer.Option(
        None, "--class", "-c", help="format, manual or exact (repeatable; default: format and manual)."),
    pending: bool = typer.Option(False, "--pending", help="Only sites nobody decided yet."),
    jobs: Optional[int] = JobsOpt,
    no_cache: bool = NoCacheOpt,
) -> None:
    """Decide site by site in the terminal; decisions go to idmigrate-decisions.toml as they are made."""
    from migrate.review.command import review

    try:
        raise typer.Exit(review(lambda: plan_for(root, service, path, jobs, no_cache, "scanning"),
                                list(site_class or []), pending, log=err))
    except PlanError as exc:
        fail(str(exc))


@app.command()
def verify(
    targets: Optional[List[Path]] = typer.Argument(
        None, show_default=False, metavar="ROOT_OR_FILES",
        help="ROOT (default: the project around the current directory), or files/directories inside it to narrow "
        "to, e.g. the staged files pre-commit passes.",
    ),
    root_option: Optional[Path] = typer.Option(None, "--root", help="ROOT for file arguments (default: found upwards)."),
    service: Optional[List[str]] = ServiceOpt,
    path: Optional[List[str]] = PathOpt,
    allow_manual: bool = typer.Option(False, "--allow-manual", help="Pass while only manual sites remain."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="Fail only on usages this file does not record."),
    write_baseline: Optional[Path] = typer.Option(None, "--write-baseline", help="Record usages left; only shrinks."),
    allow_growth: bool = typer.Option(False, "--allow-growth", help="With --write-baseline: record new usages too."),
    jobs: Optional[int] = JobsOpt,
    no_cache: bool = NoCacheOpt,
    recipe: Optional[List[str]] = RecipeOpt,
) -> None:
    """CI gate: exit 1 while generator usages or service-boundary violations remain (or, with --baseline, new ones)."""
    from migrate.gate.baseline import BaselineError
    from migrate.gate.command import GateRequest, verify_plan
    from migrate.gate.targets import verify_targets

    try:
        root, files = verify_targets(targets or [], root_option, Path.cwd(), log=err)
        request = GateRequest(tuple(service or ()), (*(path or []), *files), tuple(recipe or DEFAULT_RECIPES),
                              baseline, write_baseline, allow_growth, allow_manual, not no_cache, root)
        plan = plan_for(root, service, list(request.paths), jobs, no_cache, "verifying", recipe, emit=False)
        raise typer.Exit(verify_plan(plan, request, out=sys.stdout, log=err))
    except (PlanError, BaselineError) as exc:
        fail(str(exc))


DiffOpt = typer.Option(False, "--diff", help="Dry run: print the patch it would write (git apply takes it); "
                       "write nothing.")


def _compat(step, error, root: Path | None, diff: bool) -> None:
    from migrate.commands.compat import write_or_show

    root, config = _config(root)
    try:
        changes = step(root, config)
    except error as exc:
        fail(str(exc))
    raise typer.Exit(write_or_show(changes, root, diff, False if no_color() else None, out=sys.stdout, log=err))


@app.command()
def expose(root: Optional[Path] = RootArg, diff: bool = DiffOpt) -> None:
    """Move the manager under shared/ so every service may import it; re-export at the old path."""
    from migrate.compat.expose import ExposeError, plan_expose

    _compat(plan_expose, ExposeError, root, diff)


@app.command()
def shim(root: Optional[Path] = RootArg, diff: bool = DiffOpt) -> None:
    """Turn the generator into a compatibility layer that delegates to the manager and warns."""
    from migrate.compat.shim import ShimError, plan_shim

    _compat(plan_shim, ShimError, root, diff)


@app.command()
def run(
    root: Optional[Path] = RootArg,
    service: Optional[List[str]] = ServiceOpt,
    path: Optional[List[str]] = PathOpt,
    base: Optional[str] = typer.Option(None, "--base", help="Branch every batch from this commit (default: HEAD)."),
    branch_prefix: Optional[str] = typer.Option(
        None, "--branch-prefix", help="Batch branches are <prefix><service> (default: idmigrate/)."),
    resume: bool = typer.Option(False, "--resume", help="Continue an interrupted run; finished batches are skipped."),
    retry_failed: bool = typer.Option(False, "--retry-failed", help="Re-run only the batches that are red."),
    no_tests: bool = typer.Option(False, "--no-tests", help="Commit every batch without running its tests."),
    keep_going: bool = typer.Option(False, "--keep-going", help="Go on with the next service after a red batch."),
    force: bool = typer.Option(
        False, "--force", help="Run on a dirty work tree or detached HEAD; replace branches idmigrate did not create."),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable summary on stdout."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Also list folders without a site of the recipe."),
    jobs: Optional[int] = JobsOpt,
    no_cache: bool = NoCacheOpt,
    recipe: Optional[List[str]] = RecipeOpt,
) -> None:
    """Per service: branch <prefix><service> from the base, apply, test, commit if green. Ends where it started."""
    from migrate.commands import orchestration
    from migrate.run.model import RunError, RunOptions

    root, config = _config(root)
    options = RunOptions(
        services=service or None, paths=path or None, base=base, branch_prefix=branch_prefix, resume=resume,
        retry_failed=retry_failed, no_tests=no_tests, keep_going=keep_going, force=force, jobs=jobs,
        no_cache=no_cache, recipes=tuple(recipe) if recipe else DEFAULT_RECIPES,
    )
    try:
        raise typer.Exit(orchestration.run(root, config, options, as_json, out=sys.stdout, log=sys.stderr,
                                           verbose=verbose))
    except RunError as exc:
        fail(str(exc))


@app.command()
def status(
    root: Optional[Path] = RootArg,
    service: Optional[List[str]] = ServiceOpt,
    as_json: bool = typer.Option(False, "--json", help="Machine-readable burndown."),
    history: Optional[int] = typer.Option(
        None, "--history", min=1, metavar="N", help="Usages left at each of the last N commits of the current branch."),
    since: Optional[str] = typer.Option(
        None, "--since", metavar="DATE", help="With or without --history: commits since DATE."),
    jobs: Optional[int] = JobsOpt,
    no_cache: bool = NoCacheOpt,
    recipe: Optional[List[str]] = RecipeOpt,
) -> None:
    """Burndown: the recipe's call sites left per service, and each batch's base and state. Writes nothing."""
    from migrate.commands import orchestration
    from migrate.run.state import StateError

    recipes = tuple(recipe or DEFAULT_RECIPES)
    if history or since:  # per commit, from git's blobs: the work tree is not read
        from migrate.history.command import HistoryError, history_text

        try:
            sys.stdout.write(history_text(_root(root), limit=history, since=since, services=service or None,
                                          as_json=as_json, workers=jobs, use_cache=not no_cache,
                                          progress_factory=progress_bar_factory("history"), recipes=recipes))
        except HistoryError as exc:
            fail(str(exc))
        raise typer.Exit(0)
    plan = plan_for(root, service, None, jobs, no_cache, "scanning", recipes)
    try:
        code = orchestration.status(plan, service or None, as_json, out=sys.stdout, log=err, recipes=recipes)
    except StateError as exc:
        fail(str(exc))
    _expose_hint(plan)
    raise typer.Exit(code)


@app.command()
def demo(
    keep: Optional[Path] = typer.Option(None, "--dir", help="Use this (new) directory instead of a temp dir."),
    copy_only: bool = typer.Option(False, "--copy-only", help="Only copy the example (a git repo); migrate nothing."),
) -> None:
    """Copy the bundled example monorepo to a temp git repo and migrate it there."""
    from migrate.demo.demo import DemoError, run_demo

    try:
        code = run_demo(keep, out=sys.stdout, err=sys.stderr, copy_only=copy_only)
    except DemoError as exc:
        fail(str(exc))
    raise typer.Exit(code)


def version_callback(value: bool) -> None:
    if value:
        sys.stdout.write(f"idmigrate {__version__}\n")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=version_callback, is_eager=True, help="Show the version."),
) -> None:
    """idmigrate: UnifiedIdGenerator -> UnifiedIDManager, reviewably and safely."""


def main() -> None:
    """Console-script entry point."""
    app()
