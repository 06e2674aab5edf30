"""Which IDs of a file the generator's own parsers check (IDM014), read from its stdlib tree.

A check that stays on the generator (``UnifiedIdGenerator.is_valid_id(jti)``, or a member no rule
covers that parses what it is given, e.g. ``ids_match_for_cleanup(first, second)``) would reject
an ID of the manager's format. So an ID made under a name such a check reads anywhere in the file
keeps the generator's format until the check is migrated. Names are matched by their last part
(``self.jti`` and ``jti``). One hop through a container is followed as well: a loop variable
the parser checks (``for cid in self._connections``) stands for what the file stores in that
container (``self._connections[connection_id] = ...``, ``.append(x)``, ``.add(x)``). A call to a
parser wrapper of the repository (``context.describe(x)``: ``codemods.generator.around.wrappers``)
counts as a parser call, whatever it is called on.
"""

from __future__ import annotations

import ast
import bisect
from typing import TYPE_CHECKING, Iterator, Mapping

from codemods.core.ast_names import dotted
from codemods.engine.lines import lines_mentioning
from codemods.engine.scope_facts import Reader
from codemods.generator.rules import PARSER_MEMBERS

if TYPE_CHECKING:
    from codemods.generator.around.wrappers import ParserWrapper
    from codemods.generator.rules import RuleSet

_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
#: Container methods that store their argument: the element a loop over the container yields.
_STORES = frozenset({"append", "add", "appendleft", "insert", "setdefault"})


def parser_members(rules: "RuleSet") -> dict[str, tuple[tuple[int, str], ...]]:
    """Member -> (position, parameter) of each ID it checks: the declared parsers and those read
    from the repository's generator."""
    apis = rules.apis
    return {**PARSER_MEMBERS, **(apis.parsers if apis is not None and apis.parsers else {})}




def id_name(node: ast.AST | None) -> str | None:
    """The name an argument reads: ``x``, ``self.x``, or ``x or ""``."""
    if isinstance(node, ast.BoolOp):
        return next((n for n in map(dotted, node.values) if n is not None), None)
    return dotted(node)


def _expressions(stmt: ast.stmt) -> Iterator[ast.AST]:
    """The expressions of one statement, not those of the statements nested in it."""
    for field, value in ast.iter_fields(stmt):
        if field in ("body", "orelse", "finalbody", "handlers", "cases"):
            continue
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, ast.AST):
                yield from ast.walk(item)


def _container(iterable: ast.AST) -> str | None:
    """``self._connections`` for ``self._connections``, ``self._connections.keys()``, ``list(...)``."""
    if isinstance(iterable, ast.Call) and not iterable.keywords and len(iterable.args) <= 1:
        func = iterable.func
        if isinstance(func, ast.Attribute) and func.attr == "keys" and not iterable.args:
            return dotted(func.value)
        if isinstance(func, ast.Name) and func.id in ("list", "sorted", "set", "tuple") and iterable.args:
            return _container(iterable.args[0])
        return None
    return dotted(iterable)


def _stored(statements: list[ast.stmt], container: str) -> Iterator[tuple[str, int]]:
    """(name, line) of what the file puts into ``container`` (keys of a dict, elements of a list or set)."""
    for stmt in statements:
        if isinstance(stmt, ast.Assign):
            for target in stmt.targets:
                if isinstance(target, ast.Subscript) and dotted(target.value) == container:
                    key = dotted(target.slice)
                    if key is not None:
                        yield key, stmt.lineno
        if isinstance(stmt, (*_FUNCTIONS, ast.ClassDef)):
            continue
        for node in _expressions(stmt):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr in _STORES and dotted(node.func.value) == container and node.args:
                stored = dotted(node.args[-1] if node.func.attr == "insert" else node.args[0])
                if stored is not None:
                    yield stored, node.lineno


