"""Which thread ID a run ID built at some place can embed: a ``thread_id`` / ``*_thread_id``
parameter of an enclosing function, or a local assigned earlier in an enclosing block (so it is
bound on every path to the site). The nearest wins.
"""

from __future__ import annotations

import ast

from codemods.uuid_ids.flow.facts import FileFacts

_BLOCKS = ("body", "orelse", "finalbody")


def is_thread_name(name: str) -> bool:
    return name == "thread_id" or name.endswith("_thread_id")


def _assigned(stmt: ast.stmt) -> list[str]:
    targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target] if isinstance(stmt, ast.AnnAssign) \
        and stmt.value is not None else []
    return [t.id for t in targets if isinstance(t, ast.Name)]


def _earlier_in_block(parent: ast.AST, child: ast.AST) -> list[ast.stmt]:
    for name in _BLOCKS:
        block = getattr(parent, name, None)
        if isinstance(block, list) and any(s is child for s in block):
            return block[:next(i for i, s in enumerate(block) if s is child)]
    return []


def thread_in_reach(facts: FileFacts, node: ast.AST) -> str | None:
    """The name of the thread ID in reach of ``node``, or None."""
    current = node
    while True:
        parent = facts.parent(current)
        if parent is None or isinstance(parent, (ast.ClassDef, ast.Lambda)):
            return None
        for stmt in reversed(_earlier_in_block(parent, current)):
            names = [n for n in _assigned(stmt) if is_thread_name(n)]
            if names:
                return names[-1]
        if isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef)):
            args = parent.args
            for arg in (*args.posonlyargs, *args.args, *args.kwonlyargs):
                if is_thread_name(arg.arg):
                    return arg.arg
        current = parent
