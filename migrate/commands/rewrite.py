"""``apply``: write the plan's changes to the working tree."""

from __future__ import annotations

from typing import Callable

from migrate.commands.problems import name_problems_and_hint, problem_exit
from migrate.output.report import summarize
from migrate.run.model import plural
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
    log(f"{plural(len(written), 'file')} rewritten: {t['exact']} exact, {t['format']} format applied; "
        f"{t['manual']} manual sites left (see `idmigrate report`)")
    for rel, reason in not_written:
        log(f"not written: {rel}: {reason}")
    name_problems_and_hint(plan, log)
    return problem_exit(plan) or (1 if not_written else 0)
