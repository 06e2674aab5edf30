"""Where a new import line goes among a scope's statements, and the line itself.

Right after the last import (or ``sys.path``-style bootstrap, ``codemods.engine.bootstraps``)
that comes before the first statement using the names; so after the docstring,
``from __future__`` and the top import block, and never above a bootstrap that
later imports depend on. With no such statement, first (after the docstring).
"""

from __future__ import annotations

from typing import Iterable, Sequence

import libcst as cst

from codemods.engine.bootstraps import mentions_bootstrap
from codemods.engine.chunks import CHUNK_MARKER_NAME
from codemods.engine.imports.scopes import Target
from codemods.engine.pruning import SourceMap


def import_line(import_path: str, names: Iterable[str]) -> cst.SimpleStatementLine:
    return cst.SimpleStatementLine([
        cst.ImportFrom(
            module=cst.parse_expression(import_path),
            names=[cst.ImportAlias(cst.Name(n)) for n in sorted(names)],
        )
    ])


def merge_names(line: cst.SimpleStatementLine, names: set[str]) -> cst.SimpleStatementLine:
    """``from m import a`` + {b} -> ``from m import a, b`` (names already there are not repeated)."""
    node = line.body[0]
    present = {(a.evaluated_alias or a.evaluated_name) for a in node.names}
    missing = sorted(names - present)
    if not missing:
        return line
    aliases = [*node.names, *(cst.ImportAlias(cst.Name(n)) for n in missing)]
    aliases = [a.with_changes(comma=cst.MaybeSentinel.DEFAULT) for a in aliases]
    return line.with_changes(body=[node.with_changes(names=aliases)])


def is_import_line(stmt: cst.CSTNode) -> bool:
    return isinstance(stmt, cst.SimpleStatementLine) and all(
        isinstance(s, (cst.Import, cst.ImportFrom)) for s in stmt.body
    )


def _is_import_like(stmt: cst.CSTNode) -> bool:
    """An import line, or a ``try``/``if`` whose body only imports (``try: import x``, ``if TYPE_CHECKING:``)."""
    if is_import_line(stmt):
        return True
    if isinstance(stmt, (cst.Try, cst.If)) and isinstance(stmt.body, cst.IndentedBlock):
        return all(is_import_line(s) for s in stmt.body.body)
    return False


def _comment(line: cst.SimpleStatementLine) -> str:
    comment = line.trailing_whitespace.comment
    return comment.value if comment is not None else ""


def _is_docstring(stmt: cst.CSTNode) -> bool:
    return (
        isinstance(stmt, cst.SimpleStatementLine)
        and len(stmt.body) == 1
        and isinstance(stmt.body[0], cst.Expr)
        and isinstance(stmt.body[0].value, (cst.SimpleString, cst.ConcatenatedString))
    )


def _is_chunk_marker(stmt: cst.CSTNode) -> bool:
    """The line ``codemods.engine.chunks`` puts between chunks: what follows it in the file is not here."""
    return (
        isinstance(stmt, cst.SimpleStatementLine)
        and isinstance(stmt.body[0], cst.Assign)
        and isinstance(stmt.body[0].targets[0].target, cst.Name)
        and stmt.body[0].targets[0].target.value == CHUNK_MARKER_NAME
    )


def _is_bootstrap(stmt: cst.CSTNode, texts: SourceMap) -> bool:
    """A module-level statement that may set up later imports (``codemods.engine.bootstraps``)."""
    if isinstance(stmt, (cst.FunctionDef, cst.ClassDef)) or _is_chunk_marker(stmt):
        return False
    if isinstance(stmt, cst.SimpleStatementLine) and any(
            isinstance(s, cst.Expr) and isinstance(s.value, cst.Call) for s in stmt.body):
        return True  # a bare call: setup_test_path(), django.setup()
    return mentions_bootstrap(texts.text(stmt))


def insert_index(body: Sequence[cst.BaseStatement], first_use: int, texts: SourceMap, *, module: bool) -> int:
    """Inside a function only imports count: a bootstrap is a module's business."""
    start = 1 if body and _is_docstring(body[0]) else 0
    at = start
    for index in range(start, min(first_use, len(body))):
        stmt = body[index]
        if _is_import_like(stmt) or (module and _is_bootstrap(stmt, texts)):
            at = index + 1
    return at


def insert_import(body: Sequence[cst.BaseStatement], target: Target, import_path: str, texts: SourceMap, *,
                  module: bool) -> list[cst.BaseStatement]:
    """``body`` with a new ``from import_path import <target.names>`` line in its place."""
    out = list(body)
    at = insert_index(out, target.first_use, texts, module=module)
    line = import_line(import_path, target.names)
    previous = out[at - 1] if at > 0 else None
    after_bootstrap = module and previous is not None and not _is_import_like(previous) \
        and not _is_docstring(previous)
    if after_bootstrap:
        line = line.with_changes(leading_lines=[cst.EmptyLine()])  # set apart from the bootstrap above it
    elif module and is_import_line(previous) and "E402" in _comment(previous):
        # an import below a bootstrap: the linter exemption its neighbour needed, it needs too
        line = line.with_changes(trailing_whitespace=previous.trailing_whitespace)
    out.insert(at, line)
    following = out[at + 1] if at + 1 < len(out) else None
    # Space the code below from the new import, as the import block above it was. Not after a
    # bootstrap: the statement after one may lie outside the chunks being rewritten, and the
    # fast path must print what a whole-file parse prints.
    if module and not after_bootstrap and following is not None and not _is_import_like(following) \
            and not following.leading_lines and not _is_chunk_marker(following):
        blank = 2 if isinstance(following, (cst.FunctionDef, cst.ClassDef)) else 1
        out[at + 1] = following.with_changes(leading_lines=[cst.EmptyLine()] * blank)
    return out
