"""Unified ID manager: the one place that mints and tracks IDs.

``UnifiedIDManager().generate_id(IDType.USER)`` returns
``[{prefix}_]{type}_{counter}_{uuid8}`` and registers the ID in the manager.
Thread IDs and run IDs have their own class methods so that a run ID always
embeds the thread it belongs to: ``extract_thread_id(generate_run_id(t)) == t``.

This module depends on the standard library only.
"""

from __future__ import annotations

import re
import threading
import time
import uuid
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Dict, Optional


class IDType(Enum):
    USER = "user"
    SESSION = "session"
    REQUEST = "request"
    AGENT = "agent"
    TOOL = "tool"
    TRANSACTION = "transaction"
    WEBSOCKET = "websocket"
    EXECUTION = "execution"
    TRACE = "trace"
    METRIC = "metric"
    THREAD = "thread"


@dataclass
class IDMetadata:
    id_value: str
    id_type: IDType
    created_at: float
    prefix: Optional[str] = None
    context: Dict[str, Any] = field(default_factory=dict)


_ID_CHARS = re.compile(r"^[A-Za-z0-9_-]+$")
_HEX8 = re.compile(r"^[0-9a-f]{8}$")
_TS5 = re.compile(r"^[0-9]{5}$")


def _ts5() -> str:
    return f"{int(time.time() * 1000) % 100000:05d}"


def _uuid8() -> str:
    return uuid.uuid4().hex[:8]


