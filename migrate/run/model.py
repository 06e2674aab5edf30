"""What ``idmigrate run`` works with and hands back: its options, batch and run results, the order."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from migrate.gitops import HeadState

DEFAULT_PREFIX = "idmigrate/"


def recipe_label(recipes: tuple[str, ...] | list[str]) -> str:
    """The recipes of a run as one name: "generator", "adhoc-ids", "generator+adhoc-ids"."""
    from codemods.core.recipes import RECIPES, ordered

    known = [n for n in dict.fromkeys(recipes) if n in RECIPES]
    return "+".join(r.name for r in ordered(tuple(known))) if known else "+".join(recipes)


def default_prefix(recipes: tuple[str, ...] | list[str]) -> str:
    """``idmigrate/`` for the generator recipe (the branches of earlier versions), else
    ``idmigrate/<recipe>/``, so batches of different recipes never share a branch."""
    label = recipe_label(recipes)
    return DEFAULT_PREFIX if label == "generator" else f"{DEFAULT_PREFIX}{label}/"


def recipe_options(label: str) -> str:
    """The ``--recipe`` options that select a recipe set again ("" for the default one)."""
    from codemods.core.recipes import DEFAULT_RECIPES

    names = label.split("+")
    return "" if tuple(names) == tuple(DEFAULT_RECIPES) else "".join(f" --recipe {n}" for n in names)


class RunError(Exception):
    """Bad usage or input, or a repository ``run`` refuses to touch: exit 2, one line."""


@dataclass
class RunOptions:
    services: list[str] | None = None
    paths: list[str] | None = None
    base: str | None = None  # default: HEAD (on --resume: the interrupted run's base)
    branch_prefix: str | None = None  # default: default_prefix(recipes) (on --resume: the run's prefix)
    resume: bool = False
    retry_failed: bool = False
    no_tests: bool = False
    keep_going: bool = False
    force: bool = False
    jobs: int | None = None
    #: ``--no-cache``: plan without reading or writing the result cache.
    no_cache: bool = False
    #: Which codemods a batch applies (``--recipe``); phase 2/3 runs want their own --branch-prefix.
    recipes: tuple[str, ...] = ("generator",)


@dataclass
class BatchResult:
    service: str
    branch: str
    state: str  # committed | red | nothing | pending | running
    files: int = 0
    sites: dict[str, int] = field(default_factory=lambda: {"exact": 0, "format": 0, "manual": 0})
    tests: dict[str, Any] | None = None
    commit: str | None = None
    base: str | None = None
    reason: str = ""
    output_tail: str = ""
    #: True when the outcome comes from an earlier run (``--resume`` skipped the batch).
    earlier: bool = False

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_state(cls, service: str, entry: dict[str, Any]) -> "BatchResult":
        known = set(cls.__dataclass_fields__) - {"service", "earlier"}
        data = {k: v for k, v in entry.items() if k in known}
        data.setdefault("branch", "")
        data.setdefault("state", "pending")
        return cls(service=service, earlier=True, **data)


@dataclass
class RunResult:
    root: Path
    base: str
    prefix: str
    start: HeadState
    batches: list[BatchResult] = field(default_factory=list)
    #: Why the run stopped before its last batch ("" when it did not).
    stopped: str = ""
    message: str = ""
    #: The recipe set of the run ("generator", "adhoc-ids", ...).
    recipe_set: str = "generator"

    @property
    def unfinished(self) -> int:
        """Batches not run yet (pending) or cut short (running): ``--resume`` continues them."""
        return sum(1 for b in self.batches if b.state in ("pending", "running"))

    @property
    def exit_code(self) -> int:
        return 1 if self.unfinished or any(b.state == "red" for b in self.batches) else 0

    def resume_command(self) -> str:
        """The command that continues this run (ROOT only when it is not the current directory)."""
        import shlex

        root = "" if self.root == Path.cwd().resolve() else " " + shlex.quote(str(self.root))
        return f"idmigrate run{root} --resume{recipe_options(self.recipe_set)}"

    def to_json(self) -> dict[str, Any]:
        counts = Counter(b.state for b in self.batches)
        return {
            "root": str(self.root),
            "base": self.base,
            "branch_prefix": self.prefix,
            "recipe_set": self.recipe_set,
            "start": {"branch": self.start.branch, "head": self.start.sha},
            "exit_code": self.exit_code,
            "stopped": self.stopped,
            "message": self.message,
            "counts": {s: counts.get(s, 0) for s in ("committed", "red", "nothing", "pending", "running")},
            "batches": [b.to_json() for b in self.batches],
        }


def order_services(names: list[str], shared_packages: tuple[str, ...] | list[str]) -> list[str]:
    """Shared packages first, then the others alphabetically, ``_root`` last."""
    from migrate.workspace.services import ROOT_SERVICE

    shared = [n for n in shared_packages if n in names]
    rest = sorted(n for n in names if n not in shared and n != ROOT_SERVICE)
    tail = [ROOT_SERVICE] if ROOT_SERVICE in names else []
    return list(dict.fromkeys(shared + rest + tail))


def site_counts(outcomes) -> dict[str, int]:
    """Call sites of a batch's plan outcomes by safety class."""
    counts = {"exact": 0, "format": 0, "manual": 0}
    for o in outcomes:
        for f in o.result.findings:
            counts[f.safety.label] += 1
    return counts


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z")
