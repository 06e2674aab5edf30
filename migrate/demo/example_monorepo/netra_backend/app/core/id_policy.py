"""ID policy of the backend.

New code mints IDs with the manager in ``unified_id_manager``. Older modules
still call ``UnifiedIdGenerator`` from ``shared.id_generation``; they are being
migrated service by service and must not be copied.
"""

from __future__ import annotations

# Prefixes reserved by the old UnifiedIdGenerator call sites; keep them out of new IDs.
RESERVED_PREFIXES = frozenset({"req", "ws", "exec", "txn", "uid", "sess", "conn"})

MAX_ID_LENGTH = 128


def is_acceptable_prefix(prefix: str) -> bool:
    return bool(prefix) and prefix not in RESERVED_PREFIXES and prefix.replace("_", "").isalnum()


def truncate_id(value: str) -> str:
    return value[:MAX_ID_LENGTH]
