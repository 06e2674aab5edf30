"""What the code around a call site says, read from the stdlib ``ast`` of the whole file.

libcst sees only the statements that mention the generator, so two questions that need the
surrounding function or class are answered here, from the stdlib tree the engine already has:

* which thread ID is in reach where a run ID is made (a parameter or earlier local named
  ``thread_id``/``*_thread_id``, or ``self.thread_id`` of a class that has one), so the run ID
  can embed it, and whether a local it names is bound on every path there
  (``bound_on_every_path``, shared by every recipe that pairs run IDs);
* who reads an ID's text after it is made (``x.split("_")``, ``len(x)``, ``x[:8]``, a regex,
  ``"lit" in x``, ``x == "lit"``, ``parse_id(x)``...): such an ID must not change shape unseen.
"""

from __future__ import annotations

import ast
import bisect
from codemods.core.ast_names import COMPOUND, dotted as _dotted
from dataclasses import dataclass

_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
_TEXT_METHODS = frozenset({
    "split", "rsplit", "partition", "rpartition", "startswith", "endswith", "find", "rfind", "index", "rindex",
    "removeprefix", "removesuffix", "count", "replace",
})
_REGEX_FUNCS = frozenset({"match", "fullmatch", "search", "findall", "finditer", "sub", "subn"})
_PARSERS = frozenset({"parse_id", "get_id_age", "extract_thread_id", "parse_run_id"})
_INIT_METHODS = frozenset({"__init__", "__post_init__", "model_post_init", "setUp", "setup_method"})
_BLOCKS = ("body", "orelse", "finalbody")


def is_thread_name(name: str) -> bool:
    """``thread_id`` or ``<something>_thread_id``."""
    return name == "thread_id" or name.endswith("_thread_id")


@dataclass(frozen=True)
class ThreadInReach:
    """Source text of a thread ID a run ID can embed, and whether it may still be ``None`` there."""

    expr: str
    may_be_none: bool = False


@dataclass(frozen=True)
class Reader:
    line: int
    text: str

    def __str__(self) -> str:
        return f"L{self.line}: {self.text}"


@dataclass
class _Scope:
    node: ast.AST
    first: int
    last: int
    parent: _Scope | None
    cls: ast.ClassDef | None




def _targets(stmt: ast.stmt) -> list[ast.expr]:
    if isinstance(stmt, ast.Assign):
        found = []
        for target in stmt.targets:
            found += target.elts if isinstance(target, (ast.Tuple, ast.List)) else [target]
        return found
    if isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
        return [stmt.target]
    if isinstance(stmt, (ast.For, ast.AsyncFor)):
        target = stmt.target
        return list(target.elts) if isinstance(target, (ast.Tuple, ast.List)) else [target]
    return []


def _own_statements(body: list[ast.stmt]):
    """Statements of a function body, nested blocks included, nested functions and classes not."""
    for stmt in body:
        yield stmt
        if isinstance(stmt, (*_FUNCTIONS, ast.ClassDef)):
            continue
        for field in ("body", "orelse", "finalbody"):
            inner = getattr(stmt, field, None)
            if inner:
                yield from _own_statements(inner)
        for handler in getattr(stmt, "handlers", ()):
            yield from _own_statements(handler.body)
        for case in getattr(stmt, "cases", ()):
            yield from _own_statements(case.body)


def _is_optional(annotation: ast.expr | None) -> bool:
    if annotation is None:
        return False
    text = ast.unparse(annotation)
    return "Optional" in text or "None" in text


