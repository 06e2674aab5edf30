"""The uuid recipes' import fixes: drop uuid imports the rewrite left dead, import a test helper.

An import is dead when the scope it binds in had uses of its name before the
rewrite and has none after: a function-local ``import uuid`` goes with the last
use in that function, even while the module still uses its own ``import uuid``
elsewhere. Comment lines above a removed import stay (``codemods.engine.line_removal``).
"""

from __future__ import annotations

from collections import Counter

import libcst as cst

from codemods.engine.import_fixer import add_planned_imports
from codemods.engine.import_scopes import NoSourceMap, dotted, plan_imports
from codemods.engine.line_removal import Placeholders, splice_block, splice_module

#: (function ordinal, name): ordinal 0 is the module, then every ``def`` in source order.
ScopedName = tuple[int, str]


def _local_names(node: cst.Import | cst.ImportFrom) -> list[str]:
    if isinstance(node.names, cst.ImportStar):
        return []
    out = []
    for alias in node.names:
        if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
            out.append(alias.asname.name.value)
        else:
            out.append((dotted(alias.name) or "").split(".")[0])
    return out


class _Functions:
    """Numbers every ``def`` in visiting order; rewrites add or remove none, so the
    numbers of the tree before and after a rewrite agree."""

    def __init__(self) -> None:
        self.stack = [0]
        self._count = 0

    def enter(self) -> None:
        self._count += 1
        self.stack.append(self._count)

    def leave(self) -> None:
        self.stack.pop()


class _ScopedUses(cst.CSTVisitor):
    """Name uses outside imports (attribute names excluded), each counted for the scope that imports it."""

    def __init__(self, names: set[str]) -> None:
        super().__init__()
        self.names = names
        self.functions = _Functions()
        self.imported: dict[int, set[str]] = {}
        self.uses: list[tuple[str, tuple[int, ...]]] = []

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.functions.enter()

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self.functions.leave()

    def _imports(self, node) -> bool:
        self.imported.setdefault(self.functions.stack[-1], set()).update(_local_names(node))
        return False

    visit_Import = visit_ImportFrom = _imports

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        node.value.visit(self)
        return False

    def visit_Name(self, node: cst.Name) -> None:
        if node.value in self.names:
            self.uses.append((node.value, tuple(self.functions.stack)))

    def counts(self) -> Counter[ScopedName]:
        out: Counter[ScopedName] = Counter()
        for name, chain in self.uses:
            scope = next((f for f in reversed(chain) if name in self.imported.get(f, ())), 0)
            out[(scope, name)] += 1
        return out


def scoped_uses(module: cst.CSTNode, names: set[str]) -> Counter[ScopedName]:
    visitor = _ScopedUses(names)
    module.visit(visitor)
    return visitor.counts()


class _DropImports(cst.CSTTransformer):
    """Remove the given (scope, local name)s from ``import uuid`` / ``from uuid import ...``."""

    def __init__(self, gone: set[ScopedName]) -> None:
        super().__init__()
        self.gone = gone
        self.functions = _Functions()
        self.removed = Placeholders()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.functions.enter()

    def leave_FunctionDef(self, original_node, updated_node):
        self.functions.leave()
        return updated_node

    def _drop(self, local: str | None) -> bool:
        return local is not None and (self.functions.stack[-1], local) in self.gone

    def _keep(self, node, local_of):
        keep = [a for a in node.names if not self._drop(local_of(a))]
        if len(keep) == len(node.names):
            return node
        if not keep:
            return cst.RemovalSentinel.REMOVE
        keep[-1] = keep[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        return node.with_changes(names=keep)

    def leave_Import(self, original_node, updated_node):
        return self._keep(updated_node,
                          lambda a: (a.evaluated_alias or "uuid") if dotted(a.name) == "uuid" else None)

    def leave_ImportFrom(self, original_node, updated_node):
        if updated_node.relative or dotted(updated_node.module) != "uuid":
            return updated_node
        if isinstance(updated_node.names, cst.ImportStar):
            return updated_node
        return self._keep(updated_node, lambda a: a.evaluated_alias or dotted(a.name))

    def leave_SimpleStatementLine(self, original_node, updated_node):
        if updated_node.body:
            return updated_node
        # libcst would drop the emptied line with the comments above it; the block decides instead.
        return self.removed.make(original_node.leading_lines)

    def leave_IndentedBlock(self, original_node, updated_node):
        return splice_block(updated_node, self.removed)

    def leave_Module(self, original_node, updated_node):
        return splice_module(updated_node, self.removed)


def drop_dead_uuid_imports(original: cst.Module, module: cst.Module, names: set[str]) -> cst.Module:
    """Remove the uuid imports whose scope lost its last use in the rewrite (``original`` -> ``module``)."""
    before = scoped_uses(original, names)
    after = scoped_uses(module, names)
    gone = {key for key, count in before.items() if count and not after[key]}
    return module.visit(_DropImports(gone)) if gone else module


def import_helper(module: cst.Module, helper_module: str, name: str) -> cst.Module:
    """Import the configured test ID helper where the rewritten calls need it (as the manager names are)."""
    return add_planned_imports(module, plan_imports(module, helper_module, {name}), NoSourceMap())
