"""Parse only the statements that can matter.

In an affected file typically a few percent of the lines sit in statements that
mention the generator. ``reduce_source`` uses the stdlib ``ast`` (C, fast) to
find them and builds a smaller module: the file's head (comments, docstring,
leading imports) plus each run of relevant statements (those that mention a
word, every import, ``sys.path``-style bootstraps, and inside a class the
methods that matter: see ``_Selector``), separated by marker lines indented
like the statement they precede. libcst parses, transforms and prints only that; ``splice`` puts
each rewritten run back in place of the original lines, so every other byte of
the file is untouched by construction.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from bisect import bisect_left
from dataclasses import dataclass, field

from codemods.core.ast_names import COMPOUND, assigned_attributes, bind_module_names, bound_names, first_line
from codemods.engine.aliases import local_aliases
from codemods.engine.bootstraps import is_bootstrap_ast
from codemods.engine.lines import lines_mentioning

CHUNK_MARKER_NAME = "__idmigrate_chunk__"
_MARKER = CHUNK_MARKER_NAME + " = {}"
_MARKER_LINE = re.compile(r"^[ \t]*__idmigrate_chunk__ = (\d+)[ \t]*(\r\n|\n)", re.M)


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
    #: Names the left-out top-level statements bind: still bound in the rewritten file, where the
    #: guard must not call a use of them undefined.
    left_out_names: frozenset[str] = frozenset()
    #: The original module's top-level statements.
    body: list[ast.stmt] = field(default_factory=list)

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


def _is_head_statement(node: ast.stmt, index: int) -> bool:
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return True
    return index == 0 and _is_docstring(node)


_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)


def statements(body: list[ast.stmt], out: list[ast.stmt] | None = None) -> list[ast.stmt]:
    """Every statement, nested ones included, in source order (as a libcst visit meets
    them), without walking expressions: ``ast.walk`` would visit every expression too."""
    out = [] if out is None else out
    for node in body:
        out.append(node)
        if isinstance(node, COMPOUND):
            for inner in (getattr(node, "body", None), *(h.body for h in getattr(node, "handlers", ())),
                          getattr(node, "orelse", None), getattr(node, "finalbody", None),
                          *(case.body for case in getattr(node, "cases", ()))):
                if inner:
                    statements(inner, out)
    return out


class _Unsplittable(Exception):
    """A kept statement shares a line with one that would be left out."""


class _Selector:
    """The line ranges of the reduced module.

    A top-level statement is kept when it mentions a word, is an import or a
    ``sys.path``-style bootstrap. A kept class whose header mentions no word is
    opened: its header is kept, and of its body only the statements that mention a
    word or an attribute (``self.x``/``cls.x``) that a kept statement of the class
    assigns, so a test module's one big class costs the parse of the methods that
    matter. With ``function_words``, a kept function is opened the same way (without the
    attribute rule: what a function binds is read from the whole file's ``ast``, see
    ``codemods.engine.function_names`` for the guard). Consecutive kept statements of one body form one range (the lines
    between them included); a left-out statement ends it.
    """

    def __init__(self, lines: list[str], words: tuple[str, ...], function_words: tuple[str, ...] | None = None,
                 function_closure: bool = False) -> None:
        self.lines = lines
        self.words = words
        #: In an opened function, also keep every statement that reads a name a kept one binds.
        self.function_closure = function_closure
        #: None: a function is kept whole. Else functions are opened like classes, and of a
        #: function's body the docstrings and the statements that mention a word or one of these
        #: are kept (``Recipe.function_words``).
        self.function_words = function_words
        #: id of a statement -> what it binds (``_followed``; asked again on every round of ``_kept``).
        self._assigns: dict[int, set[str]] = {}
        #: Kept line spans, and (as a string: the indentation of the first statement left
        #: out) where something was left out.
        self._spans: list[tuple[int, int] | str] = []
        #: Indentation of the marker line before each range but the first.
        self.indents: list[str] = []
        #: ids of the top-level statements that directly follow an import.
        self._after_import: set[int] = set()
        #: Numbers of the lines that hold a word, in order (``mentions``).
        self._marked: list[int] | None = None

    def text(self, first: int, last: int) -> str:
        return "".join(self.lines[first - 1:last])

    def mentions(self, first: int, last: int) -> bool:
        """Does a line from ``first`` to ``last`` hold a word (none spans lines)?"""
        if self._marked is None:  # found once for the whole text, then bisected per statement
            self._marked = sorted(lines_mentioning(self.lines, self.words)) if all(self.words) \
                else list(range(1, len(self.lines) + 1))
        at = bisect_left(self._marked, first)
        return at < len(self._marked) and self._marked[at] <= last

    def ranges(self, body: list[ast.stmt], head_end: int) -> list[tuple[int, int]]:
        # The statement after a top-level import is kept: a new import may be placed above it,
        # spaced by what that statement is (a marker is neither a def nor a class).
        self._after_import = {id(node) for previous, node in zip(body, body[1:])
                              if isinstance(previous, (ast.Import, ast.ImportFrom))}
        self._spans = [(1, head_end)]
        self._body([node for node in body if node.end_lineno > head_end], head_end, top=True)
        ranges: list[tuple[int, int]] = []
        gap = None  # the first span opens the first range (an empty head is grown by it)
        for span in self._spans:
            if isinstance(span, str):
                gap = span
                continue
            if ranges and gap is None:
                first, last = ranges[-1]
                ranges[-1] = (first if first <= last else span[0], span[1])
            else:
                if ranges:
                    self.indents.append(gap)
                ranges.append(span)
            gap = None
        return ranges

    def _keep(self, node: ast.stmt, top: bool, followed: set[str], in_function: bool = False) -> bool:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            return True
        if self.mentions(first_line(node), node.end_lineno):
            return True
        if not (in_function or followed or top):
            return False
        if in_function:
            if _is_docstring(node):
                return True
            if not (self.function_words or followed):
                return False
        chunk = self.text(first_line(node), node.end_lineno)
        if in_function:
            return any(w in chunk for w in self.function_words) or bool(
                followed and re.search(r"\b(%s)\b" % "|".join(sorted(followed)), chunk))
        if followed and re.search(r"\.(%s)\b" % "|".join(sorted(followed)), chunk):
            return True
        return top and is_bootstrap_ast(node, chunk)

    def _body(self, body: list[ast.stmt], previous_end: int, top: bool, in_function: bool = False) -> bool:
        """Add the spans of ``body``; False when none of its statements is kept."""
        keep = self._kept(body, previous_end, top, in_function)
        for node, kept in zip(body, keep):
            start = self._owned_start(node, previous_end)
            previous_end = node.end_lineno
            if not kept:
                last = self._spans[-1]
                if not isinstance(last, str):
                    # The blank and comment lines above it stay with the kept text, where libcst
                    # sees them as the marker's leading lines, as it would see them as this
                    # statement's in the whole file (removing a statement above moves them).
                    if last[0] <= last[1]:
                        self._spans[-1] = (last[0], first_line(node) - 1)
                    opening = self.lines[first_line(node) - 1]
                    self._spans.append(opening[:len(opening) - len(opening.lstrip(" \t"))])
                continue
            header_end = self._header_end(node)
            if header_end is None:
                self._spans.append((start, node.end_lineno))
                continue
            mark = len(self._spans)
            self._spans.append((start, header_end))
            try:
                opened = self._body(node.body, header_end, top=False, in_function=not isinstance(node, ast.ClassDef))
            except _Unsplittable:
                opened = False
            if not opened:  # statements sharing a line, or nothing inside to keep: keep it whole
                del self._spans[mark:]
                self._spans.append((start, node.end_lineno))
        return any(keep)

    def _owned_start(self, node: ast.stmt, previous_end: int) -> int:
        """The first of the blank and comment lines above the statement that libcst gives it
        (its ``leading_lines``): up to a code line or a comment indented deeper, which closes
        the block before."""
        start = first_line(node)
        indent = node.col_offset
        while start - 1 > previous_end:
            line = self.lines[start - 2]
            stripped = line.lstrip(" \t")
            if stripped.strip() and not (stripped.startswith("#") and len(line) - len(stripped) <= indent):
                break
            start -= 1
        return start

    def _kept(self, body: list[ast.stmt], previous_end: int, top: bool, in_function: bool = False) -> list[bool]:
        """Which statements of one body are kept; in a class body, until no kept statement
        assigns an attribute that a left-out one mentions (in a function body, with
        ``function_closure``: binds a name that a left-out one reads)."""
        followed: set[str] = set()
        while True:
            keep, end, previous = [], previous_end, True
            for node in body:
                if first_line(node) <= end:  # shares a line with the previous statement: kept together
                    if not previous and self._keep(node, top, followed, in_function):
                        raise _Unsplittable
                    keep.append(previous)
                else:
                    keep.append(self._keep(node, top, followed, in_function)
                                or (top and id(node) in self._after_import))
                end, previous = max(end, node.end_lineno), keep[-1]
            if top:
                return keep
            if in_function and not self.function_closure:
                return keep
            more = followed.union(*(self._followed(node, in_function) for node, kept in zip(body, keep) if kept))
            if more == followed:
                return keep
            followed = more

    def _followed(self, node: ast.stmt, in_function: bool) -> set[str]:
        """What a kept statement binds that makes its readers worth keeping: in a function the
        names, in a class the ``self``/``cls`` attributes (a statement sits in one body only)."""
        found = self._assigns.get(id(node))
        if found is None:
            found = self._assigns[id(node)] = (bound_names if in_function else assigned_attributes)(node)
        return found

    def _header_end(self, node: ast.stmt) -> int | None:
        """The last line of a class (or function) header worth opening, or None to keep the statement whole."""
        opens = (ast.ClassDef,) if self.function_words is None else (ast.ClassDef, *_FUNCTIONS)
        if not isinstance(node, opens) or len(node.body) < 2:
            return None
        first = node.body[0]
        opening = self.lines[first_line(first) - 1]
        if opening[:first.col_offset].strip():  # the body starts on the header's line
            return None
        header_end = first_line(first) - 1
        if self.mentions(first_line(node), header_end):
            return None
        return header_end


def _is_docstring(node: ast.stmt) -> bool:
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)


def reduce_source(
    source: bytes, words: tuple[str, ...], alias_names: tuple[str, ...] = (), alias_modules: tuple[str, ...] = (),
    function_words: tuple[str, ...] | None = None, function_closure: bool = False,
) -> Reduced | None:
    """The reduced module, or None when the whole file should be parsed instead.

    ``words``: a top-level statement whose text contains one is kept. ``alias_names``
    and ``alias_modules`` say which imports and instances add words (``local_aliases``).
    ``function_words``: open functions too, ``function_closure`` with their readers (``_Selector``).
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
    head_end = max(head_end, first_line(body[0]) - 1) if head_end else first_line(body[0]) - 1

    selector = _Selector(lines, words, function_words, function_closure)
    try:
        ranges = selector.ranges(body, head_end)
    except _Unsplittable:
        return None  # rare (`a = 1; b = G...` at top level): parse the whole file
    if len(ranges) == 1 and head_end >= len(lines):
        return None  # the head is the whole file: nothing to gain

    parts, line_map = [], [0]
    for index, (first, last) in enumerate(ranges):
        if index:
            parts.append(selector.indents[index - 1] + _MARKER.format(index) + "\n")
            line_map.append(0)
        for number in range(first, last + 1):
            line = lines[number - 1]
            parts.append(line if line.endswith(("\n", "\r")) else line + "\n")
            line_map.append(number)
    return Reduced("".join(parts), encoding, lines, ranges, line_map, every_statement,
                   _left_out_names(body, ranges), body)


def _left_out_names(body: list[ast.stmt], ranges: list[tuple[int, int]]) -> frozenset[str]:
    names: set[str] = set()
    for node in body:
        start = first_line(node)
        if not any(first <= start <= last for first, last in ranges):
            bind_module_names(node, names)
    return frozenset(names)


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
