"""Print a rewritten module by copying what the rewrite left alone.

A rewrite replaces a few statements deep inside a class; libcst would print the whole class
again, every statement of every kept method. A statement the rewrite kept is the same
object as before, and its recorded tokens (``SourceMap``) are what libcst would print for
it again, provided it sits at the same indentation: a statement's tokens depend only on the
node, the indentation of the blocks around it and the module's default indent and newline.
So every kept statement whose enclosing blocks are indented as before is swapped for a
``Verbatim`` node holding its tokens, and only the statements on the way to a change are
printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import libcst as cst

#: The indentation around a statement: the ``indent`` of each enclosing ``IndentedBlock``.
Indents = tuple


@dataclass(frozen=True)
class Verbatim(cst.BaseStatement):
    """A statement printed as the tokens recorded for it."""

    tokens: Sequence[str] = ()

    def _visit_and_replace_children(self, visitor) -> "Verbatim":
        return self

    def _codegen_impl(self, state, **kwargs) -> None:
        state.tokens.extend(self.tokens)


def _blocks(node: cst.CSTNode):
    """The indented blocks directly under a compound statement (through else, elif, except,
    finally and case clauses)."""
    body = getattr(node, "body", None)
    if isinstance(body, cst.IndentedBlock):
        yield body
    orelse = getattr(node, "orelse", None)
    if isinstance(orelse, cst.If):
        yield from _blocks(orelse)
    elif orelse is not None and isinstance(orelse.body, cst.IndentedBlock):
        yield orelse.body
    for clause in (*getattr(node, "handlers", ()), *getattr(node, "cases", ())):
        if isinstance(clause.body, cst.IndentedBlock):
            yield clause.body
    final = getattr(node, "finalbody", None)
    if final is not None and isinstance(final.body, cst.IndentedBlock):
        yield final.body


def statement_indents(module: cst.Module) -> dict[int, Indents]:
    """id of every statement in a statement list of ``module`` -> the indentation around it."""
    found: dict[int, Indents] = {}

    def walk(statements: Sequence[cst.BaseStatement], indents: Indents) -> None:
        for statement in statements:
            found[id(statement)] = indents
            if isinstance(statement, cst.BaseCompoundStatement):
                for block in _blocks(statement):
                    walk(block.body, (*indents, block.indent))

    walk(module.body, ())
    return found


class _Swap:
    def __init__(self, indents_before: dict[int, Indents], recorded: Callable[[cst.CSTNode], list[str] | None]):
        self.indents_before = indents_before
        self.recorded = recorded

    def statements(self, statements: Sequence[cst.BaseStatement], indents: Indents) -> list[cst.BaseStatement]:
        out = []
        for statement in statements:
            tokens = self.recorded(statement) if self.indents_before.get(id(statement)) == indents else None
            if tokens is not None:
                out.append(Verbatim(tokens))
            elif isinstance(statement, cst.BaseCompoundStatement):
                out.append(self.compound(statement, indents))
            else:
                out.append(statement)
        return out

    def compound(self, node: cst.CSTNode, indents: Indents) -> cst.CSTNode:
        changes = {}
        body = getattr(node, "body", None)
        if isinstance(body, cst.IndentedBlock):
            changes["body"] = self.block(body, indents)
        orelse = getattr(node, "orelse", None)
        if isinstance(orelse, cst.If):
            changes["orelse"] = self.compound(orelse, indents)
        elif orelse is not None:
            changes["orelse"] = self.clause(orelse, indents)
        for name in ("handlers", "cases"):
            clauses = getattr(node, name, ())
            if clauses:
                changes[name] = [self.clause(clause, indents) for clause in clauses]
        final = getattr(node, "finalbody", None)
        if final is not None:
            changes["finalbody"] = self.clause(final, indents)
        return node.with_changes(**changes) if changes else node

    def clause(self, clause: cst.CSTNode, indents: Indents) -> cst.CSTNode:
        if isinstance(clause.body, cst.IndentedBlock):
            return clause.with_changes(body=self.block(clause.body, indents))
        return clause

    def block(self, block: cst.IndentedBlock, indents: Indents) -> cst.IndentedBlock:
        return block.with_changes(body=self.statements(block.body, (*indents, block.indent)))


def with_verbatim(module: cst.Module, original: cst.Module, indents_before: dict[int, Indents],
                  recorded: Callable[[cst.CSTNode], list[str] | None]) -> cst.Module:
    """``module`` with every statement ``recorded`` has tokens for, and that sits at the
    indentation it had in ``original``, swapped for those tokens."""
    if (module.default_indent, module.default_newline) != (original.default_indent, original.default_newline):
        return module
    return module.with_changes(body=_Swap(indents_before, recorded).statements(module.body, ()))
