"""Read a module's top level into a ``ModuleApi`` with the standard library's ``ast``.

Definitions inside top-level ``if``/``try`` blocks count (a later one replaces an
earlier one, as at run time); ``name = function`` and ``name = Class.classmethod``
aliases are module functions too. A decorator that may change a signature
makes it unknown rather than wrong. A method's ``inspects`` lists the parameters whose
text its body reads (``_inspected``), so the rules can tell which members parse IDs.
"""

from __future__ import annotations

import ast
import re
from dataclasses import replace
from typing import Iterable

from codemods.core.api import (
    ATTRIBUTE, CLASS, CLASSMETHOD, FUNCTION, KEYWORD_ONLY, METHOD, POSITIONAL_ONLY, POSITIONAL_OR_KEYWORD, PROPERTY,
    STATICMETHOD, VAR_KEYWORD, VAR_POSITIONAL, ClassApi, Member, ModuleApi, Param,
)

#: Decorators that leave a function's signature as written.
_TRANSPARENT = {"abstractmethod", "abc.abstractmethod", "override", "typing.override", "functools.cache",
                "cache", "functools.lru_cache", "lru_cache", "deprecated", "typing_extensions.deprecated"}


#: Methods of ``str`` (a call of one on a parameter reads its text; ``dict.items()`` does not).
_STR_METHODS = frozenset(name for name in dir(str) if not name.startswith("_"))
#: Methods of a compiled pattern (or ``re`` functions) that read the text they are given.
_REGEX_METHODS = frozenset({"match", "fullmatch", "search", "findall", "finditer", "sub", "subn", "split"})


#: Lines with their ends, split only where Python's tokenizer ends a line (not on form feeds).
_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


