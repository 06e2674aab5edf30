"""Where a rewritten file must import the names its rewrites use.

A name counts as available in a function when the function itself, a function
around it, or the module binds it; an import inside *another* function does not
count (the bug this module exists for: ``IDType`` imported in ``a()`` made the
old fixer skip the import ``b()`` needed). Bindings under ``if TYPE_CHECKING:``
do not count either: they do not exist at run time.

Every use that nothing binds gets a target scope, the innermost function around
it that already imports that way locally (a function-local import of the same
API, or a removed import whose place the new one takes), else the module.

The walk follows statements directly (a libcst visit rebuilds every node it
passes) and enters only those that mention the names, the API's modules or the
imports being removed; expressions are scanned by ``name_scan``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

import libcst as cst

from codemods.engine.imports.name_scan import NameScan
from codemods.engine.nodes import dotted_name
from codemods.engine.pruning import SourceMap

#: Says whether an import line is about to be removed whole (its place can take the new import).
Removable = Callable[[cst.SimpleStatementLine], bool]


@dataclass
class Target:
    """The import one scope gets: which names, and where in the scope's own statements."""

    names: set[str] = field(default_factory=set)
    #: Index (in the scope's statement list) of the first statement that uses one of the names.
    first_use: int = 1 << 30
    #: A removed import line to put the new import in place of (id of the original node).
    slot: int | None = None
    #: An existing ``from <import_path> import ...`` line to add the names to (id of the original node).
    merge: int | None = None

    @property
    def inserts(self) -> bool:
        """Does the import go on a new line (rather than in a slot or an existing line)?"""
        return self.slot is None and self.merge is None


@dataclass
class ImportPlan:
    import_path: str
    module: Target | None = None
    #: id(the function's original body block) -> its target.
    functions: dict[int, Target] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return self.module is not None or bool(self.functions)

    def by_line(self) -> dict[int, Target]:
        """Slot and merge lines -> the target they serve."""
        targets = [t for t in (self.module, *self.functions.values()) if t is not None]
        return {line: t for t in targets for line in (t.slot, t.merge) if line is not None}


@dataclass(eq=False)
class _Scope:
    kind: str  # "module", "function" or "class"
    body_id: int | None = None
    #: Index of the scope's own statement being walked.
    current: int = 0
    bound: set[str] = field(default_factory=set)
    local_imports: bool = False
    slots: list[tuple[int, int]] = field(default_factory=list)  # (id(line), index)
    merges: list[tuple[int, int]] = field(default_factory=list)


class NoSourceMap:
    """Stands in for a ``SourceMap`` when there is none: nothing is skipped, text is printed."""

    @staticmethod
    def known(node: cst.CSTNode) -> bool:
        return False

    @staticmethod
    def mentions(node: cst.CSTNode, words: tuple[str, ...]) -> bool:
        return True

    @staticmethod
    def text(node: cst.CSTNode) -> str:
        return cst.Module([]).code_for_node(node)


def module_of(node: cst.ImportFrom) -> str | None:
    """Dotted module of an absolute ``from`` import, else None."""
    return None if node.relative or node.module is None else dotted_name(node.module)


def _is_type_checking(test: cst.BaseExpression) -> bool:
    if isinstance(test, cst.Name):
        return test.value == "TYPE_CHECKING"
    return isinstance(test, cst.Attribute) and test.attr.value == "TYPE_CHECKING"


def _params(params: cst.Parameters) -> list[cst.Param]:
    star = [p for p in (params.star_arg, params.star_kwarg) if isinstance(p, cst.Param)]
    return [*params.posonly_params, *params.params, *params.kwonly_params, *star]


