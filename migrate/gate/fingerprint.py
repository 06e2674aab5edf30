"""Fingerprints that name a usage site across runs (baselines, SARIF, review decisions).

A fingerprint is a hash of (service, member, the normalised text of the statement
around the site) plus the site's occurrence index among equal keys in its file. It
survives lines inserted above the site, edits elsewhere in the file and a move of
the file within its service; it changes when the statement itself changes.

The statement text is normalised by hand, not with ``ast.unparse`` or ``tokenize``:
both print f-strings differently from one Python version to the next, and a
baseline written on a developer's Python must match in CI's. Comments and
whitespace outside string literals are dropped (and trailing commas before a closing
bracket, which formatters add when they wrap a call); string literals are kept verbatim.
"""

from __future__ import annotations

import ast
import hashlib
import io
import tokenize
from collections import Counter
from typing import Iterable, Sequence

#: Fields of compound statements that hold nested statements (their text is not the header's).
_BLOCKS = ("body", "orelse", "finalbody", "handlers", "cases")
_PREFIX_CHARS = frozenset("rRbBuUfF")


def normalise(text: str) -> str:
    """``text`` without comments, whitespace, line continuations and trailing commas outside string
    literals: what a formatter changes when it wraps a statement."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "#":
            end = text.find("\n", i)
            i = n if end == -1 else end
        elif ch in " \t\r\n\f\\":
            i += 1
        elif ch in "'\"":
            end = _string_end(text, i)
            out.append(text[i:end])
            i = end
        else:
            if ch in ")]}" and out and out[-1] == ",":
                out.pop()  # a formatter's trailing comma
            out.append(ch)
            i += 1
    return "".join(out)


def _string_end(text: str, start: int) -> int:
    """Index just past the string literal whose opening quote is at ``start``."""
    quote = text[start] * 3 if text.startswith(text[start] * 3, start) else text[start]
    i = start + len(quote)
    while i < len(text):
        if text[i] == "\\":
            i += 2
        elif text.startswith(quote, i):
            return i + len(quote)
        elif len(quote) == 1 and text[i] == "\n":  # unterminated: stop at the line end
            return i
        else:
            i += 1
    return len(text)


def decode_source(source: bytes) -> str:
    """The text of a Python file, decoded as Python would (coding cookie, BOM)."""
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(source).readline)
        return source.decode(encoding).removeprefix("\ufeff")
    except (SyntaxError, LookupError, UnicodeDecodeError):
        return source.decode("utf-8", "replace").removeprefix("\ufeff")


def source_lines(text: str) -> list[str]:
    """Lines as Python numbers them (only \\n, \\r\\n and \\r end a line), ends kept."""
    return io.StringIO(text, newline="").readlines()


class _Statements:
    """Finds the innermost statement around a position and returns its text."""

    def __init__(self, source: bytes) -> None:
        self.text = decode_source(source)
        self.lines = source_lines(self.text)
        self.starts = [0]
        for line_text in self.lines:
            self.starts.append(self.starts[-1] + len(line_text))
        try:
            self.tree: ast.Module | None = ast.parse(self.text)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            self.tree = None

    def _offset(self, line: int, byte_col: int) -> int:
        """Character offset into ``text`` of (1-based line, UTF-8 byte column)."""
        line_text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        col = len(line_text.encode("utf-8")[:byte_col].decode("utf-8", "ignore"))
        return self.starts[min(max(line - 1, 0), len(self.lines))] + col

    def statement_text(self, line: int, column: int) -> str:
        """Normalised text of the statement at (1-based line, 1-based character column)."""
        if self.tree is None or not 0 < line <= len(self.lines):
            return normalise(self.lines[line - 1] if 0 < line <= len(self.lines) else "")
        byte_col = len(self.lines[line - 1][:max(column - 1, 0)].encode("utf-8"))
        node = _innermost(self.tree.body, (line, byte_col))
        if node is None:
            return normalise(self.lines[line - 1])
        return normalise(self.text[self._start(node):self._header_end(node)])

    def _start(self, node: ast.AST) -> int:
        decorators = getattr(node, "decorator_list", None)
        first = decorators[0] if decorators else node
        return self._offset(first.lineno, first.col_offset)

    def _header_end(self, node: ast.AST) -> int:
        """The end of a simple statement; for a compound one, where its first block starts."""
        nested = [s for s in _children(node) if hasattr(s, "lineno")]
        if nested:
            first = min(nested, key=lambda s: (s.lineno, s.col_offset))
            return self._offset(first.lineno, first.col_offset)
        return self._offset(node.end_lineno, node.end_col_offset)


def _contains(node: ast.AST, pos: tuple[int, int]) -> bool:
    start = (node.lineno, node.col_offset)
    decorators = getattr(node, "decorator_list", None)
    if decorators:
        start = min(start, (decorators[0].lineno, decorators[0].col_offset))
    return start <= pos <= (node.end_lineno, node.end_col_offset)


def _innermost(body: Iterable[ast.AST], pos: tuple[int, int]) -> ast.AST | None:
    found = None
    candidates = list(body)
    while candidates:
        node = next((s for s in candidates if hasattr(s, "lineno") and _contains(s, pos)), None)
        if node is None:
            break
        found = node
        candidates = _children(node)
    return found


def _children(node: ast.AST) -> list[ast.AST]:
    """The statements (and ``except`` clauses) directly inside a compound statement."""
    nested = [s for field in _BLOCKS for s in getattr(node, field, None) or ()]
    # ``match`` cases have no position of their own: their statements stand in for them
    return [b for c in nested for b in (c.body if isinstance(c, ast.match_case) else [c])]


def site_key(service: str, member: str, statement: str) -> str:
    digest = hashlib.sha256("\0".join((service, member, statement)).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:20]


def fingerprints(service: str, source: bytes, sites: Sequence[tuple[int, int, str]]) -> list[str]:
    """One fingerprint per (line, column, member) in ``sites`` (in file order), as ``<hash>:<occurrence>``."""
    statements = _Statements(source)
    seen: Counter[str] = Counter()
    out = []
    for line, column, member in sites:
        key = site_key(service, member, statements.statement_text(line, column))
        out.append(f"{key}:{seen[key]}")
        seen[key] += 1
    return out
