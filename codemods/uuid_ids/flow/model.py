"""What the flow walk answers (``Hit``, ``Flow``) and the one value it carries from step to step (``At``)."""

from __future__ import annotations

import ast
from dataclasses import dataclass


@dataclass(frozen=True)
class Hit:
    kind: str
    place: str
    line: int
    via: tuple[str, ...] = ()

    def describe(self) -> str:
        where = f"{self.place} at L{self.line}"
        return " -> ".join((*self.via, where))


@dataclass(frozen=True)
class Flow:
    hits: tuple[Hit, ...] = ()

    def first(self, *kinds: str) -> Hit | None:
        for kind in kinds:
            for hit in self.hits:
                if hit.kind == kind:
                    return hit
        return None


@dataclass(frozen=True)
class At:
    """``node`` carries the value: is it (``key`` None) or holds it under ``key`` (``"*"``: unknown key)."""

    node: ast.AST
    key: str | None
    via: tuple[str, ...]
