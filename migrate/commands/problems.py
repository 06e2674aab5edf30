"""Files a plan could not check, and what they mean for the exit code."""

from __future__ import annotations

from typing import Callable

from migrate.output.report import problem_lines, stale_lines, summarize
from migrate.workspace.pipeline import Plan


def problem_exit(plan: Plan) -> int:
    """1 when a file could not be checked: it does not parse, cannot be decoded or read, or the
    guard refused its rewrite. Those are findings; 2 is kept for the tool failing its job."""
    if plan.by_status("skipped") or plan.unreadable or plan.by_status("failed"):
        return 1
    return 0


#: The rule of a rewrite refused because it would make a service import another service.
BOUNDARY_RULE = "IDM090"


def expose_hint(plan: Plan) -> str | None:
    """One line when sites stay manual only because the manager is not importable from
    ``shared/`` yet: every verb says so, so nobody reads "0 files would change" as done."""
    blocked = sum(1 for o in plan.outcomes for f in o.result.findings if f.code == BOUNDARY_RULE)
    if not blocked:
        return None
    sites = "1 site stays" if blocked == 1 else f"{blocked} sites stay"
    return (f"hint: {sites} manual ({BOUNDARY_RULE}) because the rewrite would import another service: "
            f"run `idmigrate expose {plan.root}` (and commit it), then re-run")


def name_problems(plan: Plan, log: Callable[[str], None]) -> None:
    """Files that could not be checked, and review decisions whose site is gone, one line each."""
    for line in problem_lines(summarize(plan)) + stale_lines(plan):
        log(line)


def name_problems_and_hint(plan: Plan, log: Callable[[str], None]) -> None:
    """``name_problems``, then the ``expose_hint`` if there is one."""
    name_problems(plan, log)
    hint = expose_hint(plan)
    if hint:
        log(hint)