class ApiParseError(ValueError):
    """The module's source does not parse; the message is one line."""


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self._lines: list[str] | None = None

    def text(self, node: ast.AST | None) -> str | None:
        """The node's source text, like ``ast.get_source_segment`` but splitting the source once
        (that function splits it again on every call: most of a module's read time)."""
        if node is None:
            return None
        if self._lines is None:
            self._lines = _LINES.findall(self.source)
        lines, end_col = self._lines, getattr(node, "end_col_offset", None)
        start, end = node.lineno - 1, (node.end_lineno or node.lineno) - 1
        if end_col is None or end >= len(lines):
            return ast.unparse(node)
        if start == end:
            segment = lines[start].encode()[node.col_offset:end_col].decode()
        else:
            segment = (lines[start].encode()[node.col_offset:].decode() + "".join(lines[start + 1:end])
                       + lines[end].encode()[:end_col].decode())
        return segment or ast.unparse(node)

    def params(self, args: ast.arguments, drop_first: bool) -> tuple[Param, ...]:
        positional = [*args.posonlyargs, *args.args]
        defaults = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
        out: list[Param] = []
        for i, (arg, default) in enumerate(zip(positional, defaults)):
            kind = POSITIONAL_ONLY if i < len(args.posonlyargs) else POSITIONAL_OR_KEYWORD
            out.append(Param(arg.arg, kind, self.text(default), self.text(arg.annotation)))
        if drop_first and out:
            out.pop(0)
        if args.vararg:
            out.append(Param(args.vararg.arg, VAR_POSITIONAL, None, self.text(args.vararg.annotation)))
        for arg, default in zip(args.kwonlyargs, args.kw_defaults):
            out.append(Param(arg.arg, KEYWORD_ONLY, self.text(default), self.text(arg.annotation)))
        if args.kwarg:
            out.append(Param(args.kwarg.arg, VAR_KEYWORD, None, self.text(args.kwarg.annotation)))
        return tuple(out)

    def function(self, node: ast.FunctionDef | ast.AsyncFunctionDef, in_class: bool) -> Member | None:
        decorators = [self.text(d) or "" for d in node.decorator_list]
        names = {d.split("(")[0] for d in decorators}
        if any(d.endswith((".setter", ".deleter")) for d in decorators) or "overload" in names \
                or "typing.overload" in names:
            return None  # the property's getter, the overloads' implementation carry the API
        kind = FUNCTION
        if in_class:
            kind = METHOD
            for name, k in (("staticmethod", STATICMETHOD), ("classmethod", CLASSMETHOD),
                            ("property", PROPERTY), ("functools.cached_property", PROPERTY),
                            ("cached_property", PROPERTY)):
                if name in names:
                    kind = k
        rest = tuple(d for d in decorators
                     if d not in ("staticmethod", "classmethod", "property", "cached_property",
                                  "functools.cached_property"))
        params: tuple[Param, ...] | None = self.params(node.args, drop_first=kind in (METHOD, CLASSMETHOD, PROPERTY))
        if any(d.split("(")[0] not in _TRANSPARENT for d in rest):
            params = None  # an unknown decorator may change what the function accepts
        return Member(node.name, kind, params, node.lineno, isinstance(node, ast.AsyncFunctionDef), rest)

    def klass(self, node: ast.ClassDef, functions: dict[str, Member] | None = None) -> ClassApi:
        """``functions``: the module's functions, whose ``inspects`` the methods' calls of them use."""
        members: dict[str, Member] = {}
        bodies: dict[str, ast.FunctionDef | ast.AsyncFunctionDef] = {}
        for stmt in _flatten(node.body):
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
                member = self.function(stmt, in_class=True)
                if member is not None:
                    members[member.name] = member
                    bodies[member.name] = stmt
            else:
                for name in _assigned_names(stmt):
                    members.setdefault(name, Member(name, ATTRIBUTE, (), stmt.lineno))
        for name, inspects in _inspected(bodies, members, node.name, functions).items():
            members[name] = replace(members[name], inspects=inspects)
        bases = tuple(self.text(b) or "" for b in node.bases)
        return ClassApi(node.name, node.lineno, bases, members, self.constructor(node, members, bases))

    def constructor(self, node: ast.ClassDef, members: dict[str, Member], bases: tuple[str, ...]) -> Member:
        init = members.get("__init__")
        if init is not None:
            return Member(node.name, CLASS, init.params, node.lineno)
        for decorator in node.decorator_list:
            if (self.text(decorator) or "").split("(")[0] in ("dataclass", "dataclasses.dataclass"):
                keyword_only = isinstance(decorator, ast.Call) and any(
                    k.arg == "kw_only" and isinstance(k.value, ast.Constant) and k.value.value is True
                    for k in decorator.keywords)
                return Member(node.name, CLASS, self.dataclass_fields(node, keyword_only), node.lineno)
        if not bases or bases == ("object",):
            return Member(node.name, CLASS, (), node.lineno)
        return Member(node.name, CLASS, None, node.lineno)  # inherited: the base's __init__ is elsewhere

    def dataclass_fields(self, node: ast.ClassDef, keyword_only: bool) -> tuple[Param, ...] | None:
        out: list[Param] = []
        kind = KEYWORD_ONLY if keyword_only else POSITIONAL_OR_KEYWORD
        for stmt in node.body:
            if not (isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name)):
                continue
            annotation = self.text(stmt.annotation) or ""
            if "ClassVar" in annotation:
                continue
            if "InitVar" in annotation or "KW_ONLY" in annotation:
                return None  # rare enough not to model: say "unknown" rather than guess
            default = self.text(stmt.value)
            value = stmt.value
            if isinstance(value, ast.Call) and (self.text(value.func) or "").split(".")[-1] == "field":
                options = {k.arg: k.value for k in value.keywords if k.arg}
                init = options.get("init")
                if isinstance(init, ast.Constant) and init.value is False:
                    continue
                given = options.get("default", options.get("default_factory"))
                default = None if given is None else self.text(value)
            out.append(Param(stmt.target.id, kind, default, annotation))
        return tuple(out)


_NONE: frozenset[str] = frozenset()


