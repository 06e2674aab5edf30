"""Removing statements without losing the comments above them.

libcst drops a removed statement together with its ``leading_lines``, the
comment lines a reader wrote above it (``# imported late: circular import``).
A transformer here returns a *placeholder* in place of such a statement and the
block it sits in splices the placeholders out (``splice``): their comments move
to the next statement, or to the block's footer when nothing follows.
"""

from __future__ import annotations

from typing import Iterable, Sequence

import libcst as cst

from codemods.engine.dispatch import Visitor


class Placeholders:
    """The statements a transformer has removed, still standing in the tree until their block is spliced."""

    def __init__(self) -> None:
        self._ids: set[int] = set()
        self._keep: list[cst.CSTNode] = []  # ids are only unique while the nodes live

    def make(self, leading_lines: Sequence[cst.EmptyLine]) -> cst.SimpleStatementLine:
        node = cst.SimpleStatementLine([cst.Pass()], leading_lines=tuple(leading_lines))
        self._ids.add(id(node))
        self._keep.append(node)
        return node

    def __contains__(self, node: object) -> bool:
        return id(node) in self._ids


def _trim_blank_tail(lines: list[cst.EmptyLine]) -> list[cst.EmptyLine]:
    while lines and lines[-1].comment is None:
        lines.pop()
    return lines


def _trim_blank_head(lines: Sequence[cst.EmptyLine]) -> list[cst.EmptyLine]:
    out = list(lines)
    while out and out[0].comment is None:
        out.pop(0)
    return out


def comments(lines: Iterable[cst.EmptyLine]) -> list[cst.EmptyLine]:
    return [line for line in lines if line.comment is not None]


def splice(body: Sequence[cst.BaseStatement], removed: Placeholders, *, block_start: bool = False
           ) -> tuple[list[cst.BaseStatement], list[cst.EmptyLine]]:
    """``body`` without its placeholders, and the comments left over at its end.

    A placeholder's lines go to the next statement (when that one brings its own
    spacing, only up to the last comment). ``block_start``: a statement that moves
    up to open the block (or the file) does not open it with a blank line.
    """
    out: list[cst.BaseStatement] = []
    carry: list[cst.EmptyLine] = []
    dropped_first = False
    for stmt in body:
        if stmt in removed:
            carry.extend(stmt.leading_lines)
            dropped_first = dropped_first or not out
            continue
        lines = list(stmt.leading_lines)
        changed = False
        if carry:
            lines = (_trim_blank_tail(carry) if lines else carry) + lines
            carry, changed = [], True
        if block_start and dropped_first and not out:
            trimmed = _trim_blank_head(lines)
            changed = changed or len(trimmed) != len(lines)
            lines = trimmed
        out.append(stmt.with_changes(leading_lines=lines) if changed else stmt)
    return out, comments(carry)


def splice_block(block: cst.IndentedBlock, removed: Placeholders) -> cst.IndentedBlock:
    """Splice an indented block; one left empty gets a ``pass`` that carries the comments."""
    body, left = splice(block.body, removed, block_start=True)
    if not body:
        return block.with_changes(body=[cst.SimpleStatementLine([cst.Pass()], leading_lines=left)])
    if left:
        return block.with_changes(body=body, footer=[*left, *block.footer])
    return block.with_changes(body=body)


def splice_module(module: cst.Module, removed: Placeholders) -> cst.Module:
    body, left = splice(module.body, removed, block_start=True)
    if left:
        return module.with_changes(body=body, footer=[*left, *module.footer])
    return module.with_changes(body=body)


def comments_inside(node: cst.CSTNode) -> list[cst.EmptyLine]:
    """Every standalone comment line in a compound statement (above its clauses and statements,
    in block footers), in source order: what must survive when the whole statement goes."""
    found: list[cst.EmptyLine] = []

    class _Lines(Visitor):
        def on_visit(self, n: cst.CSTNode) -> bool:
            if isinstance(n, cst.EmptyLine) and n.comment is not None:
                found.append(n)
            return not isinstance(n, cst.BaseExpression)

    node.visit(_Lines())
    return found