class _Walk:
    def __init__(self, names: frozenset[str], import_path: str, api_modules: frozenset[str],
                 removable: Removable | None, texts, words: Iterable[str]) -> None:
        self.names = names
        self.import_path = import_path
        self.api_modules = api_modules | {import_path}
        self.removable = removable
        self.texts = texts
        self.words = tuple(sorted({*names, *self.api_modules, *words}))
        self.scopes: list[_Scope] = []
        self.uses: list[tuple[str, tuple[tuple[_Scope, int], ...]]] = []
        #: Blocks the current statement sits in, inside the current scope: "try" (a try body),
        #: "typing" (``if TYPE_CHECKING:``) or "other".
        self.blocks: list[str] = []

    # ------------------------------------------------------------ helpers
    @property
    def scope(self) -> _Scope:
        return self.scopes[-1]

    def _in_place(self) -> bool:
        """A new line here sits in the scope's own statements or in ``try`` bodies only."""
        return all(kind == "try" for kind in self.blocks)

    def _bind(self, name: str) -> None:
        if name in self.names and "typing" not in self.blocks:
            self.scope.bound.add(name)

    def _scan(self, *nodes: cst.CSTNode | None) -> None:
        scan = NameScan(self.names, self.texts, self.words)
        for node in nodes:
            if node is not None:
                scan.scan(node)
        for name in scan.bound:
            self._bind(name)
        if scan.uses:
            chain = tuple((s, s.current) for s in reversed(self.scopes))
            self.uses.extend((name, chain) for name in scan.uses)

    def _skip(self, node: cst.CSTNode) -> bool:
        return self.texts.known(node) and not self.texts.mentions(node, self.words)

    # ------------------------------------------------------------ statements
    def body(self, statements: Sequence[cst.BaseStatement], owner: _Scope | None = None) -> None:
        """``owner``: the scope whose own statement list this is (its index is tracked)."""
        for index, stmt in enumerate(statements):
            if owner is not None:
                owner.current = index
            if self._skip(stmt):
                continue
            if isinstance(stmt, cst.SimpleStatementLine):
                self.line(stmt)
            else:
                self.compound(stmt)

    def _block(self, suite: cst.BaseSuite, kind: str) -> None:
        self.blocks.append(kind)
        if isinstance(suite, cst.IndentedBlock):
            self.body(suite.body)
        else:
            self.small(suite.body, None)
        self.blocks.pop()

    def line(self, line: cst.SimpleStatementLine) -> None:
        if self.removable is not None and self._in_place() and self.removable(line):
            self.scope.slots.append((id(line), self.scope.current))
        self.small(line.body, line)

    def small(self, statements: Sequence[cst.BaseSmallStatement], line: cst.SimpleStatementLine | None) -> None:
        for stmt in statements:
            if isinstance(stmt, cst.Import):
                for alias in stmt.names:
                    local = alias.asname.name if alias.asname is not None else None
                    top = (dotted_name(alias.name) or "").split(".")[0]  # import a.b binds a
                    self._bind(local.value if isinstance(local, cst.Name) else top)
            elif isinstance(stmt, cst.ImportFrom):
                self.import_from(stmt, line if line is not None and len(line.body) == 1 else None)
            else:
                self._scan(stmt)

    def import_from(self, node: cst.ImportFrom, line: cst.SimpleStatementLine | None) -> None:
        module = module_of(node)
        api = module in self.api_modules
        if isinstance(node.names, cst.ImportStar):
            if api:
                for name in self.names:
                    self._bind(name)
        else:
            for alias in node.names:
                local = alias.asname.name if alias.asname is not None else alias.name
                if isinstance(local, cst.Name):
                    self._bind(local.value)
        if not api or "typing" in self.blocks:
            return
        self.scope.local_imports = True
        mergeable = (module == self.import_path and not isinstance(node.names, cst.ImportStar)
                     and node.lpar is None and line is not None and self._in_place())
        if mergeable and (self.scope.kind != "module" or not self.blocks):
            self.scope.merges.append((id(line), self.scope.current))

    def compound(self, node: cst.BaseCompoundStatement) -> None:
        if isinstance(node, (cst.FunctionDef, cst.ClassDef)):
            self.definition(node)
        elif isinstance(node, cst.If):
            self._scan(node.test)
            self._block(node.body, "typing" if _is_type_checking(node.test) else "other")
            if isinstance(node.orelse, cst.If):
                self.compound(node.orelse)
            elif node.orelse is not None:
                self._block(node.orelse.body, "other")
        elif isinstance(node, (cst.Try, cst.TryStar)):
            self._block(node.body, "try")
            for handler in node.handlers:
                self._scan(handler.type, handler.name)
                self._block(handler.body, "other")
            for clause in (node.orelse, node.finalbody):
                if clause is not None:
                    self._block(clause.body, "other")
        elif isinstance(node, (cst.For, cst.While, cst.With)):
            if isinstance(node, cst.For):
                self._scan(node.target, node.iter)
            elif isinstance(node, cst.While):
                self._scan(node.test)
            else:
                self._scan(*node.items)
            self._block(node.body, "other")
            if getattr(node, "orelse", None) is not None:
                self._block(node.orelse.body, "other")
        elif isinstance(node, cst.Match):
            self._scan(node.subject)
            for case in node.cases:
                self._scan(case.pattern, case.guard)
                self._block(case.body, "other")
        else:  # a statement type this walk does not know: its names still count, in this scope
            self._scan(node)

    def definition(self, node: cst.FunctionDef | cst.ClassDef) -> None:
        self._bind(node.name.value)
        if isinstance(node, cst.FunctionDef):  # decorators, defaults and annotations run in the enclosing scope
            self._scan(*node.decorators, node.params, node.returns)
        else:
            self._scan(*node.decorators, *node.bases, *node.keywords)
        if not isinstance(node.body, cst.IndentedBlock):  # a one-line body: no place for an import
            self._block(node.body, "other")
            return
        scope = _Scope("function" if isinstance(node, cst.FunctionDef) else "class", id(node.body))
        if isinstance(node, cst.FunctionDef):
            scope.bound = {p.name.value for p in _params(node.params)} & self.names
        outer_blocks, self.blocks = self.blocks, []
        self.scopes.append(scope)
        self.body(node.body.body, scope)
        self.scopes.pop()
        self.blocks = outer_blocks


