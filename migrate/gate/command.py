"""The body of ``idmigrate verify``: the all-or-nothing check, or the ratchet against a baseline."""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, TextIO

from codemods.core.safety import Safety
from migrate.commands.problems import expose_hint
from migrate.gate.check import Scope, run_gate
from migrate.output.report import problem_lines, remaining_lines, summarize
from migrate.workspace.boundaries import find_violations
from migrate.workspace.pipeline import Plan, UsageError, resolve_paths


@dataclass(frozen=True)
class GateRequest:
    services: tuple[str, ...] = ()
    #: Paths the check is narrowed to (``--path`` and file arguments), as given.
    paths: tuple[str, ...] = ()
    recipes: tuple[str, ...] = ("generator",)
    baseline: Path | None = None
    write_baseline: Path | None = None
    allow_growth: bool = False
    allow_manual: bool = False
    use_cache: bool = True
    #: ROOT as the user gave it, for the commands printed in hints.
    root_given: Path = Path(".")

    def __post_init__(self) -> None:
        if self.baseline and self.write_baseline:
            raise UsageError("use --baseline or --write-baseline, not both")
        if self.allow_growth and not self.write_baseline:
            raise UsageError("--allow-growth only goes with --write-baseline")


def verify_plan(plan: Plan, request: GateRequest, out: TextIO, log: Callable[[str], None]) -> int:
    """Print what ``verify`` found (findings on ``out``, the summary through ``log``); return the exit code.

    Raises ``BaselineError`` when the baseline file cannot be used, ``UsageError`` for a bad path.
    """
    paths = tuple(resolve_paths(plan.root, list(request.paths)))
    workspace = plan.workspace
    violations = find_violations(workspace, list(request.services) or None, list(paths))
    if request.baseline or request.write_baseline:
        service_map = workspace.services
        same_dir = plan.root == Path.cwd().resolve()
        result = run_gate(
            plan.root, plan, violations, Scope(request.services, paths, request.recipes),
            service_of=lambda rel: service_map.service_of(rel).name,
            baseline_path=request.baseline, write_path=request.write_baseline, allow_growth=request.allow_growth,
            allow_manual=request.allow_manual, use_cache=request.use_cache,
            root_arg="" if same_dir else " " + shlex.quote(str(request.root_given)),
        )
        for line in result.lines:
            out.write(line + "\n")
        for note in result.notes:
            log(note)
        _allowed_note(plan, request, log)
        hint = expose_hint(plan)
        if hint:
            log(hint)
        return result.exit_code
    lines = remaining_lines(plan, include_manual=not request.allow_manual)
    problems = problem_lines(summarize(plan))
    for line in lines + [v.describe() for v in violations] + problems:
        out.write(line + "\n")
    if lines or violations:
        log(f"verify: {len(lines)} generator usages and {len(violations)} boundary violations remain")
    elif problems:
        log(f"verify: no usages in the files checked, but {len(problems)} files could not be checked")
    else:
        allowed = _manual_sites(plan) if request.allow_manual else 0
        log(f"verify: clean, except {allowed} manual site{'' if allowed == 1 else 's'} allowed by --allow-manual "
            f"(`{_report(request)}` lists them)" if allowed else "verify: clean")
    if lines or violations or problems:
        _allowed_note(plan, request, log)
    hint = expose_hint(plan)
    if hint:
        log(hint)
    return 1 if lines or violations or problems else 0


def _report(request: GateRequest) -> str:
    """The report command that lists what this verify saw (its recipes)."""
    from migrate.run.model import recipe_label, recipe_options

    return f"idmigrate report{recipe_options(recipe_label(request.recipes))}"


def _manual_sites(plan: Plan) -> int:
    return sum(1 for o in plan.outcomes for f in o.result.findings if f.safety is Safety.MANUAL)


def _allowed_note(plan: Plan, request: GateRequest, log: Callable[[str], None]) -> None:
    """What --allow-manual let through, so a pass never hides usages left."""
    allowed = _manual_sites(plan) if request.allow_manual else 0
    if allowed:
        log(f"verify: --allow-manual: {allowed} manual site{'' if allowed == 1 else 's'} not counted "
            f"(`{_report(request)}` lists them)")