def _names_read(node: ast.AST) -> frozenset[str]:
    """``x`` -> {x}; ``x or ""`` -> {x} (``pattern.search(value or "")``)."""
    if isinstance(node, ast.Name):
        return frozenset((node.id,))
    if isinstance(node, ast.BoolOp):
        return frozenset(v.id for v in node.values if isinstance(v, ast.Name))
    return _NONE


def _reading(body: ast.AST) -> tuple[set[str], list]:
    """Names whose text the function reads itself (sliced, a ``str`` method, ``len``, a regex), and
    the other calls it passes names to, as (func, names per positional argument, per keyword). Slicing into an f-string (``f"ws_{user_id[:8]}"``) only
    embeds the text: that is no reading."""
    direct: set[str] = set()
    calls: list = []
    stack: list[ast.AST] = [body]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.JoinedStr):
            continue
        stack.extend(ast.iter_child_nodes(node))
        if isinstance(node, ast.Subscript):
            direct |= _names_read(node.value)
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in _STR_METHODS:
            direct |= _names_read(func.value)
        if not node.args and not node.keywords:
            continue
        args = [_names_read(a) for a in node.args]
        keywords = {k.arg: _names_read(k.value) for k in node.keywords if k.arg}
        passed = set().union(*args, *keywords.values())
        if not passed:
            continue
        if (isinstance(func, ast.Name) and func.id == "len") or \
                (isinstance(func, ast.Attribute) and func.attr in _REGEX_METHODS):
            direct |= passed
        else:
            calls.append((func, args, keywords))
    return direct, calls


def _inspected(bodies: dict, members: dict[str, Member], class_name: str | None = None,
               functions: dict[str, Member] | None = None) -> dict[str, tuple[str, ...]]:
    """Function -> the parameters whose text it reads, itself or through a function it calls: another
    member of its class (``cls.extract_pattern_info(first)``) or a module function (``_parse(s)``,
    from ``functions``): repeated until nothing changes."""
    known: dict[str, tuple[str, ...]] = {}

    def callee(func: ast.expr, owners: set[str]) -> tuple[list[str], tuple[str, ...]] | None:
        """(parameters, the ones it reads) of a member of the class or a module function called."""
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in owners:
            found, reads = members.get(func.attr), known.get(func.attr, ())
        elif isinstance(func, ast.Name) and class_name:  # a module function, read before the class
            found = (functions or {}).get(func.id)
            reads = found.inspects if found is not None else ()
        elif isinstance(func, ast.Name):  # module functions among themselves
            found, reads = members.get(func.id), known.get(func.id, ())
        else:
            return None
        return ([p.name for p in found.params], reads) if found and found.params and reads else None

    facts = {name: _reading(body) for name, body in bodies.items()}
    changed = True
    while changed:
        changed = False
        for name, body in bodies.items():
            owners = {class_name, *(a.arg for a in body.args.args[:1])} if class_name else set()
            read = set(facts[name][0])
            for func, args, keywords in facts[name][1]:
                target = callee(func, owners)
                if target is None:
                    continue
                params, reads = target
                read |= set().union(*(args[i] for i, p in enumerate(params[:len(args)]) if p in reads),
                                    *(names for key, names in keywords.items() if key in reads))
            found = tuple(p.name for p in members[name].params or () if p.name in read)
            if found != known.get(name, ()):
                known[name], changed = found, True
    return {name: found for name, found in known.items() if found}


def _flatten(body: list[ast.stmt]) -> Iterable[ast.stmt]:
    """Statements of a body, descending into ``if``/``try`` blocks (definitions may sit in either branch)."""
    for stmt in body:
        if isinstance(stmt, ast.If):
            yield from _flatten(stmt.body)
            yield from _flatten(stmt.orelse)
        elif isinstance(stmt, (ast.Try, ast.TryStar)):
            yield from _flatten(stmt.body)
            for handler in stmt.handlers:
                yield from _flatten(handler.body)
            yield from _flatten(stmt.orelse)
            yield from _flatten(stmt.finalbody)
        else:
            yield stmt


