"""Parser wrappers: functions anywhere in the repository that hand one of their parameters to a
generator parser (``def describe(v): return UnifiedIdGenerator.extract_pattern_info(v)``).

An ID passed to such a function in another file is checked by the generator as surely as one
passed to the parser itself (IDM014), so the pipeline finds them in a pre-pass over the files
that mention a parser (stdlib ``ast`` only, like the conftest pre-pass) and every file's job
carries the ones it names. One level is followed: a wrapper of a wrapper is not.
"""

from __future__ import annotations

import ast
import bisect
import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Mapping

from codemods.engine.chunks import statements
from codemods.engine.lines import lines_mentioning
from codemods.core.ast_names import dotted
from codemods.generator.around.id_checks import id_name, parser_members
from codemods.generator.instances.names import BoundNames, collect_names
from codemods.generator.rules import RuleSet

_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
_SCOPES = (*_FUNCTIONS, ast.Lambda, ast.ClassDef)


@dataclass(frozen=True)
class ParserWrapper:
    """``name(...)`` hands the argument at ``position`` (or keyword ``parameter``) to ``parser``."""

    #: The name callers use: the function's, or the class's for an ``__init__``.
    name: str
    #: Index among a call's positional arguments (``self``/``cls`` not counted); None: keyword-only.
    position: int | None
    parameter: str
    #: The parser call as written in the wrapper (``UnifiedIdGenerator.extract_pattern_info``).
    parser: str
    path: str
    #: Line of the ``def``.
    line: int

    def hands_on(self, callee: str) -> str:
        return f"passed to {callee}(), which hands it to {self.parser} ({self.path}:{self.line})"


def _own_nodes(function: ast.AST) -> Iterator[ast.AST]:
    """Nodes of a function's body, not those of the functions, lambdas and classes nested in it."""
    stack = list(reversed(function.body))
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed([child for child in ast.iter_child_nodes(node) if not isinstance(child, _SCOPES)]))


def _is_static(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return any(dotted(d) in ("staticmethod", "builtins.staticmethod") for d in function.decorator_list)


def _parameters(function, method: bool) -> dict[str, int | None]:
    """Parameter name -> position a call passes it at (None: keyword-only)."""
    arguments = function.args
    positional = [a.arg for a in (*arguments.posonlyargs, *arguments.args)]
    if method and positional:
        positional = positional[1:]  # self / cls
    found: dict[str, int | None] = {name: i for i, name in enumerate(positional)}
    found.update({a.arg: None for a in arguments.kwonlyargs})
    return found


def _wrappers_of(function, name: str, method: bool, refs: frozenset[str],
                 parsers: Mapping[str, tuple[tuple[int, str], ...]], path: str) -> Iterator[ParserWrapper]:
    parameters = _parameters(function, method)
    if not parameters:
        return
    seen: set[str] = set()
    for node in _own_nodes(function):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in parsers and dotted(node.func.value) in refs):
            continue
        keywords = {k.arg: k.value for k in node.keywords if k.arg}
        for position, parameter in parsers[node.func.attr]:
            given = node.args[position] if position < len(node.args) else keywords.get(parameter)
            passed = id_name(given) if given is not None and not isinstance(given, ast.Starred) else None
            if passed in parameters and passed not in seen:
                seen.add(passed)
                yield ParserWrapper(name, parameters[passed], passed, dotted(node.func) or node.func.attr,
                                    path, function.lineno)


def _calling_lines(source: bytes, words: tuple[bytes, ...]) -> list[int]:
    """Numbers of the lines that name a parser, in order: only functions spanning one can call it."""
    return sorted(lines_mentioning(source.splitlines(keepends=True), words))


