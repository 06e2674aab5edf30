"""Cheap alternatives to full libcst passes (SPEC 7).

A libcst traversal costs about as much as the native parse; metadata providers
several times more. Most statements of an affected file never mention the
generator, so visitors skip a simple statement whose source text contains none
of the relevant words, and positions are computed in one codegen pass for just
the nodes that need them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

import libcst as cst
from libcst._nodes.internal import CodegenState


def mentions(module: cst.Module, node: cst.CSTNode, words: Iterable[str]) -> bool:
    code = module.code_for_node(node)
    return any(word in code for word in words)


_STATEMENTS = (cst.SimpleStatementLine, cst.BaseCompoundStatement)


class Pruning:
    """Mixin for visitors/transformers: skip any statement whose text mentions none of ``words``.

    Set ``self.module`` (the tree being visited) and ``self.words``; a compound
    statement that mentions none is skipped whole, so an unrelated class or
    function costs one codegen instead of a full traversal.
    """

    module: cst.Module
    words: tuple[str, ...]

    def on_visit(self, node: cst.CSTNode) -> bool:
        if isinstance(node, _STATEMENTS) and not mentions(self.module, node, self.prune_words()):
            return False
        return super().on_visit(node)  # type: ignore[misc]

    def prune_words(self) -> tuple[str, ...]:
        return self.words


@dataclass(frozen=False)
class _TargetPositionState(CodegenState):
    """Codegen that notes (line, column) where each target node starts, and nothing else.

    Lines are counted lazily over the tokens emitted since the last target, in C
    (``str.count``), instead of per token like libcst's PositionProvider.
    """

    targets: frozenset = frozenset()
    found: dict = field(default_factory=dict)
    _index: int = 0
    _line: int = 1
    _column: int = 0

    def before_codegen(self, node: cst.CSTNode) -> None:
        if id(node) not in self.targets or id(node) in self.found:
            return
        chunk = "".join(self.tokens[self._index:])
        self._index = len(self.tokens)
        newlines = chunk.count("\n")
        if newlines:
            self._line += newlines
            self._column = len(chunk) - chunk.rfind("\n") - 1
        else:
            self._column += len(chunk)
        self.found[id(node)] = (self._line, self._column + 1)


def node_positions(module: cst.Module, nodes: Iterable[cst.CSTNode]) -> dict[int, tuple[int, int]]:
    """id(node) -> (1-based line, 1-based column) of where each node's code starts."""
    targets = frozenset(id(n) for n in nodes)
    if not targets:
        return {}
    state = _TargetPositionState(
        default_indent=module.default_indent, default_newline=module.default_newline, targets=targets
    )
    module._codegen(state)
    return state.found
