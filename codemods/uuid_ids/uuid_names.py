"""Which local names reach ``uuid.uuid4`` in a file, and removing the uuid imports a rewrite left unused.

An import is unused when the scope it binds in had uses of its name before the
rewrite and has none after: a function-local ``import uuid`` goes with the last
use in that function, even while the module still uses its own ``import uuid``
elsewhere. Comment lines above a removed import stay (``codemods.engine.imports.line_removal``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import libcst as cst

from codemods.engine.dispatch import Transformer, Visitor
from codemods.engine.imports.line_removal import Placeholders, splice_block, splice_module
from codemods.engine.nodes import dotted_name
from codemods.engine.pruning import Pruning, SourceMap, StatementPruning


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


class _UuidImports(Visitor):
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


class _PrunedUuidImports(StatementPruning, _UuidImports):
    """Only statements that mention ``import`` are looked at."""

    words = ("import",)

    def __init__(self, texts: SourceMap) -> None:
        super().__init__()
        self.texts = texts


def collect_uuid_names(module: cst.Module, texts: SourceMap | None = None) -> UuidNames:
    """``texts``, a map of ``module``, lets the walk skip every statement without an import."""
    visitor = _PrunedUuidImports(texts) if texts is not None and texts.module is module else _UuidImports()
    module.visit(visitor)
    return visitor.names


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
            out.append((dotted_name(alias.name) or "").split(".")[0])
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


class _ScopedUses(Visitor):
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


class _Pruned(StatementPruning):
    """Skips the statements of the original module (``texts``) that mention none of the names.

    The walks before and after a rewrite and the removal skip the same statements: a statement
    the rewrite left alone is still the same object, found in the map, and any ``def`` inside one
    that mentions a name is visited by all three, so their function numbers agree.
    """

    def __init__(self, *args, texts: SourceMap | None = None, words: tuple[str, ...] = ()) -> None:
        super().__init__(*args)
        self.texts = texts
        self.words = words


class _PrunedScopedUses(_Pruned, _ScopedUses):
    """Counting skips expressions too: one that does not mention a name holds no use of it, and
    skipping it never skips a ``def`` (the statements skipped, hence the function numbers, stay
    those of the other two walks)."""

    prunable = Pruning.prunable


def scoped_uses(module: cst.CSTNode, names: set[str], texts: SourceMap | None = None) -> Counter[ScopedName]:
    visitor = _PrunedScopedUses(names, texts=texts, words=tuple(sorted(names)))
    module.visit(visitor)
    return visitor.counts()


class _DropImports(Transformer):
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
                          lambda a: (a.evaluated_alias or "uuid") if dotted_name(a.name) == "uuid" else None)

    def leave_ImportFrom(self, original_node, updated_node):
        if updated_node.relative or dotted_name(updated_node.module) != "uuid":
            return updated_node
        if isinstance(updated_node.names, cst.ImportStar):
            return updated_node
        return self._keep(updated_node, lambda a: a.evaluated_alias or dotted_name(a.name))

    def leave_SimpleStatementLine(self, original_node, updated_node):
        if updated_node.body:
            return updated_node
        # libcst would drop the emptied line with the comments above it; the block decides instead.
        return self.removed.make(original_node.leading_lines)

    def leave_IndentedBlock(self, original_node, updated_node):
        return splice_block(updated_node, self.removed)

    def leave_Module(self, original_node, updated_node):
        return splice_module(updated_node, self.removed)


class _PrunedDropImports(_Pruned, _DropImports):
    pass


def drop_dead_uuid_imports(original: cst.Module, module: cst.Module, names: set[str],
                           texts: SourceMap | None = None) -> cst.Module:
    """Remove the uuid imports whose scope lost its last use in the rewrite (``original`` -> ``module``).

    ``texts``, a map of ``original``, lets the three walks skip the statements that cannot matter."""
    texts = texts if texts is not None and texts.module is original else None
    words = tuple(sorted(names))
    before = scoped_uses(original, names, texts)
    after = scoped_uses(module, names, texts)
    gone = {key for key, count in before.items() if count and not after[key]}
    return module.visit(_PrunedDropImports(gone, texts=texts, words=words)) if gone else module
