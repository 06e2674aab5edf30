"""Which local names reach ``uuid.uuid4`` in a file, and removing the uuid imports a rewrite left unused."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import libcst as cst

from codemods.engine.nodes import dotted_name


@dataclass
class UuidNames:
    """Local names through which a file reaches ``uuid.uuid4``."""

    modules: set[str] = field(default_factory=set)  # import uuid [as _uuid]
    uuid4: set[str] = field(default_factory=set)  # from uuid import uuid4 [as new_uuid]

    @property
    def all(self) -> set[str]:
        return self.modules | self.uuid4

    def is_uuid4_call(self, node: cst.CSTNode) -> bool:
        if not isinstance(node, cst.Call) or node.args:
            return False
        func = node.func
        if isinstance(func, cst.Name):
            return func.value in self.uuid4
        return (isinstance(func, cst.Attribute) and func.attr.value == "uuid4"
                and isinstance(func.value, cst.Name) and func.value.value in self.modules)


class _UuidImports(cst.CSTVisitor):
    def __init__(self) -> None:
        self.names = UuidNames()

    def visit_Import(self, node: cst.Import) -> bool:
        for alias in node.names:
            if dotted_name(alias.name) == "uuid":
                self.names.modules.add(alias.evaluated_alias or "uuid")
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        if node.relative or dotted_name(node.module) != "uuid":
            return False
        if isinstance(node.names, cst.ImportStar):
            self.names.uuid4.add("uuid4")
            return False
        for alias in node.names:
            if dotted_name(alias.name) == "uuid4":
                self.names.uuid4.add(alias.evaluated_alias or "uuid4")
        return False


def collect_uuid_names(module: cst.Module) -> UuidNames:
    visitor = _UuidImports()
    module.visit(visitor)
    return visitor.names


class _NameUses(cst.CSTVisitor):
    """Name uses outside imports, attribute names excluded."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def visit_Import(self, node: cst.Import) -> bool:
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        return False

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        node.value.visit(self)
        return False

    def visit_Name(self, node: cst.Name) -> None:
        self.counts[node.value] += 1


def name_uses(module: cst.CSTNode) -> Counter[str]:
    visitor = _NameUses()
    module.visit(visitor)
    return visitor.counts


class _DropImports(cst.CSTTransformer):
    """Remove the given local names from ``import uuid`` / ``from uuid import ...``."""

    def __init__(self, names: set[str]) -> None:
        super().__init__()
        self.names = names
        self._emptied: set[int] = set()

    def _keep(self, node, aliases, local_of):
        keep = [a for a in aliases if local_of(a) not in self.names]
        if len(keep) == len(aliases):
            return node
        if not keep:
            return cst.RemovalSentinel.REMOVE
        keep[-1] = keep[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        return node.with_changes(names=keep)

    def leave_Import(self, original_node, updated_node):
        return self._keep(updated_node, updated_node.names,
                          lambda a: (a.evaluated_alias or "uuid") if dotted_name(a.name) == "uuid" else None)

    def leave_ImportFrom(self, original_node, updated_node):
        if updated_node.relative or dotted_name(updated_node.module) != "uuid":
            return updated_node
        if isinstance(updated_node.names, cst.ImportStar):
            return updated_node
        return self._keep(updated_node, updated_node.names, lambda a: a.evaluated_alias or dotted_name(a.name))

    def leave_SimpleStatementLine(self, original_node, updated_node):
        if updated_node.body:
            return updated_node
        # libcst would drop the emptied line with the comments above it; the block decides instead.
        placeholder = updated_node.with_changes(body=[cst.Pass()])
        self._emptied.add(id(placeholder))
        return placeholder

    def _splice(self, body) -> list:
        """Drop emptied import lines; the lines above one (comments, spacing) move to the next statement."""
        out, carry = [], []
        for stmt in body:
            if id(stmt) in self._emptied:
                carry += stmt.leading_lines
                continue
            if carry:
                if stmt.leading_lines:  # it brings its own spacing: keep ours only up to the last comment
                    while carry and carry[-1].comment is None:
                        carry.pop()
                stmt, carry = stmt.with_changes(leading_lines=[*carry, *stmt.leading_lines]), []
            out.append(stmt)
        return out

    def leave_IndentedBlock(self, original_node, updated_node):
        body = self._splice(updated_node.body)
        return updated_node.with_changes(body=body or [cst.SimpleStatementLine([cst.Pass()])])

    def leave_Module(self, original_node, updated_node):
        return updated_node.with_changes(body=self._splice(updated_node.body))


def drop_unused_uuid_imports(module: cst.Module, names: UuidNames, before: Counter[str]) -> cst.Module:
    """Remove uuid imports whose last use a rewrite removed (used before, unused now)."""
    after = name_uses(module)
    gone = {n for n in names.all if before[n] and not after[n]}
    return module.visit(_DropImports(gone)) if gone else module
