"""``idmigrate review`` and ``report --prune-decisions``: the bodies behind the CLI."""

from __future__ import annotations

import sys
from typing import Callable

from migrate.review.honour import review_sites
from migrate.review.store import FILE_NAME, update_decisions
from migrate.workspace.pipeline import Plan, UsageError

CLASSES = ("format", "manual", "exact")


def prune_decisions(plan: Plan) -> str:
    """Remove the decisions whose site is gone; the line to print. Needs a plan of the whole tree."""
    state = plan.review
    if state is None or not state.decisions:
        return f"{FILE_NAME}: no decisions to prune"
    if state.scoped:
        raise UsageError("--prune-decisions needs the whole tree: leave out --service and --path")
    if not state.stale:
        return f"{FILE_NAME}: no stale decisions"
    update_decisions(plan.root, {d.fingerprint: None for d in state.stale})
    stale = len(state.stale)
    return f"{FILE_NAME}: pruned {stale} stale decision{'' if stale == 1 else 's'}"


def selected_sites(plan: Plan, classes: list[str], pending: bool) -> list:
    unknown = [c for c in classes if c not in CLASSES]
    if unknown:
        raise UsageError(f"--class must be one of {', '.join(CLASSES)}, not {unknown[0]!r}")
    sites = review_sites(plan, classes=tuple(classes) if classes else ("format", "manual"))
    return [s for s in sites if not (pending and s.decision)]


def review(plan_for: Callable[[], Plan], classes: list[str], pending: bool, log: Callable[[str], None]) -> int:
    """Run the terminal UI over the selected sites. ``plan_for`` makes the plan again (after ``e``)."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError("review needs a terminal; without one, use `idmigrate report --format json` "
                         f"and edit {FILE_NAME}")
    from migrate.review.ui import ReviewSession

    plan = plan_for()
    session = ReviewSession(plan, lambda: selected_sites(plan_for(), classes, pending),
                            selected_sites(plan, classes, pending))
    made = session.run()
    log(f"{made} decision{'' if made == 1 else 's'} written to {FILE_NAME}" if made else "no decisions made")
    return 0