class FileFacts:
    """Answers by line number (lines of the original file)."""

    def __init__(self, statements: list[ast.stmt], lines: list[str] | None = None) -> None:
        """``statements``: every statement of the file, nested ones included, in source order."""
        self.lines = lines
        self._statements = statements
        owner: dict[int, ast.ClassDef] = {}
        for stmt in statements:
            if isinstance(stmt, ast.ClassDef):
                owner.update((id(inner), stmt) for inner in stmt.body if isinstance(inner, _FUNCTIONS))
        self._scopes: list[_Scope] = []
        enclosing: list[_Scope] = []
        for stmt in statements:
            if not isinstance(stmt, _FUNCTIONS):
                continue
            while enclosing and enclosing[-1].last < stmt.lineno:
                enclosing.pop()
            scope = _Scope(stmt, stmt.lineno, stmt.end_lineno or stmt.lineno,
                           enclosing[-1] if enclosing else None, owner.get(id(stmt)))
            self._scopes.append(scope)
            enclosing.append(scope)
        self._starts = [s.first for s in self._scopes]
        self._class_threads: dict[int, tuple[str, bool] | None] = {}
        #: id of a function -> (node, subject) of each text reader in it, in ``ast.walk`` order.
        self._readers: dict[int, list[tuple[ast.AST, ast.expr]]] = {}
        self._parents: dict[int, ast.AST] | None = None
        self._linenos: list[int] | None = None

    def _scope_at(self, line: int) -> _Scope | None:
        index = bisect.bisect_right(self._starts, line)
        best = None
        for scope in self._scopes[:index]:
            if scope.first <= line <= scope.last and (best is None or scope.first >= best.first):
                best = scope
        return best

    # ------------------------------------------------------------------ threads
    def thread_at(self, line: int) -> ThreadInReach | None:
        """The thread ID in reach of ``line``: latest earlier local, then a parameter, then ``self``'s."""
        scope = self._scope_at(line)
        while scope is not None:
            found = self._thread_in(scope, line)
            if found is not None:
                return found
            line, scope = scope.first, scope.parent  # a closure sees what its enclosing function had
        return None

    def bound_at(self, line: int, name: str) -> bool:
        """Is local ``name`` bound on every path to the statement at ``line`` (``bound_on_every_path``)?"""
        if self._parents is None:
            self._parents = {}
            for stmt in self._statements:
                if isinstance(stmt, COMPOUND):  # only these hold statements
                    for child, parent in _children(stmt):
                        self._parents[id(child)] = parent
            linenos = [stmt.lineno for stmt in self._statements]
            # Source order makes them non-decreasing; were they not, ``_innermost`` looks at every statement.
            self._linenos = linenos if all(a <= b for a, b in zip(linenos, linenos[1:])) else None
        innermost = self._innermost(line)
        return innermost is not None and bound_on_every_path(lambda n: self._parents.get(id(n)), innermost, name)

    def _innermost(self, line: int) -> ast.stmt | None:
        """The last statement in source order that holds ``line``. Statements come in source order,
        so their first lines do not decrease: only those up to ``line`` are looked at, last first."""
        statements, linenos = self._statements, self._linenos
        last = len(statements) if linenos is None else bisect.bisect_right(linenos, line)
        for index in range(last - 1, -1, -1):
            stmt = statements[index]
            if stmt.lineno <= line <= (stmt.end_lineno or stmt.lineno):
                return stmt
        return None

    def _thread_in(self, scope: _Scope, line: int) -> ThreadInReach | None:
        func = scope.node
        assigned = self._assigned_before(func, line)
        local = _prefer_exact([name for name in assigned if "." not in name])
        if local is not None:
            return ThreadInReach(local)
        params = {a.arg: a for a in (*func.args.posonlyargs, *func.args.args, *func.args.kwonlyargs)}
        name = _prefer_exact([p for p in params if is_thread_name(p)])
        if name is not None:
            return ThreadInReach(name, self._param_may_be_none(func, name))
        if scope.cls is not None and func.args.args and func.args.args[0].arg == "self":
            attr = "self.thread_id"
            if attr in assigned:
                return ThreadInReach(attr)
            known = self._class_thread(scope.cls)
            if known is not None and not (func.name == "__init__" and known[0] == "assigned"):
                return ThreadInReach(attr, known[1])
        return None

    def _assigned_before(self, func: ast.AST, line: int) -> list[str]:
        """Thread-named targets assigned in ``func`` on lines before ``line``, latest last."""
        found = []
        for stmt in _own_statements(func.body):
            if stmt.lineno >= line:
                continue
            for target in _targets(stmt):
                name = _dotted(target)
                if name is not None and is_thread_name(name.rsplit(".", 1)[-1]):
                    if name.startswith("self.") or "." not in name:
                        found.append((stmt.lineno, name))
        found.sort()
        return [name for _, name in found]

    @staticmethod
    def _param_may_be_none(func: ast.AST, name: str) -> bool:
        args = func.args
        positional = [*args.posonlyargs, *args.args]
        defaults = dict(zip([a.arg for a in positional[len(positional) - len(args.defaults):]], args.defaults))
        defaults.update({a.arg: d for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is not None})
        default = defaults.get(name)
        if isinstance(default, ast.Constant) and default.value is None:
            return True
        annotation = next(a.annotation for a in (*positional, *args.kwonlyargs) if a.arg == name)
        return _is_optional(annotation)

    def _class_thread(self, cls: ast.ClassDef) -> tuple[str, bool] | None:
        """("field" | "assigned", may_be_none) when the class has a ``thread_id`` attribute."""
        key = id(cls)
        if key not in self._class_threads:
            self._class_threads[key] = _class_thread(cls)
        return self._class_threads[key]

    # ------------------------------------------------------------------ readers
    def readers(self, line: int, target: str | None) -> list[Reader]:
        """Reads of an ID's text: of ``target`` after ``line`` in the same function, or of a
        generated value read where it is made (``make_id(...).split("_")`` on ``line``)."""
        scope = self._scope_at(line)
        if scope is None:
            return []
        found: list[Reader] = []
        for node, subject in self._text_readers(scope.node):
            if node.lineno < line:
                continue
            if target is not None and _dotted(subject) == target and not _is_assignment_target(subject):
                found.append(Reader(node.lineno, self._text(node)))
            elif node.lineno == line and isinstance(subject, ast.Call) and _makes_id(subject):
                found.append(Reader(node.lineno, self._text(node)))
        found.sort(key=lambda r: r.line)
        return found

    def _text_readers(self, func: ast.AST) -> list[tuple[ast.AST, ast.expr]]:
        """What reads text in ``func``, found once per function (a test method holds many sites)."""
        found = self._readers.get(id(func))
        if found is None:
            found = self._readers[id(func)] = [
                (node, subject) for node in ast.walk(func)
                if hasattr(node, "lineno") and (subject := _read_subject(node)) is not None]
        return found

    def _text(self, node: ast.AST) -> str:
        if self.lines is not None and node.lineno == node.end_lineno and node.lineno <= len(self.lines):
            text = self.lines[node.lineno - 1].encode()[node.col_offset:node.end_col_offset].decode(errors="replace")
            if text:
                return text
        return ast.unparse(node)


