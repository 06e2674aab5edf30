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


def name_problems(plan: Plan, log: Callable[[str], None]) -> None:
    """Files that could not be checked, and review decisions whose site is gone, one line each."""
    for line in problem_lines(summarize(plan)) + stale_lines(plan):
        log(line)
