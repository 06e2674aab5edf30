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


@dataclass
class FileFacts:
    """Readers of every name, ``self`` attribute, field and function of one file."""

    source_lines: list[bytes]
    #: id(node) -> the node holding it: every statement and expression, but none inside a def's
    #: annotations, and no expression context or operator (shared instances, see ``_NOT_NODES``).
    parents: dict[int, ast.AST] = field(default_factory=dict)
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
        """The innermost function whose body holds ``node``: a def's decorators and defaults are
        in the scope around it."""
        parents, child, parent = self.parents, node, self.parents.get(id(node))
        while parent is not None:
            if parent.__class__ in _FUNCS and isinstance(child, ast.stmt):  # only a body is a statement
                return parent
            child, parent = parent, parents.get(id(parent))
        return None

    def scope_of(self, node: ast.AST) -> int:
        """The id of ``function_of(node)``; ``MODULE_SCOPE`` outside any function."""
        func = self.function_of(node)
        return MODULE_SCOPE if func is None else id(func)

    def owner_class_of(self, node: ast.AST) -> ast.ClassDef | None:
        """The innermost class around ``node`` (its method, body, bases or decorators hold it)."""
        parents, parent = self.parents, self.parents.get(id(node))
        while parent is not None and parent.__class__ is not ast.ClassDef:
            parent = parents.get(id(parent))
        return parent

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


#: Fields never walked. Expression contexts and operators are shared singletons (one ``ast.Load``
#: for every load of the process), so no reader asks for their parent; the rest hold strings or numbers.
_NOT_NODES = frozenset({"ctx", "op", "ops", "id", "attr", "arg", "asname", "module", "level", "kind",
                        "conversion", "is_async", "simple", "type_comment"})


class _Fields(dict):
    """type -> the names of its fields that may hold nodes, worked out on first sight."""

    def __missing__(self, cls: type) -> tuple[str, ...]:
        found = self[cls] = tuple(f for f in cls._fields if f not in _NOT_NODES)
        return found


_FIELDS = _Fields({ast.Constant: ()})  # a constant's value is never a node


class _Indexer:
    """The walk behind ``build_facts``: a depth-first walk in ``ast.iter_child_nodes`` order that
    records each node's parent and, for the few node types a reader asks about, what it reads,
    binds or calls. It runs over every node of a big file, so it is shaped for speed: one dict
    says per type which method handles it or which of its fields to walk (not ``NodeVisitor``'s
    ``getattr`` and ``iter_child_nodes`` per node), and the innermost function and class are kept
    in two attributes instead of being written for every node (``FileFacts.scope_of`` and
    ``owner_class_of`` climb the parents instead). Calls and attributes are recorded after their
    children, as the order of the lists depends on it."""

    def __init__(self, facts: FileFacts, names: UuidNames) -> None:
        self.facts = facts
        self.parents = facts.parents
        self.names = names
        self.scope = MODULE_SCOPE
        self.cls: ast.ClassDef | None = None

    # ------------------------------------------------------------ structure
    def visit(self, node: ast.AST) -> None:
        step = _STEPS[node.__class__]
        if step.__class__ is not tuple:
            step(self, node)
        elif step:
            self.walk(node)

    def walk(self, node: ast.AST) -> None:
        """Record and visit the children of ``node`` (``visit`` inlined: this loop is the hot path)."""
        parents, steps = self.parents, _STEPS
        for field_name in _FIELDS[node.__class__]:
            value = getattr(node, field_name)
            for child in value if value.__class__ is list else (value,):
                if not isinstance(child, ast.AST):
                    continue  # None (the key of ``{**d}``), a string or number, a name of ``global a, b``
                parents[id(child)] = node
                step = steps[child.__class__]
                if step.__class__ is not tuple:
                    step(self, child)
                elif step:
                    self.walk(child)

    def _bind(self, name: str) -> None:
        self.facts.binds[self.scope].add(name)

    def function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        facts, parents, outer, owner = self.facts, self.parents, self.scope, self.cls
        self._bind(node.name)
        if outer == MODULE_SCOPE and owner is None:
            facts.defs.setdefault(node.name, node)
        if owner is not None and parents.get(id(node)) is owner:
            facts.methods.setdefault((id(owner), node.name), node)
        args = node.args
        for deco in node.decorator_list:  # decorators and defaults belong to the outer scope
            parents[id(deco)] = node
            self.visit(deco)
        for default in (*args.defaults, *(d for d in args.kw_defaults if d is not None)):
            parents[id(default)] = args
            self.visit(default)
        facts.functions[id(node)] = node
        facts.children[outer].append(id(node))
        self.scope = id(node)
        for arg in (*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg):
            if arg is not None:  # parameters are bound, their annotations not walked
                self._bind(arg.arg)
                parents[id(arg)] = args
        parents[id(args)] = node
        for stmt in node.body:
            parents[id(stmt)] = node
            self.visit(stmt)
        if node.returns is not None:
            parents[id(node.returns)] = node
        self.scope = outer

    def class_def(self, node: ast.ClassDef) -> None:
        self._bind(node.name)
        if self.scope == MODULE_SCOPE and self.cls is None:
            self.facts.defs.setdefault(node.name, node)
        outer, self.cls = self.cls, node
        self.walk(node)  # bases, keywords, body and decorators all see the class as their owner
        self.cls = outer

    # -------------------------------------------------------------- binding
    def name(self, node: ast.Name) -> None:
        if node.ctx.__class__ is ast.Load:
            self.facts.name_reads[(self.scope, node.id)].append(node)
        else:
            self._bind(node.id)

    def alias(self, node: ast.alias) -> None:
        self._bind((node.asname or node.name).split(".")[0])

    def attribute(self, node: ast.Attribute) -> None:
        self.parents[id(node.value)] = node
        self.visit(node.value)
        if node.ctx.__class__ is not ast.Load:
            return
        owner = self.cls
        if owner is not None and isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
            self.facts.self_reads[(id(owner), node.attr)].append(node)
        self.facts.attr_reads[node.attr].append(node)

    def call(self, node: ast.Call) -> None:
        self.walk(node)
        facts, func = self.facts, node.func
        if isinstance(func, ast.Name):
            facts.calls[func.id].append(node)
        elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) \
                and func.value.id in ("self", "cls") and self.cls is not None:
            facts.method_calls[(id(self.cls), func.attr)].append(node)
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


#: type -> the ``_Indexer`` method that handles it, or (any other type) the fields to walk.
_STEPS = _Fields({ast.Constant: (), ast.Name: _Indexer.name, ast.alias: _Indexer.alias,
                  ast.Attribute: _Indexer.attribute, ast.Call: _Indexer.call, ast.FunctionDef: _Indexer.function,
                  ast.AsyncFunctionDef: _Indexer.function, ast.ClassDef: _Indexer.class_def})


def build_facts(statements: list[ast.stmt], source: bytes, names: UuidNames) -> FileFacts:
    """The index of one file, from every statement of it in source order (``FileContext.statements``)."""
    facts = FileFacts(source.splitlines())
    module = ast.Module(body=[], type_ignores=[])
    indexer, parents = _Indexer(facts, names), facts.parents
    for stmt in statements:
        if id(stmt) not in parents:  # not met in the walk of an earlier statement: a top-level one
            module.body.append(stmt)
            parents[id(stmt)] = module
            indexer.visit(stmt)
    return facts
