"""Import the manager names a file's rewrites use.

Every recipe's rewrite may need ``get_id_manager``, ``IDType`` ...: the engine adds them in one
import, after each recipe had the chance to put it in place of an import it removed
(``FileTransform.fix_imports``).
"""

from __future__ import annotations

from typing import Sequence

import libcst as cst

from codemods.core.file_transform import FileTransform
from codemods.engine.chunks import CHUNK_MARKER_NAME
from codemods.engine.nodes import dotted_name, module_name


def import_line(import_path: str, names: set[str]) -> cst.SimpleStatementLine:
    return cst.SimpleStatementLine([
        cst.ImportFrom(
            module=cst.parse_expression(import_path),
            names=[cst.ImportAlias(cst.Name(n)) for n in sorted(names)],
        )
    ])


def _is_import_line(stmt: cst.CSTNode) -> bool:
    return isinstance(stmt, cst.SimpleStatementLine) and all(
        isinstance(s, (cst.Import, cst.ImportFrom)) for s in stmt.body
    )


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


def add_import(module: cst.Module, import_path: str, names: set[str]) -> cst.Module:
    """Import ``names`` from ``import_path`` at the top level.

    Merged into an existing top-level ``from import_path import ...`` when there
    is one; otherwise a new line after the leading block of imports (after the
    docstring and ``__future__`` imports when there is no import at all).
    """
    body = list(module.body)
    for index, stmt in enumerate(body):
        if _is_import_line(stmt) and len(stmt.body) == 1:
            node = stmt.body[0]
            if (isinstance(node, cst.ImportFrom) and not node.relative
                    and not isinstance(node.names, cst.ImportStar)
                    and module_name(node.module) == import_path and node.lpar is None):
                present = {a.evaluated_alias or dotted_name(a.name) for a in node.names}
                merged = sorted(set(present) | names)
                if len(merged) == len(present):
                    return module
                aliases = list(node.names) + [cst.ImportAlias(cst.Name(n)) for n in sorted(names - present)]
                aliases = [a.with_changes(comma=cst.MaybeSentinel.DEFAULT) for a in aliases]
                body[index] = stmt.with_changes(body=[node.with_changes(names=aliases)])
                return module.with_changes(body=body)
    insert_at = 0
    for index, stmt in enumerate(body):
        if index == 0 and _is_docstring(stmt):
            insert_at = 1
        elif _is_import_line(stmt):
            insert_at = index + 1
        else:
            break
    body.insert(insert_at, import_line(import_path, names))
    following = body[insert_at + 1] if insert_at + 1 < len(body) else None
    if following is not None and not _is_import_line(following) and not following.leading_lines \
            and not _is_chunk_marker(following):
        blank = 2 if isinstance(following, (cst.FunctionDef, cst.ClassDef)) else 1
        body[insert_at + 1] = following.with_changes(leading_lines=[cst.EmptyLine()] * blank)
    return module.with_changes(body=body)


def update_imports(module: cst.Module, transforms: Sequence[FileTransform], import_path: str,
                   names: set[str]) -> cst.Module:
    """Let each recipe drop the imports its rewrite made unused, then import ``names`` from
    ``import_path``: in place of the first import a recipe removed, else at the top."""
    line = import_line(import_path, names) if names else None
    placed = False
    for transform in transforms:
        module, placed_here = transform.fix_imports(module, None if placed else line)
        placed = placed or placed_here
    if placed or not names:
        return module
    return add_import(module, import_path, names)
