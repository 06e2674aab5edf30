"""Unified ID generation (the API being retired), as it looks a few releases later.

IDs look like ``{prefix}_{epoch_ms}_{counter}_{random_hex}``. Besides the original
members (kept short here), this version has a real ``generate_id(prefix)`` and helpers
that code written during the migration relies on: ID normalisation, pattern
extraction, matching IDs of one user for cleanup, and translating legacy context keys.
"""

from __future__ import annotations

import re
import secrets
import threading
import time
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Set, Tuple

_lock = threading.Lock()
_counter = 0

#: Context keys written by older callers, and their current names.
LEGACY_CONTEXT_KEYS = {"thread": "thread_id", "run": "run_id", "req_id": "request_id", "uid": "user_id"}

_TAIL = re.compile(r"_(\d{10,})_(\d+)(?:_([0-9a-f]+))?$")


def _next(count: int = 1) -> int:
    global _counter
    with _lock:
        first = _counter + 1
        _counter += count
    return first


def _base(prefix: str, include_random: bool = True) -> str:
    parts = [prefix, str(int(time.time() * 1000)), str(_next())]
    if include_random:
        parts.append(secrets.token_hex(4))
    return "_".join(parts)


def reset_global_counter() -> None:
    """Reset the process-wide counter (tests only)."""
    global _counter
    with _lock:
        _counter = 0


def generate_uuid_replacement() -> str:
    return _base("uid")


def create_user_execution_context_factory(user_id: str, operation: str = "execution") -> Dict[str, Any]:
    thread_id, run_id, request_id = UnifiedIdGenerator.generate_user_context_ids(user_id, operation)
    return {"user_id": user_id, "thread_id": thread_id, "run_id": run_id, "request_id": request_id}


@dataclass(frozen=True)
class IdComponents:
    prefix: str
    timestamp: int
    counter: int


class TestIdUtils:
    __test__ = False  # not a pytest test class

    @staticmethod
    def generate_test_ids(count: int, prefix: str = "test") -> List[str]:
        return [_base(prefix) for _ in range(count)]


