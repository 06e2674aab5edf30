"""The Typer command line. It parses and prints; the work happens in ``pipeline`` and friends.

Exit codes (as README.md lists them): 0 success, 1 findings/failures to act on, 2 bad usage or input.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from migrate import __version__
from migrate.workspace.config import ConfigError, load_config
from codemods.core.recipes import DEFAULT_RECIPES, RECIPES
from migrate.output.progress import progress_bar_factory
from migrate.workspace.pipeline import Plan, PlanError, build_plan

app = typer.Typer(
    name="idmigrate",
    help="Migrate a monorepo from UnifiedIdGenerator to UnifiedIDManager, service by service.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

def err(text: str) -> None:
    sys.stderr.write(text if text.endswith("\n") else text + "\n")


RootArg = typer.Argument(Path("."), help="Repository root (default: current directory).", show_default=False)
ServiceOpt = typer.Option(None, "--service", "-s", help="Only this service (repeatable).")
PathOpt = typer.Option(None, "--path", "-p", help="Only files at or below this path (repeatable).")
JobsOpt = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes (default: all cores).")
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


def _root(root: Path) -> Path:
    if not root.exists():
        fail(f"{root}: no such directory")
    if not root.is_dir():
        fail(f"{root}: not a directory")
    return root.resolve()


def plan_for(root: Path, services, paths, jobs, no_cache, label: str = "transforming", recipes=None,
             emit: bool = True) -> Plan:
    root = _root(root)
    try:
        config = load_config(root)
        return build_plan(
            root, config, services=services or None, paths=paths or None, workers=jobs,
            use_cache=not no_cache, progress_factory=progress_bar_factory(label),
            recipes=tuple(recipes) if recipes else DEFAULT_RECIPES, emit=emit,
        )
    except (ConfigError, PlanError) as exc:
        fail(str(exc))
        raise  # unreachable


def _problem_exit(plan: Plan) -> int:
    """2 when input files could not be parsed or read, 1 when a rule failed its guard, else 0."""
    if plan.by_status("skipped") or plan.unreadable:
        return 2
    if plan.by_status("failed"):
        return 1
    return 0


@app.command()
def scan(
    root: Path = RootArg,
    service: Optional[List[str]] = ServiceOpt,
    path: Optional[List[str]] = PathOpt,
    as_json: bool = typer.Option(False, "--json", help="Machine-readable inventory."),
    jobs: Optional[int] = JobsOpt,
    no_cache: bool = NoCacheOpt,
    recipe: Optional[List[str]] = RecipeOpt,
    api: bool = typer.Option(False, "--api", help="Show both APIs as found in the repo and the rule covering each member."),
) -> None:
    """Inventory: per service, files and call sites by member and safety class. Writes nothing."""
    from migrate.output.report import render_scan_text, summarize

    if api:
        if service or path or recipe:
            fail("--api shows the whole API: --service, --path and --recipe do not apply")
        raise typer.Exit(_scan_api(root, as_json, no_cache))
    plan = plan_for(root, service, path, jobs, no_cache, "scanning", recipe)
    summary = summarize(plan)
    if as_json:
        sys.stdout.write(json.dumps(summary, indent=2) + "\n")
    else:
        sys.stdout.write(render_scan_text(summary))
    raise typer.Exit(_problem_exit(plan))


def _scan_api(root: Path, as_json: bool, no_cache: bool) -> int:
    """``scan --api``: exit 1 when the generator or the manager could not be found or read."""
    from migrate.output.api_view import api_summary, render_api_rich, render_api_text
    from migrate.workspace.apis import load_apis

    root = _root(root)
    try:
        config = load_config(root)
    except ConfigError as exc:
        fail(str(exc))
    apis = load_apis(root, config, use_cache=not no_cache)
    summary = api_summary(apis, config.rules, str(root))
    if as_json:
        sys.stdout.write(json.dumps(summary, indent=2) + "\n")
    elif sys.stdout.isatty():
        from rich.console import Console

        render_api_rich(summary, Console(highlight=False))
    else:
        sys.stdout.write(render_api_text(summary))
    for problem in apis.problems:
        err(f"error: {problem}")
    return 1 if apis.problems else 0


@app.command()
def diff(
    root: Path = RootArg,
    service: Optional[List[str]] = ServiceOpt,
    path: Optional[List[str]] = PathOpt,
    color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Default: only on a terminal."),
    jobs: Optional[int] = JobsOpt,
    no_cache: bool = NoCacheOpt,
    recipe: Optional[List[str]] = RecipeOpt,
) -> None:
    """Dry run: the unified diff of every change on stdout (git apply takes it), summary on stderr."""
    from migrate.output.diffing import render_for_terminal, unified_diff
    from migrate.output.report import problem_lines, summarize

    plan = plan_for(root, service, path, jobs, no_cache, "diffing", recipe)
    patch = b"".join(
        unified_diff(o.path, o.original, o.result.new_source) for o in sorted(plan.changed, key=lambda o: o.path)
    )
    tty = sys.stdout.isatty()
    if tty or color:
        sys.stdout.write(render_for_terminal(patch, color=tty if color is None else color))
        sys.stdout.flush()
    else:  # piped: byte-exact, so `git apply` takes it
        sys.stdout.flush()
        sys.stdout.buffer.write(patch)
        sys.stdout.buffer.flush()
    summary = summarize(plan)
    t = summary["totals"]
    err(f"{len(plan.changed)} files would change: {t['exact']} exact, {t['format']} format, "
        f"{t['manual']} manual sites (not applied)")
    for line in problem_lines(summary):
        err(line)
    raise typer.Exit(_problem_exit(plan))


@app.command()
def apply(
    root: Path = RootArg,
    service: Optional[List[str]] = ServiceOpt,
    path: Optional[List[str]] = PathOpt,
    jobs: Optional[int] = JobsOpt,
    no_cache: bool = NoCacheOpt,
    recipe: Optional[List[str]] = RecipeOpt,
) -> None:
    """Rewrite the working tree (same filters as diff). Running it twice changes nothing."""
    from migrate.workspace.apply import write_changes
    from migrate.output.report import problem_lines, summarize

    plan = plan_for(root, service, path, jobs, no_cache, "applying", recipe)
    try:
        written, not_written = write_changes(plan)
    except KeyboardInterrupt:
        err("interrupted: every file is either old or new (writes are atomic); run apply again to finish")
        raise typer.Exit(130)
    summary = summarize(plan)
    t = summary["totals"]
    err(f"{len(written)} files rewritten: {t['exact']} exact, {t['format']} format applied; "
        f"{t['manual']} manual sites left (see `idmigrate report`)")
    for rel, reason in not_written:
        err(f"not written: {rel}: {reason}")
    for line in problem_lines(summary):
        err(line)
    code = _problem_exit(plan)
    raise typer.Exit(code or (1 if not_written else 0))


@app.command()
def report(
    root: Path = RootArg,
    service: Optional[List[str]] = ServiceOpt,
    path: Optional[List[str]] = PathOpt,
    fmt: str = typer.Option("md", "--format", "-f", help="md or json."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    jobs: Optional[int] = JobsOpt,
    no_cache: bool = NoCacheOpt,
    recipe: Optional[List[str]] = RecipeOpt,
) -> None:
    """The review list: format sites (ID text changes) and manual sites, by service and file."""
    from migrate.output.report import render_review_json, render_review_md

    if fmt not in ("md", "json"):
        fail(f"--format must be md or json, not {fmt!r}")
    plan = plan_for(root, service, path, jobs, no_cache, "scanning", recipe)
    text = render_review_md(plan) if fmt == "md" else render_review_json(plan)
    if output is None:
        sys.stdout.write(text)
    else:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            fail(f"cannot write {output}: {exc.strerror}")
        err(f"wrote {output}")
    raise typer.Exit(_problem_exit(plan))


@app.command()
def verify(
    root: Path = RootArg,
    service: Optional[List[str]] = ServiceOpt,
    path: Optional[List[str]] = PathOpt,
    allow_manual: bool = typer.Option(False, "--allow-manual", help="Pass while only manual sites remain."),
    jobs: Optional[int] = JobsOpt,
    no_cache: bool = NoCacheOpt,
    recipe: Optional[List[str]] = RecipeOpt,
) -> None:
    """CI gate: exit 1 while generator usages or service-boundary violations remain."""
    from migrate.workspace.boundaries import find_violations
    from migrate.output.report import problem_lines, remaining_lines, summarize

    plan = plan_for(root, service, path, jobs, no_cache, "verifying", recipe, emit=False)
    lines = remaining_lines(plan, include_manual=not allow_manual)
    violations = find_violations(plan.workspace, services=service or None)
    for line in lines + violations + problem_lines(summarize(plan)):
        sys.stdout.write(line + "\n")
    if lines or violations:
        err(f"verify: {len(lines)} generator usages and {len(violations)} boundary violations remain")
        raise typer.Exit(1)
    err("verify: clean")
    raise typer.Exit(_problem_exit(plan))


@app.command()
def expose(root: Path = RootArg) -> None:
    """Move the manager under shared/ so every service may import it; re-export at the old path."""
    from migrate.compat.expose import ExposeError, expose_manager

    root = _root(root)
    try:
        message = expose_manager(root, load_config(root))
    except (ConfigError, ExposeError) as exc:
        fail(str(exc))
    err(message)


@app.command()
def shim(root: Path = RootArg) -> None:
    """Turn the generator into a compatibility layer that delegates to the manager and warns."""
    from migrate.compat.shim import ShimError, write_shim

    root = _root(root)
    try:
        message = write_shim(root, load_config(root))
    except (ConfigError, ShimError) as exc:
        fail(str(exc))
    err(message)


# --- run / status (orchestration) ---
@app.command()
def run(
    root: Path = RootArg,
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
    jobs: Optional[int] = JobsOpt,
    recipe: Optional[List[str]] = RecipeOpt,
) -> None:
    """Per service: branch <prefix><service> from the base, apply, test, commit if green. Ends where it started."""
    from migrate.output.run_tables import render_summary
    from migrate.run.model import RunError, RunOptions
    from migrate.run.runner import run_batches

    root = _root(root)
    try:
        config = load_config(root)
    except ConfigError as exc:
        fail(str(exc))
    options = RunOptions(
        services=service or None, paths=path or None, base=base, branch_prefix=branch_prefix, resume=resume,
        retry_failed=retry_failed, no_tests=no_tests, keep_going=keep_going, force=force, jobs=jobs,
        recipes=tuple(recipe) if recipe else DEFAULT_RECIPES,
    )
    try:
        result = run_batches(root, config, options, log=sys.stderr)
    except RunError as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        err("interrupted; nothing half-done was kept. Continue with: idmigrate run --resume")
        raise typer.Exit(130)
    if as_json:
        sys.stdout.write(json.dumps(result.to_json(), indent=2) + "\n")
    else:
        sys.stdout.write(render_summary(result))
    raise typer.Exit(result.exit_code)


@app.command()
def status(
    root: Path = RootArg,
    service: Optional[List[str]] = ServiceOpt,
    as_json: bool = typer.Option(False, "--json", help="Machine-readable burndown."),
    jobs: Optional[int] = JobsOpt,
    no_cache: bool = NoCacheOpt,
) -> None:
    """Burndown: generator call sites left per service, and each batch's state. Writes nothing."""
    from migrate.output.run_tables import render_status
    from migrate.output.status import status_report
    from migrate.run.state import StateError

    plan = plan_for(root, service, None, jobs, no_cache, "scanning")
    try:
        report_data = status_report(plan.root, load_config(plan.root), plan, services=service or None)
    except (StateError, ConfigError) as exc:
        fail(str(exc))
    if as_json:
        sys.stdout.write(json.dumps(report_data, indent=2) + "\n")
    else:
        sys.stdout.write(render_status(report_data))
    raise typer.Exit(0)


@app.command()
def demo(
    keep: Optional[Path] = typer.Option(None, "--dir", help="Use this (new) directory instead of a temp dir."),
) -> None:
    """Copy the bundled example monorepo to a temp git repo and migrate it there."""
    from migrate.demo.demo import DemoError, run_demo

    try:
        code = run_demo(keep, out=sys.stdout, err=sys.stderr)
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