def _children(stmt: ast.stmt):
    """(child, parent) for the statements of ``stmt``'s blocks, through handlers and match cases."""
    for field in _BLOCKS:
        for child in getattr(stmt, field, None) or ():
            yield child, stmt
    for holder in (*getattr(stmt, "handlers", ()), *getattr(stmt, "cases", ())):
        yield holder, stmt
        for child in holder.body:
            yield child, holder


def _assigns(stmt: ast.stmt, name: str) -> bool:
    """Does ``stmt`` bind ``name`` (a plain target, or an element of an unpacked one)?"""
    if isinstance(stmt, ast.Assign):
        targets = stmt.targets
    elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
        targets = [stmt.target]
    else:
        return False
    for target in targets:
        elements = target.elts if isinstance(target, (ast.Tuple, ast.List)) else [target]
        for element in elements:
            element = element.value if isinstance(element, ast.Starred) else element
            if isinstance(element, ast.Name) and element.id == name:
                return True
    return False


def _earlier_in_block(parent: ast.AST, child: ast.AST) -> list[ast.stmt]:
    for field in _BLOCKS:
        block = getattr(parent, field, None)
        if isinstance(block, list) and any(s is child for s in block):
            return block[:next(i for i, s in enumerate(block) if s is child)]
    return []


def bound_on_every_path(parent_of, node: ast.AST, name: str) -> bool:
    """Is local ``name`` a parameter of a function enclosing ``node``, or assigned by an earlier
    statement of a block enclosing it? Not when it is assigned only in a branch before it (an
    ``if`` body, a loop, a ``try``): it may be unbound there. ``parent_of`` maps a node to the node
    holding it (None at the top)."""
    current = node
    while True:
        parent = parent_of(current)
        if parent is None or isinstance(parent, (ast.ClassDef, ast.Lambda)):
            return False
        if any(_assigns(stmt, name) for stmt in _earlier_in_block(parent, current)):
            return True
        if isinstance(parent, _FUNCTIONS):
            args = parent.args
            if any(a.arg == name for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)):
                return True
        current = parent


