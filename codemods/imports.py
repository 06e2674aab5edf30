"""SPEC 4.4: remove generator imports a file no longer uses; add the manager names it now uses.

Removal is name-count based (no ScopeProvider, see SPEC 7). It reaches imports
inside functions and ``try/except ImportError`` fallbacks, drops a ``try`` whose
every branch became empty, and keeps ``__all__`` in step with what is imported.
"""

from __future__ import annotations

from collections import Counter

import libcst as cst
from libcst.codemod import CodemodContext
from libcst.codemod.visitors import AddImportsVisitor, ImportItem

from codemods.bindings import Bindings, dotted_name, module_name
from codemods.rules import GENERATOR_CLASS, MODULE_HELPERS


class _NameCounter(cst.CSTVisitor):
    """Counts Name uses (and dotted module uses) outside import statements."""

    def __init__(self) -> None:
        self.names: Counter[str] = Counter()
        self.dotted: Counter[str] = Counter()

    def visit_Import(self, node: cst.Import) -> bool:
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        return False

    def visit_Name(self, node: cst.Name) -> None:
        self.names[node.value] += 1

    def visit_Attribute(self, node: cst.Attribute) -> None:
        name = dotted_name(node)
        if name:
            self.dotted[name] += 1


def unused_generator_names(module: cst.Module, bindings: Bindings) -> set[str]:
    """Local names imported from the generator that nothing refers to any more."""
    counter = _NameCounter()
    module.visit(counter)
    unused = {name for name in bindings.imported_names if counter.names[name] == 0}
    for ref in bindings.module_refs:
        head = ref.split(".")[0]
        used = counter.dotted[ref] if "." in ref else counter.names[head]
        if not any(key.startswith(ref + ".") for key in counter.dotted) and not used:
            unused.add(ref)
    if bindings.star_import and not any(counter.names[n] for n in (GENERATOR_CLASS, *MODULE_HELPERS)):
        unused.add("*")
    return unused


def _only_pass(body: cst.BaseSuite) -> bool:
    if not isinstance(body, cst.IndentedBlock):
        return False
    return all(
        isinstance(stmt, cst.SimpleStatementLine) and all(isinstance(s, cst.Pass) for s in stmt.body)
        for stmt in body.body
    )


class _RemoveImports(cst.CSTTransformer):
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
        self._depth = 0
        self.removed: set[str] = set()
        self._try_depth_removed: list[bool] = []

    def visit_Try(self, node: cst.Try) -> None:
        self._try_depth_removed.append(False)

    def leave_Try(self, original_node, updated_node):
        removed_inside = self._try_depth_removed.pop()
        if self._try_depth_removed and removed_inside:
            self._try_depth_removed[-1] = True
        if (
            removed_inside
            and _only_pass(updated_node.body)
            and all(_only_pass(h.body) for h in updated_node.handlers)
            and updated_node.orelse is None
            and updated_node.finalbody is None
        ):
            return cst.RemovalSentinel.REMOVE
        return updated_node

    def _mark_removed(self, name: str) -> None:
        self.removed.add(name)
        if self._try_depth_removed:
            self._try_depth_removed[-1] = True

    def leave_ImportFrom(self, original_node, updated_node):
        if isinstance(updated_node.names, cst.ImportStar):
            if "*" in self.unused and module_name(updated_node.module) in self.sources:
                self._mark_removed("*")
                return cst.RemovalSentinel.REMOVE
            return updated_node
        keep = []
        for alias in updated_node.names:
            local = alias.evaluated_alias or dotted_name(alias.name) or ""
            if local in self.unused and local in self.bindings.imported_names:
                self._mark_removed(local)
            else:
                keep.append(alias)
        if len(keep) == len(updated_node.names):
            return updated_node
        if not keep:
            return cst.RemovalSentinel.REMOVE
        keep[-1] = keep[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        return updated_node.with_changes(names=keep)

    def leave_Import(self, original_node, updated_node):
        keep = []
        for alias in updated_node.names:
            ref = alias.evaluated_alias or dotted_name(alias.name) or ""
            if ref in self.unused and ref in self.bindings.module_refs:
                self._mark_removed(ref)
            else:
                keep.append(alias)
        if len(keep) == len(updated_node.names):
            return updated_node
        if not keep:
            return cst.RemovalSentinel.REMOVE
        keep[-1] = keep[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        return updated_node.with_changes(names=keep)

    def leave_SimpleStatementLine(self, original_node, updated_node):
        if updated_node.body:
            return updated_node
        if self.replacement is not None and not self.replaced and self._depth == 0:
            self.replaced = True
            return self.replacement.with_changes(leading_lines=original_node.leading_lines)
        return cst.RemovalSentinel.REMOVE

    def visit_IndentedBlock(self, node: cst.IndentedBlock) -> None:
        self._depth += 1

    def leave_IndentedBlock(self, original_node, updated_node):
        self._depth -= 1
        if not updated_node.body:
            return updated_node.with_changes(body=[cst.SimpleStatementLine([cst.Pass()])])
        return updated_node

    def leave_Assign(self, original_node, updated_node):
        """Drop removed names from ``__all__ = [...]``."""
        if not self.removed or len(updated_node.targets) != 1:
            return updated_node
        target = updated_node.targets[0].target
        value = updated_node.value
        if not (isinstance(target, cst.Name) and target.value == "__all__"):
            return updated_node
        if not isinstance(value, (cst.List, cst.Tuple)):
            return updated_node
        elements = [
            el for el in value.elements
            if not (isinstance(el.value, cst.SimpleString) and el.value.evaluated_value in self.removed)
        ]
        if len(elements) == len(value.elements):
            return updated_node
        if elements:
            elements[-1] = elements[-1].with_changes(comma=value.elements[-1].comma)
        return updated_node.with_changes(value=value.with_changes(elements=elements))


def _import_line(import_path: str, names: set[str]) -> cst.SimpleStatementLine:
    return cst.SimpleStatementLine([
        cst.ImportFrom(
            module=cst.parse_expression(import_path),
            names=[cst.ImportAlias(cst.Name(n)) for n in sorted(names)],
        )
    ])


def update_imports(module: cst.Module, bindings: Bindings, sources: tuple[str, ...],
                   import_path: str, names: set[str]) -> cst.Module:
    """Drop unused generator imports and import ``names`` from ``import_path``.

    The manager import takes the place of the first top-level generator import that
    goes away, so the file keeps its import layout; otherwise libcst's
    ``AddImportsVisitor`` adds it after the existing imports.
    """
    unused = unused_generator_names(module, bindings)
    replacement = _import_line(import_path, names) if names else None
    if unused:
        remover = _RemoveImports(unused, bindings, sources, replacement)
        module = module.visit(remover)
        if remover.replaced:
            return module
    if not names:
        return module
    context = CodemodContext()
    items = [ImportItem(import_path, name) for name in sorted(names)]
    return module.visit(AddImportsVisitor(context, items))