class UnifiedIDManager:
    """Generates IDs of every type and remembers the ones it handed out."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._counters: Dict[IDType, int] = {id_type: 0 for id_type in IDType}
        self._active_ids: Dict[str, IDMetadata] = {}

    # ------------------------------------------------------------ instance API

    def generate_id(
        self,
        id_type: IDType,
        prefix: Optional[str] = None,
        context: Optional[Dict[str, Any]] = None,
    ) -> str:
        if not isinstance(id_type, IDType):
            raise TypeError(f"id_type must be an IDType, not {type(id_type).__name__}")
        with self._lock:
            self._counters[id_type] += 1
            counter = self._counters[id_type]
            core = f"{id_type.value}_{counter}_{_uuid8()}"
            id_value = f"{prefix}_{core}" if prefix else core
            self._active_ids[id_value] = IDMetadata(
                id_value=id_value,
                id_type=id_type,
                created_at=time.time(),
                prefix=prefix,
                context=dict(context or {}),
            )
            return id_value

    def is_valid_id(self, id_value: str, id_type: Optional[IDType] = None) -> bool:
        """True if this manager generated ``id_value`` (of ``id_type``, if given) and still holds it."""
        with self._lock:
            metadata = self._active_ids.get(id_value)
        if metadata is None:
            return False
        return id_type is None or metadata.id_type is id_type

    def is_valid_id_format_compatible(self, id_value: str, id_type: Optional[IDType] = None) -> bool:
        """Lenient check: registered IDs, manager-format IDs, UUIDs and legacy IDs.

        With ``id_type``, the type's value must appear as one of the ``_`` words
        (UUIDs carry no type and are accepted for any type).
        """
        if not isinstance(id_value, str) or not id_value:
            return False
        if self.is_valid_id(id_value, id_type):
            return True
        try:
            uuid.UUID(id_value)
        except ValueError:
            pass
        else:
            return True
        if not is_valid_id_format(id_value):
            return False
        return id_type is None or id_type.value in id_value.split("_")

    def get_metadata(self, id_value: str) -> Optional[IDMetadata]:
        with self._lock:
            return self._active_ids.get(id_value)

    def release_id(self, id_value: str) -> bool:
        with self._lock:
            return self._active_ids.pop(id_value, None) is not None

    def active_count(self, id_type: Optional[IDType] = None) -> int:
        with self._lock:
            if id_type is None:
                return len(self._active_ids)
            return sum(1 for meta in self._active_ids.values() if meta.id_type is id_type)

    def reset_counters(self) -> None:
        with self._lock:
            for id_type in IDType:
                self._counters[id_type] = 0

    def clear_all(self) -> None:
        with self._lock:
            self._active_ids.clear()
            for id_type in IDType:
                self._counters[id_type] = 0

    # ----------------------------------------------------- thread and run IDs

    @classmethod
    def generate_thread_id(cls) -> str:
        """``session_{ts5}_{uuid8}``."""
        return f"session_{_ts5()}_{_uuid8()}"

    @classmethod
    def generate_run_id(cls, thread_id: str) -> str:
        """``run_{thread_id}_{ts5}_{uuid8}``: the run ID embeds its thread ID."""
        if not isinstance(thread_id, str) or not thread_id:
            raise ValueError("generate_run_id needs a non-empty thread_id")
        return f"run_{thread_id}_{_ts5()}_{_uuid8()}"

    @classmethod
    def extract_thread_id(cls, run_id: str) -> Optional[str]:
        """The thread ID inside a run ID, or ``None`` if ``run_id`` is not one.

        Strips the leading ``run_`` and the trailing ``_{ts5}_{uuid8}``, so
        thread IDs that contain underscores come back whole.
        """
        if not isinstance(run_id, str) or not run_id.startswith("run_"):
            return None
        parts = run_id[len("run_"):].rsplit("_", 2)
        if len(parts) != 3 or not parts[0]:
            return None
        return parts[0]

    @classmethod
    def validate_run_id(cls, run_id: str) -> bool:
        if not isinstance(run_id, str) or not run_id.startswith("run_"):
            return False
        parts = run_id[len("run_"):].rsplit("_", 2)
        return (
            len(parts) == 3
            and bool(parts[0])
            and bool(_TS5.match(parts[1]))
            and bool(_HEX8.match(parts[2]))
        )

    @classmethod
    def parse_run_id(cls, run_id: str) -> Dict[str, Any]:
        """``{"valid", "run_id", "thread_id", "timestamp", "uuid"}`` of a run ID."""
        if not cls.validate_run_id(run_id):
            return {"valid": False, "run_id": run_id, "thread_id": None, "timestamp": None, "uuid": None}
        thread_id, ts5, uuid8 = run_id[len("run_"):].rsplit("_", 2)
        return {"valid": True, "run_id": run_id, "thread_id": thread_id, "timestamp": ts5, "uuid": uuid8}


# ---------------------------------------------------------------- module API

_manager: Optional[UnifiedIDManager] = None
_manager_lock = threading.Lock()


def get_id_manager() -> UnifiedIDManager:
    """The process-wide manager."""
    global _manager
    if _manager is None:
        with _manager_lock:
            if _manager is None:
                _manager = UnifiedIDManager()
    return _manager


def generate_id(id_type: IDType, **kwargs: Any) -> str:
    return get_id_manager().generate_id(id_type, **kwargs)


def generate_user_id() -> str:
    return get_id_manager().generate_id(IDType.USER)


def generate_session_id() -> str:
    return get_id_manager().generate_id(IDType.SESSION)


def generate_request_id() -> str:
    return get_id_manager().generate_id(IDType.REQUEST)


def generate_agent_id() -> str:
    return get_id_manager().generate_id(IDType.AGENT)


def generate_websocket_id() -> str:
    return get_id_manager().generate_id(IDType.WEBSOCKET)


def generate_execution_id() -> str:
    return get_id_manager().generate_id(IDType.EXECUTION)


def generate_thread_id() -> str:
    return UnifiedIDManager.generate_thread_id()


def is_valid_id(id_value: str, id_type: Optional[IDType] = None) -> bool:
    return get_id_manager().is_valid_id(id_value, id_type)


def is_valid_id_format(id_value: str) -> bool:
    """Any non-empty ``[A-Za-z0-9_-]`` string with at least one ``_``.

    Both the manager's IDs and the retired generator's IDs pass.
    """
    return isinstance(id_value, str) and "_" in id_value and bool(_ID_CHARS.match(id_value))


__all__ = [
    "IDType",
    "IDMetadata",
    "UnifiedIDManager",
    "get_id_manager",
    "generate_id",
    "generate_user_id",
    "generate_session_id",
    "generate_request_id",
    "generate_agent_id",
    "generate_websocket_id",
    "generate_execution_id",
    "generate_thread_id",
    "is_valid_id",
    "is_valid_id_format",
]
