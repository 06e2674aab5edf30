"""``run`` (a branch per service) and ``status`` (the burndown and each batch's state)."""

from __future__ import annotations

import json
import shlex
from pathlib import Path
from typing import Callable, TextIO

from migrate.commands.problems import name_problems, problem_exit
from migrate.commands.rewrite import INTERRUPTED
from migrate.output.run_tables import render_status, render_summary
from migrate.run.model import RunOptions
from migrate.workspace.config import Config
from migrate.workspace.pipeline import Plan


def run(root: Path, config: Config, options: RunOptions, as_json: bool, out: TextIO, log: TextIO,
        verbose: bool = False) -> int:
    """The batches' summary on ``out``; progress on the ``log`` stream. Raises ``RunError`` (exit 2)."""
    from migrate.run.model import recipe_label, recipe_options
    from migrate.run.runner import run_batches

    try:
        result = run_batches(root, config, options, log=log)
    except KeyboardInterrupt:
        log.write("interrupted; nothing half-done was kept. Continue with: "
                  f"idmigrate run {shlex.quote(str(root))} --resume{recipe_options(recipe_label(options.recipes))}\n")
        return INTERRUPTED
    out.write(json.dumps(result.to_json(), indent=2) + "\n" if as_json else render_summary(result, verbose))
    return result.exit_code


def status(plan: Plan, services: list[str] | None, as_json: bool, out: TextIO, log: Callable[[str], None],
           recipes: tuple[str, ...] = ("generator",)) -> int:
    """The burndown of ROOT's checkout for one recipe set (``plan`` is of that set): its sites left and
    its batches. Raises ``StateError`` for a run state it cannot read (exit 2)."""
    from migrate.output.status import status_report
    from migrate.run.model import recipe_label

    report = status_report(plan.root, plan.workspace.config, plan, services=services,
                           recipe_set=recipe_label(recipes))
    out.write(json.dumps(report, indent=2) + "\n" if as_json else render_status(report))
    name_problems(plan, log)
    return problem_exit(plan)
