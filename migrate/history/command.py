"""``idmigrate status --history N`` / ``--since DATE``: the burndown over the current branch's commits."""

from __future__ import annotations

import json
from pathlib import Path

from migrate.history.counts import HistoryError, count_history
from migrate.output.burndown import render_history
from migrate.workspace.config import ConfigError, load_config
from migrate.workspace.errors import PlanError

__all__ = ["HistoryError", "history_text"]


def history_text(root: Path, *, limit: int | None, since: str | None, services: list[str] | None, as_json: bool,
                 workers: int | None, use_cache: bool, progress_factory=None,
                 recipes: tuple[str, ...] = ("generator",)) -> str:
    """The chart (or ``{"history": [...]}``) for ROOT. Every error is a one-line ``HistoryError``."""
    from codemods.core.recipes import RECIPES

    unknown = [r for r in recipes if r not in RECIPES]
    if unknown:
        raise HistoryError(f"unknown recipe {unknown[0]!r} (known: {', '.join(RECIPES)})")
    try:
        points = count_history(root, load_config(root), limit=limit, since=since, services=services,
                               workers=workers, use_cache=use_cache, progress_factory=progress_factory,
                               recipes=recipes)
    except (ConfigError, PlanError) as exc:
        raise HistoryError(str(exc)) from None
    data = [p.to_json() for p in points]
    return json.dumps({"history": data}, indent=2) + "\n" if as_json else render_history(data)
