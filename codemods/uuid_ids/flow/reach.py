"""Which thread ID a run ID can embed. ``codemods.engine.scope_facts`` answers (the latest earlier
local, a parameter, ``self.thread_id``, and whether it may be ``None`` there); a plain local it names
is taken only when it is bound on every path to the site (``scope_facts.bound_on_every_path``, the
check the generator recipe makes too): a parameter of an enclosing function, or assigned by an
earlier statement of an enclosing block (not in an ``if`` branch before it).
"""

from __future__ import annotations

import ast

from codemods.engine.scope_facts import FileFacts as ScopeFacts
from codemods.engine.scope_facts import ThreadInReach
from codemods.engine.scope_facts import bound_on_every_path
from codemods.uuid_ids.flow.facts import FileFacts


def thread_in_reach(scope: ScopeFacts, facts: FileFacts, call: ast.Call) -> tuple[ThreadInReach | None, str]:
    """The thread ID in reach of the ``uuid4()`` call (or None, and why not)."""
    thread = scope.thread_at(call.lineno)
    if thread is None:
        return None, "no thread_id / *_thread_id parameter, earlier local or self.thread_id"
    if thread.expr.isidentifier() and not bound_on_every_path(facts.parent, call, thread.expr):
        return None, f"{thread.expr} may be unbound here (assigned in a branch)"
    return thread, ""
