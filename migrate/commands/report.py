"""``report``: the review list of what is left in the checkout, or (``--applied``) what was applied."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, TextIO

from migrate.commands.problems import name_problems_and_hint, problem_exit
from migrate.workspace.pipeline import Plan


class ReportError(Exception):
    """The report cannot be made or written: one line, exit 2."""


def _write(text: str, output: Path | None, out: TextIO, log: Callable[[str], None]) -> None:
    if output is None:
        out.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ReportError(f"cannot write {output}: {exc.strerror}") from None
    log(f"wrote {output}")


def review(plan: Plan, fmt: str, classes: tuple[str, ...], output: Path | None, use_cache: bool, prune: bool,
           out: TextIO, log: Callable[[str], None]) -> int:
    """Every site left, with its class, rule, reason and rewrite; 1 when a file could not be checked."""
    from migrate.output.report import render_review

    _write(render_review(plan, fmt, use_cache=use_cache, classes=classes), output, out, log)
    name_problems_and_hint(plan, log)
    if prune:
        from migrate.review.command import prune_decisions

        log(prune_decisions(plan))
    return problem_exit(plan)


def applied(root: Path, recipes: tuple[str, ...], services: list[str] | None, paths: list[str] | None, fmt: str,
            classes: tuple[str, ...], output: Path | None, out: TextIO, log: Callable[[str], None]) -> int:
    """What ``run`` committed (while its commit is merged or on its branch) and ``apply`` wrote."""
    from migrate.output.applied_report import render_applied
    from migrate.run.applied import collect_applied
    from migrate.run.model import recipe_label
    from migrate.run.state import StateError
    from migrate.workspace.pipeline import UsageError, resolve_paths

    from codemods.core.recipes import RECIPES

    unknown = [r for r in recipes if r not in RECIPES]
    if unknown:
        raise ReportError(f"unknown recipe {unknown[0]!r} (known: {', '.join(RECIPES)})")
    if fmt == "sarif":
        raise ReportError("--applied lists applied sites as md or json; SARIF lists the usages left")
    if "exact" not in classes and "format" not in classes:
        raise ReportError("--applied: manual sites are never applied; use --class exact or --class format")
    try:
        rel_paths = resolve_paths(root, paths) if paths else None
        log_ = collect_applied(root, recipe_label(recipes), services, rel_paths)
    except (StateError, UsageError) as exc:
        raise ReportError(str(exc)) from None
    for group in log_.groups:
        group.sites = [s for s in group.sites if s["class"] in classes]
    log_.groups = [g for g in log_.groups if g.sites]
    _write(render_applied(log_, fmt), output, out, log)
    for note in log_.notes:
        log(note)
    return 0