def find_wrappers(source: bytes, path: str, rules: RuleSet, fixtures: Iterable[str] = ()) -> list[ParserWrapper]:
    """The parser wrappers one file defines (none when it does not parse)."""
    parsers = parser_members(rules)
    calling = _calling_lines(source, tuple(p.encode() for p in parsers))
    if not calling:
        return []
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return []
    every_statement = statements(tree.body)
    refs = collect_names(BoundNames(), every_statement, tuple(rules.source_modules), fixtures).generator_refs()
    if not refs:
        return []
    methods: dict[int, ast.ClassDef] = {
        id(s): node for node in every_statement if isinstance(node, ast.ClassDef) for s in node.body}
    found = []
    for node in every_statement:
        if not isinstance(node, _FUNCTIONS):
            continue
        first = bisect.bisect_left(calling, node.lineno)
        if first == len(calling) or calling[first] > (node.end_lineno or node.lineno):
            continue
        cls = methods.get(id(node))
        method = cls is not None and not _is_static(node)
        name = cls.name if cls is not None and node.name == "__init__" else node.name
        found.extend(_wrappers_of(node, name, method, refs, parsers, path))
    return found


@dataclass
class ParserWrappers:
    """Every parser wrapper of the repository, and which of them a file names."""

    wrappers: tuple[ParserWrapper, ...] = ()
    _pattern: re.Pattern | None = field(default=None, repr=False)

    def for_source(self, data: bytes) -> tuple[ParserWrapper, ...]:
        """The wrappers whose name ``data`` mentions as a whole word."""
        if not self.wrappers:
            return ()
        if self._pattern is None:
            words = b"|".join(re.escape(n.encode()) for n in sorted({w.name for w in self.wrappers}))
            self._pattern = re.compile(rb"(?<![A-Za-z0-9_])(?:" + words + rb")(?![A-Za-z0-9_])")
        present = {w.name for w in self.wrappers if w.name.encode() in data}  # memchr-fast, most files: none
        if not present:
            return ()
        named = {m.decode() for m in self._pattern.findall(data)}
        return tuple(w for w in self.wrappers if w.name in named)


def find_all_wrappers(todo: list[tuple[str, bytes, tuple[str, ...]]], rules: RuleSet) -> list[list[ParserWrapper]]:
    """``find_wrappers`` of each (path, bytes, fixtures)."""
    return [find_wrappers(data, rel, rules, fixtures) for rel, data, fixtures in todo]


def scan_wrappers(sources: Iterable[tuple[str, bytes]], rules: RuleSet,
                  fixtures_for: Callable[[str], tuple[str, ...]] = lambda rel: (), cache=None,
                  key_of: Callable[[str, bytes, tuple[str, ...]], str] | None = None,
                  find_all: Callable[[list[tuple[str, bytes, tuple[str, ...]]]], list[list[ParserWrapper]]]
                  | None = None) -> ParserWrappers:
    """The wrappers among ``sources`` ((path, bytes) of files that mention the generator): only
    files that name a parser are parsed, and each file's wrappers are kept in ``cache`` (``get``,
    ``put``) under ``key_of(path, bytes, fixtures)``, so a re-run parses only the files edited.
    ``find_all`` parses the rest (``find_all_wrappers``, or that in parts in other processes)."""
    words = tuple(p.encode() for p in parser_members(rules))
    found: list[ParserWrapper] = []
    todo, keys = [], []
    for rel, data in sources:
        if not any(word in data for word in words):
            continue
        fixtures = tuple(fixtures_for(rel))
        key = key_of(rel, data, fixtures) if cache is not None and key_of is not None else None
        hit = cache.get(key) if key is not None else None
        if isinstance(hit, list):
            found.extend(hit)
            continue
        todo.append((rel, data, fixtures))
        keys.append(key)
    for key, hit in zip(keys, find_all(todo) if find_all is not None else find_all_wrappers(todo, rules)):
        if key is not None:
            cache.put(key, hit)
        found.extend(hit)
    return ParserWrappers(tuple(sorted(set(found), key=lambda w: (w.path, w.line, w.name, w.parameter))))