class UnifiedIdGenerator:
    """Process-wide ID generator; static and class methods, also used through an instance."""

    _active_sessions: Dict[str, Dict[str, Any]] = {}
    _user_sessions: Dict[str, Set[str]] = {}

    @staticmethod
    def generate_base_id(prefix: str = "id", include_random: bool = True, random_length: int = 8) -> str:
        return _base(prefix, include_random)

    @staticmethod
    def generate_id(prefix: str) -> str:
        """A base ID with ``prefix``: the name callers kept guessing, now defined."""
        return _base(prefix)

    @classmethod
    def generate_batch_ids(cls, prefix: str, count: int) -> List[str]:
        return [_base(prefix) for _ in range(count)]

    @classmethod
    def generate_user_context_ids(cls, user_id: str, operation: str = "context") -> Tuple[str, str, str]:
        """``(thread_id, run_id, request_id)``; the run ID does not embed the thread ID."""
        first = _next(3)
        return (f"thread_{operation}_{first}_{secrets.token_hex(4)}",
                f"run_{operation}_{first + 1}_{secrets.token_hex(4)}",
                f"req_{operation}_{first + 2}_{secrets.token_hex(4)}")

    @staticmethod
    def generate_websocket_connection_id(user_id: str, connection_timestamp: Optional[float] = None) -> str:
        return _base(f"ws_conn_{user_id[:8]}")

    @staticmethod
    def generate_websocket_client_id(user_id: str, connection_timestamp: Optional[float] = None) -> str:
        return _base(f"ws_client_{user_id[:8]}")

    @classmethod
    def generate_agent_execution_id(cls, agent_type: str, user_id: str) -> str:
        return _base(f"agent_{agent_type}_{user_id[:8]}")

    @classmethod
    def generate_session_id(cls, user_id: str, session_type: str = "web") -> str:
        return _base(f"session_{session_type}_{user_id[:8]}")

    @classmethod
    def generate_tool_execution_id(cls, tool_name: str, agent_id: Optional[str] = None) -> str:
        return _base(f"tool_{tool_name}")

    @classmethod
    def generate_message_id(cls, message_type: str, user_id: str, thread_id: Optional[str] = None) -> str:
        return _base(f"msg_{message_type}_{user_id[:8]}")

    @classmethod
    def generate_error_context_id(cls, error_type: str, user_id: str) -> str:
        return _base(f"error_{error_type}_{user_id[:8]}")

    @staticmethod
    def parse_id(id_string: str) -> Optional[IdComponents]:
        info = UnifiedIdGenerator.extract_pattern_info(id_string)
        return IdComponents(info["prefix"], info["timestamp"], info["counter"]) if info["valid"] else None

    @staticmethod
    def get_id_age(id_string: str) -> int:
        info = UnifiedIdGenerator.extract_pattern_info(id_string)
        return int(time.time() * 1000) - info["timestamp"] if info["valid"] else -1

    @staticmethod
    def reset_global_counter() -> None:
        reset_global_counter()

    # The in-process session registry, unchanged and abridged: a session is a dict per user.

    @classmethod
    def get_or_create_user_session(cls, user_id: str, session_type: str = "web") -> Dict[str, Any]:
        session = cls.get_existing_session(user_id, session_type)
        if session is None:
            session = {"session_id": cls.generate_session_id(user_id, session_type), "session_type": session_type}
            cls._active_sessions[session["session_id"]] = session
            cls._user_sessions.setdefault(user_id, set()).add(session["session_id"])
        return session

    @classmethod
    def get_existing_session(cls, user_id: str, session_type: str = "web") -> Optional[Dict[str, Any]]:
        for session_id in sorted(cls._user_sessions.get(user_id, ())):
            if cls._active_sessions[session_id]["session_type"] == session_type:
                return cls._active_sessions[session_id]
        return None

    @classmethod
    def cleanup_expired_sessions(cls, max_age_seconds: float = 3600) -> int:
        return 0  # sessions carry no timestamps in this abridged registry

    @classmethod
    def get_active_sessions_count(cls) -> int:
        return len(cls._active_sessions)

    @classmethod
    def invalidate_user_sessions(cls, user_id: str) -> int:
        session_ids = cls._user_sessions.pop(user_id, set())
        for session_id in session_ids:
            cls._active_sessions.pop(session_id, None)
        return len(session_ids)

    @staticmethod
    def is_valid_id(id_string: str, expected_prefix: Optional[str] = None) -> bool:
        info = UnifiedIdGenerator.extract_pattern_info(id_string)
        if not info["valid"]:
            return False
        return expected_prefix is None or info["prefix"].startswith(expected_prefix)

    # ------------------------------------------------ added during the migration

    @staticmethod
    def normalize_id_format(id_value: str) -> str:
        """Lower-case, trimmed, ``-`` and spaces as ``_``: IDs typed by people compare equal."""
        return re.sub(r"[-\s]+", "_", id_value.strip().lower())

    @classmethod
    def extract_pattern_info(cls, id_value: str) -> Dict[str, Any]:
        """``{"valid", "prefix", "timestamp", "counter"}`` of an ID of this generator's format."""
        match = _TAIL.search(id_value or "")
        if match is None or match.start() == 0:
            return {"valid": False, "prefix": None, "timestamp": None, "counter": None}
        return {"valid": True, "prefix": id_value[:match.start()], "timestamp": int(match.group(1)),
                "counter": int(match.group(2))}

    @classmethod
    def ids_match_for_cleanup(cls, first: str, second: str) -> bool:
        """True when both IDs have the same leading text (role and user part): one user's resources."""
        a, b = cls.extract_pattern_info(first), cls.extract_pattern_info(second)
        return a["valid"] and b["valid"] and a["prefix"] == b["prefix"]

    @staticmethod
    def translate_legacy_context_ids(context: Dict[str, Any]) -> Dict[str, Any]:
        """A copy of ``context`` with legacy keys (``thread``, ``req_id``, ...) renamed."""
        return {LEGACY_CONTEXT_KEYS.get(key, key): value for key, value in context.items()}
