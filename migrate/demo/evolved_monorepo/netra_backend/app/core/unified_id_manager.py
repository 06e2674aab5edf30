"""Unified ID manager, as it looks a few releases later.

``get_id_manager().generate_id(IDType.USER)`` returns ``[{prefix}_]{type}_{counter}_{uuid8}``
and registers the ID. Newer members take over what callers of the retired generator
need: websocket connection IDs that keep their user part, user context IDs whose run
ID embeds the thread ID, and releasing every ID of one user.
"""

from __future__ import annotations

import threading
import time
import uuid
from enum import Enum
from typing import Dict, Optional, Tuple


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


def _ts5() -> str:
    return f"{int(time.time() * 1000) % 100000:05d}"


class UnifiedIDManager:
    """Generates IDs of every type and remembers the ones it handed out."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._counters: Dict[IDType, int] = {id_type: 0 for id_type in IDType}
        self._active: Dict[str, Tuple[IDType, Optional[str]]] = {}

    def generate_id(self, id_type: IDType, prefix: Optional[str] = None, context: Optional[dict] = None) -> str:
        if not isinstance(id_type, IDType):
            raise TypeError(f"id_type must be an IDType, not {type(id_type).__name__}")
        with self._lock:
            self._counters[id_type] += 1
            core = f"{id_type.value}_{self._counters[id_type]}_{uuid.uuid4().hex[:8]}"
            value = f"{prefix}_{core}" if prefix else core
            self._active[value] = (id_type, (context or {}).get("user_id"))
            return value

    def is_valid_id(self, id_value: str, id_type: Optional[IDType] = None) -> bool:
        with self._lock:
            entry = self._active.get(id_value)
        return entry is not None and (id_type is None or entry[0] is id_type)

    def release_id(self, id_value: str) -> bool:
        with self._lock:
            return self._active.pop(id_value, None) is not None

    def active_count(self, id_type: Optional[IDType] = None) -> int:
        with self._lock:
            return sum(1 for kind, _ in self._active.values() if id_type is None or kind is id_type)

    def is_valid_id_format_compatible(self, id_value: str, id_type: Optional[IDType] = None) -> bool:
        """Registered IDs, and any ID-shaped text that names the type among its words."""
        if self.is_valid_id(id_value, id_type):
            return True
        return is_valid_id_format(id_value) and (id_type is None or id_type.value in id_value.split("_"))

    def get_metadata(self, id_value: str) -> Optional[Tuple[IDType, Optional[str]]]:
        with self._lock:
            return self._active.get(id_value)

    def reset_counters(self) -> None:
        with self._lock:
            self._counters = {id_type: 0 for id_type in IDType}

    def clear_all(self) -> None:
        with self._lock:
            self._active.clear()
            self._counters = {id_type: 0 for id_type in IDType}

    # ------------------------------------------------ added during the migration

    def generate_websocket_connection_id(self, user_id: str) -> str:
        """A WEBSOCKET ID that keeps the user part callers match on: ``ws_conn_{user[:8]}_websocket_...``."""
        return self.generate_id(IDType.WEBSOCKET, prefix=f"ws_conn_{user_id[:8]}", context={"user_id": user_id})

    def generate_user_context_ids_compatible(self, user_id: str, operation: str) -> Tuple[str, str, str]:
        """``(thread_id, run_id, request_id)`` like the generator's, but the run ID embeds the thread ID."""
        thread_id = self.generate_id(IDType.THREAD, context={"user_id": user_id})
        run_id = self.generate_run_id(thread_id)
        request_id = self.generate_id(IDType.REQUEST, prefix=operation, context={"user_id": user_id})
        return thread_id, run_id, request_id

    @staticmethod
    def generate_compatible_context_ids(user_id: str) -> Dict[str, str]:
        """The same three IDs as a dict, from the process-wide manager."""
        thread_id, run_id, request_id = get_id_manager().generate_user_context_ids_compatible(user_id, "context")
        return {"thread_id": thread_id, "run_id": run_id, "request_id": request_id}

    def cleanup_user_resources(self, user_id: str) -> int:
        """Release every ID generated for ``user_id``; return how many."""
        with self._lock:
            doomed = [value for value, (_, owner) in self._active.items() if owner == user_id]
            for value in doomed:
                del self._active[value]
        return len(doomed)

    # ------------------------------------------------------------ thread and run IDs

    @classmethod
    def generate_thread_id(cls) -> str:
        """``session_{ts5}_{uuid8}``: an unprefixed base; callers add ``thread_``."""
        return f"session_{_ts5()}_{uuid.uuid4().hex[:8]}"

    @classmethod
    def generate_run_id(cls, thread_id: Optional[str] = None) -> str:
        """``run_{thread_id}_{ts5}_{uuid8}``; without a thread ID, a new THREAD ID is made for it."""
        if thread_id is None:
            thread_id = get_id_manager().generate_id(IDType.THREAD)
        return f"run_{thread_id}_{_ts5()}_{uuid.uuid4().hex[:8]}"

    @classmethod
    def extract_thread_id(cls, run_id: str) -> Optional[str]:
        if not isinstance(run_id, str) or not run_id.startswith("run_"):
            return None
        parts = run_id[len("run_"):].rsplit("_", 2)
        return parts[0] if len(parts) == 3 and parts[0] else None

    @classmethod
    def validate_run_id(cls, run_id: str) -> bool:
        return cls.extract_thread_id(run_id) is not None

    @classmethod
    def parse_run_id(cls, run_id: str) -> Dict[str, Optional[str]]:
        return {"valid": str(cls.validate_run_id(run_id)), "thread_id": cls.extract_thread_id(run_id)}


_manager: Optional[UnifiedIDManager] = None
_manager_lock = threading.Lock()


def get_id_manager() -> UnifiedIDManager:
    """The process-wide manager."""
    global _manager
    with _manager_lock:
        if _manager is None:
            _manager = UnifiedIDManager()
    return _manager


def generate_id(id_type: IDType, **kwargs) -> str:
    return get_id_manager().generate_id(id_type, **kwargs)


def generate_thread_id() -> str:
    return get_id_manager().generate_id(IDType.THREAD)


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


def is_valid_id(id_value: str, id_type: Optional[IDType] = None) -> bool:
    return get_id_manager().is_valid_id(id_value, id_type)


def is_valid_id_format(id_value: str) -> bool:
    """Any non-empty ``[A-Za-z0-9_-]`` text with at least one ``_``."""
    return isinstance(id_value, str) and "_" in id_value and id_value.replace("_", "").replace("-", "").isalnum()