def _prefer_exact(names: list[str]) -> str | None:
    """``thread_id`` over ``parent_thread_id``; among equals the latest."""
    if not names:
        return None
    exact = [n for n in names if n.rsplit(".", 1)[-1] == "thread_id"]
    return (exact or names)[-1]


def _class_thread(cls: ast.ClassDef) -> tuple[str, bool] | None:
    for stmt in cls.body:
        if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.target.id == "thread_id":
            none_default = isinstance(stmt.value, ast.Constant) and stmt.value.value is None
            return "field", none_default or _is_optional(stmt.annotation)
    in_init = False
    elsewhere = False
    for stmt in cls.body:
        if not isinstance(stmt, _FUNCTIONS):
            continue
        for inner in _own_statements(stmt.body):
            if any(_dotted(t) == "self.thread_id" for t in _targets(inner)):
                in_init |= stmt.name in _INIT_METHODS
                elsewhere |= stmt.name not in _INIT_METHODS
    if in_init:
        return "assigned", False
    if elsewhere:
        return "assigned", True
    return None


def _is_assignment_target(node: ast.AST) -> bool:
    return isinstance(getattr(node, "ctx", None), (ast.Store, ast.Del))


def _makes_id(call: ast.Call) -> bool:
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    return name.startswith("generate_")


def _read_subject(node: ast.AST) -> ast.expr | None:
    """The expression whose text ``node`` reads, if ``node`` is a text reader."""
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in _TEXT_METHODS:
            return func.value
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if name == "len" and len(node.args) == 1:
            return node.args[0]
        if name in _PARSERS and node.args:
            return node.args[0]
        if name in _REGEX_FUNCS and len(node.args) >= 2 and isinstance(func, ast.Attribute) \
                and _dotted(func.value) == "re":
            return node.args[1]
        if name in _REGEX_FUNCS and len(node.args) == 1 and isinstance(func, ast.Attribute) \
                and _dotted(func.value) != "re":
            return node.args[0]  # a compiled pattern: pattern.match(x)
        return None
    if isinstance(node, ast.Subscript) and isinstance(getattr(node, "ctx", None), ast.Load):
        return node.value
    if isinstance(node, ast.Compare) and len(node.ops) == 1:
        left, right, op = node.left, node.comparators[0], node.ops[0]
        if isinstance(op, (ast.In, ast.NotIn)) and _is_str(left):
            return right
        if isinstance(op, (ast.Eq, ast.NotEq)):
            if _is_str(right):
                return left
            if _is_str(left):
                return right
    return None


def _is_str(node: ast.AST) -> bool:
    return isinstance(node, (ast.Constant, ast.JoinedStr)) and (
        isinstance(node, ast.JoinedStr) or isinstance(node.value, str))