class GeneratorChecks:
    def __init__(self, statements: list[ast.stmt], lines: list[str] | None, refs: frozenset[str],
                 parsers: Mapping[str, tuple[tuple[int, str], ...]],
                 wrappers: tuple["ParserWrapper", ...] = ()) -> None:
        """``refs``: dotted names that hold the generator; ``parsers``: member -> (position,
        parameter) of each ID it checks; ``wrappers``: functions of the repository that hand an
        argument to a parser (``codemods.generator.around.wrappers``), called like one."""
        self._statements = statements
        self._lines = lines
        self._refs = refs
        self._parsers = parsers
        self._wrappers: dict[str, list[ParserWrapper]] = {}
        for wrapper in wrappers:
            self._wrappers.setdefault(wrapper.name, []).append(wrapper)
        self._checked: dict[str, Reader] | None = None

    def wrappers_named(self, callee: str) -> list["ParserWrapper"]:
        """The parser wrappers a call whose callee's last name part is ``callee`` may be."""
        return self._wrappers.get(callee, []) if self._wrappers else []

    def checked(self, target: str | None) -> Reader | None:
        """Where a generator parser checks a value named like ``target`` (same last name part)."""
        if target is None or not (self._refs and self._parsers or self._wrappers):
            return None
        if self._checked is None:
            self._checked = self._collect()
        return self._checked.get(target.rsplit(".", 1)[-1])

    def _collect(self) -> dict[str, Reader]:
        checked: dict[str, Reader] = {}
        loop_names: dict[str, Reader] = {}
        loops: list[tuple[ast.AST, ast.AST]] = []  # (target, iterable) of for statements and comprehensions
        # Only statements on lines naming a parser can call one (a comprehension whose variable a
        # parser reads holds that call): a text test per line is much cheaper than walking every
        # expression of a big file.
        lines = self._lines
        words = (*self._parsers, *self._wrappers)
        calling = None if lines is None else sorted(lines_mentioning(lines, words))
        if calling == []:  # no call to a parser: nothing is checked
            return checked
        for stmt in self._statements:
            if isinstance(stmt, (ast.For, ast.AsyncFor)):
                loops.append((stmt.target, stmt.iter))
            if isinstance(stmt, (*_FUNCTIONS, ast.ClassDef)) or not stmt.lineno:
                continue
            if calling is not None:  # a line naming a parser among the statement's lines?
                first = bisect.bisect_left(calling, stmt.lineno)
                if first == len(calling) or calling[first] > (stmt.end_lineno or 0):
                    continue
            for node in _expressions(stmt):
                if isinstance(node, ast.comprehension):
                    loops.append((node.target, node.iter))
                for name, how in self._parsed_names(node):
                    reader = Reader(node.lineno, self._text(node) + how)
                    checked.setdefault(name.rsplit(".", 1)[-1], reader)
                    if "." not in name:
                        loop_names.setdefault(name, reader)
        for target, iterable in loops:
            reader = loop_names.get(target.id) if isinstance(target, ast.Name) else None
            container = _container(iterable) if reader is not None else None
            if container is None:
                continue
            for name, line in _stored(self._statements, container):
                shown = f"{reader.text} ({target.id} from {container}, stored at L{line})"
                checked.setdefault(name.rsplit(".", 1)[-1], Reader(reader.line, shown))
        return checked

    def _parsed_names(self, node: ast.AST) -> list[tuple[str, str]]:
        """(name, how) of the IDs a generator parser call checks (``G.ids_match_for_cleanup(a, b)``
        -> a, b), or a call to a parser wrapper (``how`` says which parser it hands them to)."""
        if not isinstance(node, ast.Call):
            return []
        func = node.func
        slots: list[tuple[int | None, str, str]] = []
        if isinstance(func, ast.Attribute) and func.attr in self._parsers and dotted(func.value) in self._refs:
            slots = [(position, parameter, "") for position, parameter in self._parsers[func.attr]]
        callee = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
        for wrapper in self.wrappers_named(callee) if callee is not None else ():
            shown = dotted(func) or callee
            slots.append((wrapper.position, wrapper.parameter, f" ({wrapper.hands_on(shown)})"))
        keywords = {k.arg: k.value for k in node.keywords if k.arg}
        names = []
        for position, parameter, how in slots:
            given = node.args[position] if position is not None and position < len(node.args) \
                else keywords.get(parameter)
            name = id_name(given) if not isinstance(given, ast.Starred) else None
            if name is not None:
                names.append((name, how))
        return names

    def _text(self, node: ast.AST) -> str:
        lines = self._lines
        if lines is not None and node.lineno == node.end_lineno and node.lineno <= len(lines):
            text = lines[node.lineno - 1].encode()[node.col_offset:node.end_col_offset].decode(errors="replace")
            if text:
                return text
        return ast.unparse(node)
