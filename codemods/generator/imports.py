"""Remove the generator imports a file no longer uses.

Removal is decided from the usages the transform left in place (no ``ScopeProvider``:
its metadata costs several times the parse). It reaches imports inside functions and
``try/except ImportError`` fallbacks, drops a ``try`` whose every branch became empty,
and keeps ``__all__`` in step with what is imported. The pass skips simple statements
that cannot matter (``codemods.engine.pruning``).
"""

from __future__ import annotations

import re

import libcst as cst

from codemods.engine.nodes import dotted_name, module_name
from codemods.engine.pruning import Pruning, SourceMap
from codemods.generator.bindings import Bindings
from codemods.generator.rules import GENERATOR_CLASS, MODULE_HELPERS


def unused_from_kept(bindings: Bindings, kept_texts: list[str]) -> set[str]:
    """Unused generator imports, from the usages the transform left in place.

    Every reference to a generator name is a finding (the transform records bare
    references too), so a name no manual finding mentions is no longer used. Cheaper
    than walking the rewritten tree; the guard's pyflakes pass would catch a miss.
    """
    joined = "\n".join(kept_texts)

    def used(word: str) -> bool:
        return re.search(rf"(?<![\w.]){re.escape(word)}\b", joined) is not None

    unused = {name for name in bindings.imported_names if not used(name)}
    unused |= {ref for ref in bindings.module_refs if not used(ref)}
    if bindings.star_import and not any(used(n) for n in (GENERATOR_CLASS, *MODULE_HELPERS)):
        unused.add("*")
    return unused


def _only_pass(body: cst.BaseSuite) -> bool:
    if not isinstance(body, cst.IndentedBlock):
        return False
    return all(
        isinstance(stmt, cst.SimpleStatementLine) and all(isinstance(s, cst.Pass) for s in stmt.body)
        for stmt in body.body
    )


def _without(aliases, unused: set[str], known: set[str]) -> tuple[list, list[str]]:
    keep, removed = [], []
    for alias in aliases:
        local = alias.evaluated_alias or dotted_name(alias.name) or ""
        if local in unused and local in known:
            removed.append(local)
        else:
            keep.append(alias)
    if keep and len(keep) != len(aliases):
        keep[-1] = keep[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
    return keep, removed


class _RemoveImports(Pruning, cst.CSTTransformer):
    def __init__(
        self,
        unused: set[str],
        bindings: Bindings,
        sources: tuple[str, ...],
        replacement: cst.SimpleStatementLine | None,
    ) -> None:
        super().__init__()
        self.unused = unused
        self.bindings = bindings
        self.sources = sources
        #: The manager import, put where the first removed top-level import stood.
        self.replacement = replacement
        self.replaced = False
        self.removed: set[str] = set()
        self._depth = 0
        self._try_removed: list[bool] = []
        self._removed_lines: set[int] = set()
        self.words = (*sorted(unused - {"*"}), "import *", "__all__")

    def visit_Try(self, node: cst.Try) -> None:
        self._try_removed.append(False)

    def leave_Try(self, original_node, updated_node):
        removed_inside = self._try_removed.pop()
        if self._try_removed and removed_inside:
            self._try_removed[-1] = True
        if (
            removed_inside
            and _only_pass(updated_node.body)
            and all(_only_pass(h.body) for h in updated_node.handlers)
            and updated_node.orelse is None
            and updated_node.finalbody is None
        ):
            return cst.RemovalSentinel.REMOVE
        return updated_node

    def visit_IndentedBlock(self, node: cst.IndentedBlock) -> None:
        self._depth += 1

    def leave_IndentedBlock(self, original_node, updated_node):
        self._depth -= 1
        if not updated_node.body:
            return updated_node.with_changes(body=[cst.SimpleStatementLine([cst.Pass()])])
        if original_node.body and id(original_node.body[0]) in self._removed_lines:
            # The block's first statement went away: don't open the block with a blank line.
            first = updated_node.body[0].with_changes(leading_lines=())
            return updated_node.with_changes(body=[first, *updated_node.body[1:]])
        return updated_node

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> bool:
        return False  # everything happens at the statement level, below

    def leave_SimpleStatementLine(self, original_node, updated_node):
        body = [self._small(stmt) for stmt in updated_node.body]
        body = [stmt for stmt in body if stmt is not None]
        if len(body) == len(updated_node.body) and all(a is b for a, b in zip(body, updated_node.body)):
            return updated_node
        if self._try_removed:
            self._try_removed[-1] = True
        if body:
            body[-1] = body[-1].with_changes(semicolon=cst.MaybeSentinel.DEFAULT)
            return updated_node.with_changes(body=body)
        if self.replacement is not None and not self.replaced and self._depth == 0:
            self.replaced = True
            return self.replacement.with_changes(
                leading_lines=original_node.leading_lines,
                # keep that line's own newline (CRLF in a mixed file), not its comment
                trailing_whitespace=cst.TrailingWhitespace(newline=original_node.trailing_whitespace.newline),
            )
        self._removed_lines.add(id(original_node))
        return cst.RemovalSentinel.REMOVE

    def _small(self, stmt: cst.BaseSmallStatement) -> cst.BaseSmallStatement | None:
        if isinstance(stmt, cst.ImportFrom):
            if isinstance(stmt.names, cst.ImportStar):
                if "*" in self.unused and module_name(stmt.module) in self.sources:
                    self.removed.add("*")
                    return None
                return stmt
            keep, removed = _without(stmt.names, self.unused, self.bindings.imported_names)
            self.removed.update(removed)
            return stmt if not removed else (stmt.with_changes(names=keep) if keep else None)
        if isinstance(stmt, cst.Import):
            keep, removed = _without(stmt.names, self.unused, self.bindings.module_refs)
            self.removed.update(removed)
            return stmt if not removed else (stmt.with_changes(names=keep) if keep else None)
        if isinstance(stmt, cst.Assign) and self.removed:
            return self._prune_all(stmt)
        return stmt

    def _prune_all(self, stmt: cst.Assign) -> cst.Assign:
        """Drop removed names from ``__all__ = [...]``."""
        target = stmt.targets[0].target if len(stmt.targets) == 1 else None
        value = stmt.value
        if not (isinstance(target, cst.Name) and target.value == "__all__"):
            return stmt
        if not isinstance(value, (cst.List, cst.Tuple)):
            return stmt
        elements = [
            el for el in value.elements
            if not (isinstance(el.value, cst.SimpleString) and el.value.evaluated_value in self.removed)
        ]
        if len(elements) == len(value.elements):
            return stmt
        if elements:
            elements[-1] = elements[-1].with_changes(comma=value.elements[-1].comma)
        return stmt.with_changes(value=value.with_changes(elements=elements))


def remove_unused_imports(module: cst.Module, bindings: Bindings, sources: tuple[str, ...],
                          kept_texts: list[str], texts: SourceMap,
                          replacement: cst.SimpleStatementLine | None) -> tuple[cst.Module, bool]:
    """Drop the generator imports nothing kept uses; ``replacement`` (the manager import) takes the
    place of the first top-level one that goes away. Returns the module and whether it did."""
    unused = unused_from_kept(bindings, kept_texts)
    if not unused:
        return module, False
    remover = _RemoveImports(unused, bindings, sources, replacement)
    remover.texts = texts  # statements the transform left alone are in it
    return module.visit(remover), remover.replaced
