"""One pass over a file's stdlib ``ast``: who reads which name, attribute and function, so a value's
way through its function, class and module can be followed (``codemods.uuid_ids.flow.trace``).

Built from the statements the engine already parsed with ``ast`` (no second parse), and only
for files with a uuid site. Scopes are coarse on purpose: a class body shares its enclosing
function's names, and a nested function sees every name it does not bind itself. Both only
ever add readers, so a value is followed to more places, never fewer.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from dataclasses import dataclass, field

from codemods.uuid_ids.uuid_names import UuidNames

_FUNCS = (ast.FunctionDef, ast.AsyncFunctionDef)
MODULE_SCOPE = 0


def _top_level(statements: list[ast.stmt]) -> list[ast.stmt]:
    nested: set[int] = set()
    for node in statements:
        for name in ("body", "orelse", "finalbody"):
            for inner in getattr(node, name, None) or ():
                nested.add(id(inner))
        for handler in getattr(node, "handlers", ()):
            nested.update(id(s) for s in handler.body)
        for case in getattr(node, "cases", ()):
            nested.update(id(s) for s in case.body)
    return [s for s in statements if id(s) not in nested]




@dataclass
class FileFacts:
    """Readers of every name, ``self`` attribute, field and function of one file."""

    source_lines: list[bytes]
    parents: dict[int, ast.AST] = field(default_factory=dict)
    #: id(node) -> id of its innermost function (``MODULE_SCOPE`` at module level).
    scope: dict[int, int] = field(default_factory=dict)
    #: id(node) -> the class whose method (or body) holds it.
    owner_class: dict[int, ast.ClassDef] = field(default_factory=dict)
    functions: dict[int, ast.AST] = field(default_factory=dict)
    #: scope id -> names it binds (parameters, assignment targets, imports, defs).
    binds: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))
    #: scope id -> the function scopes directly inside it.
    children: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    #: (scope id, name) -> Name loads.
    name_reads: dict[tuple[int, str], list[ast.Name]] = field(default_factory=lambda: defaultdict(list))
    #: (id of class, attr) -> ``self.attr`` / ``cls.attr`` loads in that class.
    self_reads: dict[tuple[int, str], list[ast.Attribute]] = field(default_factory=lambda: defaultdict(list))
    #: attr -> every ``x.attr`` load (for fields of the file's own classes).
    attr_reads: dict[str, list[ast.Attribute]] = field(default_factory=lambda: defaultdict(list))
    #: name -> calls ``name(...)``; (id of class, name) -> calls ``self.name(...)``.
    calls: dict[str, list[ast.Call]] = field(default_factory=lambda: defaultdict(list))
    method_calls: dict[tuple[int, str], list[ast.Call]] = field(default_factory=lambda: defaultdict(list))
    #: module-level function and class definitions by name; methods by (id of class, name).
    defs: dict[str, ast.AST] = field(default_factory=dict)
    methods: dict[tuple[int, str], ast.AST] = field(default_factory=dict)
    #: Keys and attribute names parsed with ``UUID(...)`` (``UUID(record["trace_id"])``) -> line.
    uuid_parsed: dict[str, int] = field(default_factory=dict)
    #: line -> [(column in characters, uuid4() call)].
    uuid_calls: dict[int, list[tuple[int, ast.Call]]] = field(default_factory=lambda: defaultdict(list))

    def parent(self, node: ast.AST) -> ast.AST | None:
        return self.parents.get(id(node))

    def function_of(self, node: ast.AST) -> ast.AST | None:
        return self.functions.get(self.scope.get(id(node), MODULE_SCOPE))

    def uuid_call_at(self, line: int, column: int) -> ast.Call | None:
        """The ``uuid4()`` call at (line, 1-based character column), the nearest on its line."""
        found = self.uuid_calls.get(line)
        if not found:
            return None
        return min(found, key=lambda item: abs(item[0] - column))[1]

    def reads_of(self, scope: int, name: str) -> list[ast.Name]:
        """Loads of ``name`` bound in ``scope``: there and in nested functions that do not rebind it."""
        out = list(self.name_reads.get((scope, name), ()))
        for child in self.children.get(scope, ()):
            if name not in self.binds.get(child, ()):
                out += self.reads_of(child, name)
        return out

    def column_chars(self, line: int, byte_col: int) -> int:
        if 0 < line <= len(self.source_lines):
            return len(self.source_lines[line - 1][:byte_col].decode("utf-8", "replace"))
        return byte_col


class _Indexer(ast.NodeVisitor):
    def __init__(self, facts: FileFacts, names: UuidNames) -> None:
        self.facts = facts
        self.names = names
        self.scope_stack = [MODULE_SCOPE]
        self.class_stack: list[ast.ClassDef | None] = [None]

    # ------------------------------------------------------------ structure
    def generic_visit(self, node: ast.AST) -> None:
        facts = self.facts
        facts.scope[id(node)] = self.scope_stack[-1]
        if self.class_stack[-1] is not None:
            facts.owner_class[id(node)] = self.class_stack[-1]
        for child in ast.iter_child_nodes(node):
            facts.parents[id(child)] = node
            self.visit(child)

    def _bind(self, name: str) -> None:
        self.facts.binds[self.scope_stack[-1]].add(name)

    def visit_FunctionDef(self, node: ast.AST) -> None:
        facts = self.facts
        self._bind(node.name)
        owner = self.class_stack[-1]
        if self.scope_stack[-1] == MODULE_SCOPE and owner is None:
            facts.defs.setdefault(node.name, node)
        if owner is not None and facts.parent(node) is owner:
            facts.methods.setdefault((id(owner), node.name), node)
        for deco in node.decorator_list:  # decorators and defaults belong to the outer scope
            facts.parents[id(deco)] = node
            self.visit(deco)
        for default in (*node.args.defaults, *(d for d in node.args.kw_defaults if d is not None)):
            facts.parents[id(default)] = node.args
            self.visit(default)
        facts.scope[id(node)] = self.scope_stack[-1]
        if owner is not None:
            facts.owner_class[id(node)] = owner
        facts.functions[id(node)] = node
        facts.children[self.scope_stack[-1]].append(id(node))
        self.scope_stack.append(id(node))
        args = node.args
        for arg in (*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg):
            if arg is not None:
                self._bind(arg.arg)
                facts.parents[id(arg)] = args
        facts.parents[id(args)] = node
        for stmt in node.body:
            facts.parents[id(stmt)] = node
            self.visit(stmt)
        if node.returns is not None:
            facts.parents[id(node.returns)] = node
        self.scope_stack.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self._bind(node.name)
        if self.scope_stack[-1] == MODULE_SCOPE and self.class_stack[-1] is None:
            self.facts.defs.setdefault(node.name, node)
        self.facts.scope[id(node)] = self.scope_stack[-1]
        self.class_stack.append(node)
        for child in ast.iter_child_nodes(node):
            self.facts.parents[id(child)] = node
            self.visit(child)
        self.class_stack.pop()

    # -------------------------------------------------------------- binding
    def visit_Name(self, node: ast.Name) -> None:
        self.generic_visit(node)
        if isinstance(node.ctx, ast.Load):
            self.facts.name_reads[(self.scope_stack[-1], node.id)].append(node)
        else:
            self._bind(node.id)

    def visit_alias(self, node: ast.alias) -> None:
        self.generic_visit(node)
        self._bind((node.asname or node.name).split(".")[0])

    def visit_Attribute(self, node: ast.Attribute) -> None:
        self.generic_visit(node)
        if not isinstance(node.ctx, ast.Load):
            return
        owner = self.class_stack[-1]
        if owner is not None and isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
            self.facts.self_reads[(id(owner), node.attr)].append(node)
        self.facts.attr_reads[node.attr].append(node)

    def visit_Call(self, node: ast.Call) -> None:
        self.generic_visit(node)
        facts, func = self.facts, node.func
        if isinstance(func, ast.Name):
            facts.calls[func.id].append(node)
        elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) \
                and func.value.id in ("self", "cls") and self.class_stack[-1] is not None:
            facts.method_calls[(id(self.class_stack[-1]), func.attr)].append(node)
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        if name == "UUID" and node.args:
            arg = node.args[0]
            if isinstance(arg, ast.Subscript) and isinstance(arg.slice, ast.Constant) \
                    and isinstance(arg.slice.value, str):
                facts.uuid_parsed.setdefault(arg.slice.value, node.lineno)
            elif isinstance(arg, ast.Attribute):
                facts.uuid_parsed.setdefault(arg.attr, node.lineno)
        if self._is_uuid4(node):
            column = facts.column_chars(node.lineno, node.col_offset) + 1
            facts.uuid_calls[node.lineno].append((column, node))

    def _is_uuid4(self, node: ast.Call) -> bool:
        if node.args or node.keywords:
            return False
        func = node.func
        if isinstance(func, ast.Name):
            return func.id in self.names.uuid4
        return (isinstance(func, ast.Attribute) and func.attr == "uuid4"
                and isinstance(func.value, ast.Name) and func.value.id in self.names.modules)


def build_facts(statements: list[ast.stmt], source: bytes, names: UuidNames) -> FileFacts:
    """The index of one file, from every statement of it (``FileContext.statements``)."""
    facts = FileFacts(source.splitlines())
    module = ast.Module(body=_top_level(statements), type_ignores=[])
    indexer = _Indexer(facts, names)
    for stmt in module.body:
        facts.parents[id(stmt)] = module
        indexer.visit(stmt)
    return facts
