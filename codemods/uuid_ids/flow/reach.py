"""Which thread ID a run ID can embed. ``codemods.engine.scope_facts`` answers (the latest earlier
local, a parameter, ``self.thread_id``, and whether it may be ``None`` there); a plain local it names
is taken only when it is bound on every path to the site: a parameter of an enclosing function,
or assigned by an earlier statement of an enclosing block (not in an ``if`` branch before it).
"""

from __future__ import annotations

import ast

from codemods.engine.scope_facts import FileFacts as ScopeFacts
from codemods.engine.scope_facts import ThreadInReach
from codemods.uuid_ids.flow.facts import FileFacts

_BLOCKS = ("body", "orelse", "finalbody")


def _assigns(stmt: ast.stmt, name: str) -> bool:
    if isinstance(stmt, ast.Assign):
        return any(isinstance(t, ast.Name) and t.id == name for t in stmt.targets)
    return isinstance(stmt, ast.AnnAssign) and stmt.value is not None \
        and isinstance(stmt.target, ast.Name) and stmt.target.id == name


def _earlier_in_block(parent: ast.AST, child: ast.AST) -> list[ast.stmt]:
    for field in _BLOCKS:
        block = getattr(parent, field, None)
        if isinstance(block, list) and any(s is child for s in block):
            return block[:next(i for i, s in enumerate(block) if s is child)]
    return []


def bound_on_every_path(facts: FileFacts, node: ast.AST, name: str) -> bool:
    """Is local ``name`` a parameter of a function enclosing ``node``, or assigned before it in an
    enclosing block?"""
    current = node
    while True:
        parent = facts.parent(current)
        if parent is None or isinstance(parent, (ast.ClassDef, ast.Lambda)):
            return False
        if any(_assigns(stmt, name) for stmt in _earlier_in_block(parent, current)):
            return True
        if isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef)):
            args = parent.args
            if any(a.arg == name for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)):
                return True
        current = parent


def thread_in_reach(scope: ScopeFacts, facts: FileFacts, call: ast.Call) -> tuple[ThreadInReach | None, str]:
    """The thread ID in reach of the ``uuid4()`` call (or None, and why not)."""
    thread = scope.thread_at(call.lineno)
    if thread is None:
        return None, "no thread_id / *_thread_id parameter, earlier local or self.thread_id"
    if thread.expr.isidentifier() and not bound_on_every_path(facts, call, thread.expr):
        return None, f"{thread.expr} may be unbound here (assigned in a branch)"
    return thread, ""
