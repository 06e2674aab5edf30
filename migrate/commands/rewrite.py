"""``apply``: write the plan's changes to the working tree."""

from __future__ import annotations

from typing import Callable

from migrate.commands.problems import name_problems_and_hint, problem_exit
from codemods.core.recipes import DEFAULT_RECIPES
from migrate.output.report import summarize
from migrate.run.applied import record_apply
from migrate.run.model import plural, recipe_label, recipe_options
from migrate.workspace.apply import write_changes
from migrate.workspace.pipeline import Plan

#: The exit code of a verb stopped by Ctrl-C, as a shell reports it.
INTERRUPTED = 130


def apply(plan: Plan, log: Callable[[str], None], recipes: tuple[str, ...] = DEFAULT_RECIPES) -> int:
    """1 when a file could not be checked or a change could not be written (each is named).

    What it wrote is kept for ``report --applied`` (in a git repository)."""
    try:
        written, not_written = write_changes(plan)
    except KeyboardInterrupt:
        log("interrupted: every file is either old or new (writes are atomic); run apply again to finish")
        return INTERRUPTED
    done = set(written)
    try:
        if done:
            record_apply(plan.root, [o for o in plan.changed if o.path in done], recipe_label(recipes))
    except OSError as exc:  # the files are written; only the record for `report --applied` is missing
        log(f"warning: cannot record what was applied for `idmigrate report --applied`: {exc.strerror or exc}")
    summary = summarize(plan)
    t = summary["totals"]
    listed = " (`idmigrate report --applied` lists them)" if written else ""
    log(f"{plural(len(written), 'file')} rewritten: {t['exact']} exact, {t['format']} format applied{listed}; "
        f"{t['manual']} manual sites left (see `idmigrate report{recipe_options(recipe_label(recipes))}`)")
    for rel, reason in not_written:
        log(f"not written: {rel}: {reason}")
    name_problems_and_hint(plan, log)
    return problem_exit(plan) or (1 if not_written else 0)