def _visible(chain: tuple[tuple[_Scope, int], ...]) -> list[_Scope]:
    """The scopes a name used at ``chain[0]`` is looked up in: a class body only from itself."""
    return [scope for i, (scope, _) in enumerate(chain) if i == 0 or scope.kind != "class"]


def _target_scope(chain: tuple[tuple[_Scope, int], ...]) -> tuple[_Scope, int]:
    for scope, index in chain:
        if scope.kind == "function" and (scope.local_imports or any(at <= index for _, at in scope.slots)):
            return scope, index
    return chain[-1]


def _finish(scope: _Scope, target: Target) -> Target:
    target.slot = next((line for line, at in scope.slots if at <= target.first_use), None)
    if target.slot is None:
        target.merge = next((line for line, at in scope.merges if at < target.first_use), None)
    return target


def plan_imports(module: cst.Module, import_path: str, names: Iterable[str], *,
                 texts: SourceMap | None = None, api_modules: Iterable[str] = (),
                 removable: Removable | None = None, removal_words: Iterable[str] = ()) -> ImportPlan:
    """Which scopes of ``module`` must import which of ``names`` from ``import_path``, and where.

    ``api_modules``: other modules the same names come from (a local import from one
    makes function-local imports that function's convention). ``removable`` and
    ``removal_words``: the import lines about to be removed, whose place a new import takes.
    """
    plan = ImportPlan(import_path)
    wanted = frozenset(names)
    if not wanted:
        return plan
    walk = _Walk(wanted, import_path, frozenset(api_modules), removable,
                 texts if texts is not None else NoSourceMap(), removal_words)
    top = _Scope("module")
    walk.scopes.append(top)
    walk.body(module.body, top)
    targets: dict[int, tuple[_Scope, Target]] = {}
    for name, chain in walk.uses:
        if any(name in scope.bound for scope in _visible(chain)):
            continue
        scope, index = _target_scope(chain)
        _, target = targets.setdefault(id(scope), (scope, Target()))
        target.names.add(name)
        target.first_use = min(target.first_use, index)
    for scope, target in targets.values():
        _finish(scope, target)
        if scope.kind == "module":
            plan.module = target
        else:
            plan.functions[scope.body_id] = target
    return plan
