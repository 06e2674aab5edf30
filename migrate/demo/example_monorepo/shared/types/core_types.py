"""Validators for typed IDs.

``ensure_thread_id`` reads the ID's *type word*: the first word of an ID made
by the old generator (``thread_...``), or the word before the counter and the
random tail of a manager ID (``[prefix_]thread_{n}_{hex8}``). Anything else is
not a thread ID, however ID-shaped it looks (the manager's classmethod
``generate_thread_id()`` returns an unprefixed ``session_...`` base, which is
rejected here).
"""

from __future__ import annotations

import re

_MANAGER_ID = re.compile(r"^(?:(?P<prefix>[A-Za-z0-9_]+)_)?(?P<type>[a-z]+)_(?P<counter>\d+)_(?P<tail>[0-9a-f]{8})$")


def id_type_word(value: str) -> str:
    """The type word of an ID: ``thread`` for ``thread_3_ab12cd34`` and ``thread_chat_7_ab12cd34``."""
    match = _MANAGER_ID.match(value)
    if match and match.group("type") in _KNOWN_TYPES:
        return match.group("type")
    return value.split("_", 1)[0]


_KNOWN_TYPES = frozenset({
    "user", "session", "request", "agent", "tool", "transaction", "websocket", "execution", "trace", "metric",
    "thread",
})


def ensure_thread_id(value: object) -> str:
    """``value`` if it is a thread ID, else ``ValueError``."""
    if not isinstance(value, str) or not value:
        raise ValueError(f"not a thread ID: {value!r}")
    if id_type_word(value) != "thread":
        raise ValueError(f"not a thread ID (type word {id_type_word(value)!r}): {value!r}")
    return value
