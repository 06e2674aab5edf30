"""``apply``: write the plan's changes to the working tree."""

from __future__ import annotations

from typing import Callable

from migrate.commands.problems import problem_exit
from migrate.output.report import problem_lines, stale_lines, summarize
from migrate.workspace.apply import write_changes
from migrate.workspace.pipeline import Plan

#: The exit code of a verb stopped by Ctrl-C, as a shell reports it.
INTERRUPTED = 130


def apply(plan: Plan, log: Callable[[str], None]) -> int:
    """1 when a file could not be checked or a change could not be written (each is named)."""
    try:
        written, not_written = write_changes(plan)
    except KeyboardInterrupt:
        log("interrupted: every file is either old or new (writes are atomic); run apply again to finish")
        return INTERRUPTED
    summary = summarize(plan)
    t = summary["totals"]
    log(f"{len(written)} files rewritten: {t['exact']} exact, {t['format']} format applied; "
        f"{t['manual']} manual sites left (see `idmigrate report`)")
    for rel, reason in not_written:
        log(f"not written: {rel}: {reason}")
    for line in problem_lines(summary) + stale_lines(plan):
        log(line)
    return problem_exit(plan) or (1 if not_written else 0)
