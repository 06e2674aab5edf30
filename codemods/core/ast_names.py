"""Names in the stdlib ``ast``: the helpers analyses of a file's ``ast`` share (dotted names, and what a
statement binds)."""

from __future__ import annotations

import ast
from typing import Iterator

_AST = ast.AST


def push_children(node: ast.AST, todo: list) -> None:
    """Add the children of ``node`` to ``todo``, without the expression contexts (``Load``,
    ``Store``); a list field is added whole, so a caller skips what is not a node (a plain
    name of ``global a, b``, the None key of ``{**d}``)."""
    for name in node._fields:
        value = getattr(node, name, None)
        if value.__class__ is list:
            todo.extend(value)
        elif name != "ctx" and isinstance(value, _AST):
            todo.append(value)


def walk(node: ast.AST) -> Iterator[ast.AST]:
    """Every node inside ``node``, itself included, like ``ast.walk`` but depth first and without
    the expression contexts: about twice as fast, for questions whose answer does not depend on
    the order (a set of names)."""
    todo: list = [node]
    while todo:
        node = todo.pop()
        if isinstance(node, _AST):
            yield node
            push_children(node, todo)


#: The statements that hold statements (``blocks``).
COMPOUND = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.If, ast.For, ast.AsyncFor, ast.While,
            ast.With, ast.AsyncWith, ast.Try, ast.TryStar, ast.Match)


def blocks(node: ast.stmt) -> Iterator[list[ast.stmt]]:
    """The statement lists of a compound statement (none for a simple one): its body, ``else``
    and ``finally`` blocks, and those of its ``except`` handlers and ``match`` cases."""
    for name in ("body", "orelse", "finalbody"):
        inner = getattr(node, name, None)
        if inner:
            yield inner
    for clause in (*getattr(node, "handlers", ()), *getattr(node, "cases", ())):
        yield clause.body


def dotted(node: ast.AST | None) -> str | None:
    """``a.b.c`` for a Name/Attribute chain, else None."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        head = dotted(node.value)
        return None if head is None else f"{head}.{node.attr}"
    return None


def first_line(node: ast.stmt) -> int:
    """The line a statement starts on: its first decorator's, if it has any."""
    return min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", ()))])


def bound_names(node: ast.stmt) -> set[str]:
    """Names the statement binds (or deletes), anywhere inside it."""
    return {inner.id for inner in walk(node) if isinstance(inner, ast.Name) and not isinstance(inner.ctx, ast.Load)}


def assigned_attributes(node: ast.stmt) -> set[str]:
    """Attributes of ``self``/``cls`` that the statement assigns."""
    out = set()
    for inner in walk(node):
        if isinstance(inner, ast.Attribute) and isinstance(inner.ctx, ast.Store) \
                and isinstance(inner.value, ast.Name) and inner.value.id in ("self", "cls"):
            out.add(inner.attr)
    return out


def bind_module_names(node: ast.stmt, out: set[str]) -> None:
    """Names a module-level statement binds in the module's scope (as pyflakes counts them)."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        out.add(node.name)
        return
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        out.update((a.asname or a.name).split(".")[0] for a in node.names if a.name != "*")
        return
    targets: list[ast.expr] = []
    if isinstance(node, ast.Assign):
        targets = node.targets
    elif isinstance(node, ast.AnnAssign) and node.value is not None:  # a bare annotation binds nothing
        targets = [node.target]
    elif isinstance(node, (ast.AugAssign, ast.For, ast.AsyncFor)):
        targets = [node.target]
    elif isinstance(node, (ast.With, ast.AsyncWith)):
        targets = [item.optional_vars for item in node.items if item.optional_vars is not None]
    for target in targets:
        out.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store))
    for inner in blocks(node):  # the blocks of a compound statement bind in the module's scope too
        for child in inner:
            bind_module_names(child, out)