def _assigned_names(stmt: ast.stmt) -> list[str]:
    if isinstance(stmt, ast.Assign):
        return [n.id for t in stmt.targets for n in ast.walk(t) if isinstance(n, ast.Name)]
    if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
        return [stmt.target.id]
    return []


def _absolute(module: str, node: ast.ImportFrom, is_package: bool) -> str | None:
    if not node.level:
        return node.module
    parts = module.split(".") if module else []
    keep = len(parts) - node.level + (1 if is_package else 0)
    if keep < 0 or (keep == 0 and not node.module):
        return None
    base = parts[:keep]
    return ".".join([*base, node.module] if node.module else base) or None


def _alias(name: str, value: ast.expr, classes: dict[str, ClassApi], functions: dict[str, Member]) -> Member | None:
    """``name = function`` or ``name = Class.static_or_class_method`` at module level: a module function too."""
    target: Member | None = None
    if isinstance(value, ast.Name):
        target = functions.get(value.id)
    elif isinstance(value, ast.Attribute) and isinstance(value.value, ast.Name) and value.value.id in classes:
        found = classes[value.value.id].member(value.attr)
        if found is not None and found.kind in (STATICMETHOD, CLASSMETHOD):
            target = found
    if target is None:
        return None
    return Member(name, FUNCTION, target.params, value.lineno, target.is_async, target.decorators)


def _module_functions(reader: _Reader, tree: ast.Module) -> dict[str, Member]:
    """The module's functions (the last definition of a name wins) with what each reads."""
    members: dict[str, Member] = {}
    bodies: dict[str, ast.FunctionDef | ast.AsyncFunctionDef] = {}
    for stmt in _flatten(tree.body):
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            member = reader.function(stmt, in_class=False)
            if member is not None:
                members[member.name], bodies[member.name] = member, stmt
    for name, inspects in _inspected(bodies, members).items():
        members[name] = replace(members[name], inspects=inspects)
    return members


def parse_module(source: str | bytes, module: str = "", *, is_package: bool = False) -> ModuleApi:
    """The classes, module functions and ``from`` imports at the top level of ``source``.

    ``module`` is the dotted name (it makes relative imports absolute); ``is_package``
    says the source is a package's ``__init__``. Raises ``ApiParseError`` when it does not parse.
    """
    if isinstance(source, bytes):
        try:
            text = source.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ApiParseError(f"not UTF-8: {exc.reason} at byte {exc.start}") from None
    else:
        text = source
    try:
        tree = ast.parse(text)
    except SyntaxError as exc:
        raise ApiParseError(f"does not parse: {exc.msg} (line {exc.lineno})") from None
    except ValueError as exc:  # null bytes
        raise ApiParseError(f"does not parse: {exc}") from None
    reader = _Reader(text)
    module_functions = _module_functions(reader, tree)
    classes: dict[str, ClassApi] = {}
    functions: dict[str, Member] = {}
    imports: dict[str, tuple[str, str]] = {}
    for stmt in _flatten(tree.body):
        if isinstance(stmt, ast.ClassDef):
            classes[stmt.name] = reader.klass(stmt, module_functions)
            functions.pop(stmt.name, None)
        elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            member = module_functions.get(stmt.name) or reader.function(stmt, in_class=False)
            if member is not None:
                functions[member.name] = member
                classes.pop(member.name, None)
        elif isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
            alias = _alias(stmt.targets[0].id, stmt.value, classes, functions)
            if alias is not None:
                functions[alias.name] = alias
        elif isinstance(stmt, ast.ImportFrom):
            source_module = _absolute(module, stmt, is_package)
            for alias in stmt.names:
                if source_module and alias.name != "*":
                    imports[alias.asname or alias.name] = (source_module, alias.name)
    return ModuleApi(module, classes, functions, imports)
