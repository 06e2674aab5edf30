"""Parse only the top-level statements that can matter.

In an affected file typically a few percent of the lines sit in statements that
mention the generator. ``reduce_source`` uses the stdlib ``ast`` (C, fast) to
find them and builds a smaller module: the file's head (comments, docstring,
leading imports) plus each run of relevant top-level statements (those that
mention a word, every import, and ``sys.path``-style bootstraps), separated by
marker lines. libcst parses, transforms and prints only that; ``splice`` puts
each rewritten run back in place of the original lines, so every other byte of
the file is untouched by construction.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from dataclasses import dataclass

from codemods.engine.bootstraps import is_bootstrap_ast

CHUNK_MARKER_NAME = "__idmigrate_chunk__"
_MARKER = CHUNK_MARKER_NAME + " = {}"
_MARKER_LINE = re.compile(r"^__idmigrate_chunk__ = (\d+)[ \t]*(\r\n|\n)", re.M)


@dataclass(frozen=True)
class Reduced:
    text: str
    encoding: str
    #: Original lines, with their own line endings.
    lines: list[str]
    #: (first, last) original line of each chunk, 1-based, inclusive; chunk 0 may be empty (first > last).
    ranges: list[tuple[int, int]]
    #: Reduced line number (1-based) -> original line number; marker lines map to 0.
    line_map: list[int]
    #: Every statement of the whole original file, in source order (bindings are read from them).
    statements: list[ast.stmt]

    def original_line(self, reduced_line: int) -> int:
        if 0 < reduced_line < len(self.line_map):
            return self.line_map[reduced_line]
        return 0


def _decode(source: bytes) -> tuple[str, str] | None:
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(source).readline)
        return source.decode(encoding), encoding
    except (SyntaxError, LookupError, UnicodeDecodeError):
        return None


def _start(node: ast.stmt) -> int:
    decorators = getattr(node, "decorator_list", ())
    return min([node.lineno, *(d.lineno for d in decorators)])


def _is_head_statement(node: ast.stmt, index: int) -> bool:
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return True
    return index == 0 and isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) \
        and isinstance(node.value.value, str)


_COMPOUND = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.If, ast.For, ast.AsyncFor, ast.While,
             ast.With, ast.AsyncWith, ast.Try, ast.TryStar, ast.Match)


def statements(body: list[ast.stmt], out: list[ast.stmt] | None = None) -> list[ast.stmt]:
    """Every statement, nested ones included, in source order (as a libcst visit meets
    them), without walking expressions: ``ast.walk`` would visit every expression too."""
    out = [] if out is None else out
    for node in body:
        out.append(node)
        if isinstance(node, _COMPOUND):
            for inner in (getattr(node, "body", None), *(h.body for h in getattr(node, "handlers", ())),
                          getattr(node, "orelse", None), getattr(node, "finalbody", None),
                          *(case.body for case in getattr(node, "cases", ()))):
                if inner:
                    statements(inner, out)
    return out


def local_aliases(nodes: list[ast.stmt], names: tuple[str, ...], modules: tuple[str, ...]) -> set[str]:
    """Other words a relevant statement may use instead of ``names``: import aliases
    (``as IdGen``, ``import ... as uig``), instances (``_gen = UnifiedIdGenerator()``,
    ``self.id_generator = ...``), class aliases (``G = UnifiedIdGenerator``) and functions
    that return or yield an instance (a pytest fixture: tests name it as a parameter)."""
    known = set(names)
    found: set[str] = set()
    for _ in range(2):  # an alias may be bound before or after the import that makes it one
        for node in nodes:
            if isinstance(node, ast.ImportFrom):
                for alias in node.names:
                    if alias.asname and (alias.name in known or (node.module or "") in modules):
                        found.add(alias.asname)
                        known.add(alias.asname)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.asname and alias.name in modules:
                        found.add(alias.asname)
            elif isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
                value = node.value.func if isinstance(node.value, ast.Call) else node.value
                head = value.attr if isinstance(value, ast.Attribute) else getattr(value, "id", None)
                if head not in known:
                    continue
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    if isinstance(target, ast.Name):
                        found.add(target.id)
                        if not isinstance(node.value, ast.Call):
                            known.add(target.id)
                    elif isinstance(target, ast.Attribute):
                        found.add(target.attr)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                found |= _handing_out(node, known)
    return found


def _handing_out(func: ast.FunctionDef | ast.AsyncFunctionDef, known: set[str]) -> set[str]:
    """The function's name and any decorator ``name="..."`` when its body (directly) returns or
    yields ``X()`` for a known ``X``, or a local assigned one."""
    def makes(value: ast.expr | None) -> bool:
        return isinstance(value, ast.Call) and getattr(value.func, "attr", getattr(value.func, "id", None)) in known

    made = {t.id for s in func.body if isinstance(s, ast.Assign) and makes(s.value)
            for t in s.targets if isinstance(t, ast.Name)}
    handed = [s.value for s in func.body if isinstance(s, ast.Return)]
    handed += [s.value.value for s in func.body if isinstance(s, ast.Expr) and isinstance(s.value, ast.Yield)]
    if not any(makes(v) or (isinstance(v, ast.Name) and v.id in made) for v in handed):
        return set()
    names = {func.name}
    for decorator in func.decorator_list:
        for keyword in decorator.keywords if isinstance(decorator, ast.Call) else ():
            if keyword.arg == "name" and isinstance(keyword.value, ast.Constant) and isinstance(keyword.value.value, str):
                names.add(keyword.value.value)
    return names


def reduce_source(
    source: bytes, words: tuple[str, ...], alias_names: tuple[str, ...] = (), alias_modules: tuple[str, ...] = ()
) -> Reduced | None:
    """The reduced module, or None when the whole file should be parsed instead.

    ``words``: a top-level statement whose text contains one is kept. ``alias_names``
    and ``alias_modules`` say which imports and instances add words (``local_aliases``).
    """
    decoded = _decode(source)
    if decoded is None:
        return None
    text, encoding = decoded
    if "\r" in text.replace("\r\n", "") or "\x0c" in text:
        return None  # line numbering that ast and io disagree on: not worth the risk
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    lines = io.StringIO(text, newline="").readlines()
    every_statement = statements(tree.body)
    words = (*words, *sorted(local_aliases(every_statement, alias_names, alias_modules)))
    body = tree.body
    if not body:
        return None

    head_end = 0
    for index, node in enumerate(body):
        if not _is_head_statement(node, index):
            break
        head_end = node.end_lineno
    head_end = max(head_end, _start(body[0]) - 1) if head_end else _start(body[0]) - 1

    def relevant(node: ast.stmt) -> bool:
        chunk = "".join(lines[_start(node) - 1:node.end_lineno])
        if isinstance(node, (ast.Import, ast.ImportFrom)) or any(w in chunk for w in words):
            return True
        return is_bootstrap_ast(node, chunk)  # an added import must be placed after it: keep it in view

    ranges: list[tuple[int, int]] = [(1, head_end)]
    previous_end, previous_kept = head_end, True
    for node in body:
        start, end = _start(node), node.end_lineno
        if end <= head_end:
            continue
        if start <= previous_end:  # shares a line with the previous statement
            if not previous_kept and relevant(node):
                return None  # rare (`a = 1; b = G...` at top level): parse the whole file
            keep = previous_kept
        else:
            keep = relevant(node)
        if keep:
            first, last = ranges[-1]
            if previous_kept:  # adjacent to the last chunk: grow it (gap lines included)
                ranges[-1] = (first if first <= last else start, end)
            else:
                ranges.append((start, end))
        previous_end, previous_kept = max(previous_end, end), keep
    if len(ranges) == 1 and head_end >= len(lines):
        return None  # the head is the whole file: nothing to gain

    parts, line_map = [], [0]
    for index, (first, last) in enumerate(ranges):
        if index:
            parts.append(_MARKER.format(index) + "\n")
            line_map.append(0)
        for number in range(first, last + 1):
            line = lines[number - 1]
            parts.append(line if line.endswith(("\n", "\r")) else line + "\n")
            line_map.append(number)
    return Reduced("".join(parts), encoding, lines, ranges, line_map, every_statement)


def splice(reduced: Reduced, new_text: str) -> str | None:
    """Put each rewritten chunk back in place; None if the markers did not survive intact."""
    pieces, cursor, expected = [], 0, 1
    for match in _MARKER_LINE.finditer(new_text):
        if int(match.group(1)) != expected:
            return None
        pieces.append(new_text[cursor:match.start()])
        cursor = match.end()
        expected += 1
    pieces.append(new_text[cursor:])
    if len(pieces) != len(reduced.ranges):
        return None
    out, next_line = [], 1
    for piece, (first, last) in zip(pieces, reduced.ranges):
        if first <= last:
            out.extend(reduced.lines[next_line - 1:first - 1])
            original_last = reduced.lines[last - 1]
            if not original_last.endswith(("\n", "\r")) and piece.endswith("\n"):
                piece = piece[:-2] if piece.endswith("\r\n") else piece[:-1]  # keep "no newline at end"
            out.append(piece)
            next_line = last + 1
        else:  # an empty head: anything added goes before line 1
            out.append(piece)
    out.extend(reduced.lines[next_line - 1:])
    return "".join(out)
