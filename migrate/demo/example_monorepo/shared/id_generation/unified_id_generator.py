"""Unified ID generation for all services (the API being retired).

IDs look like ``{prefix}_{epoch_ms}_{counter}[_{random_hex}]``. The counter is
process-wide and thread-safe, so two IDs generated in the same millisecond
still differ. Every member is a static or class method; the class is also
instantiated by callers that prefer an injected generator object.

The class keeps a small in-process registry of user sessions as well.
"""

from __future__ import annotations

import secrets
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional, Set, Tuple

_counter_lock = threading.Lock()
_global_counter = 0

DEFAULT_SESSION_TTL_SECONDS = 3600


def _now_ms() -> int:
    return int(time.time() * 1000)


def _next_counters(count: int = 1) -> int:
    """Reserve ``count`` consecutive counter values and return the first one."""
    global _global_counter
    with _counter_lock:
        first = _global_counter + 1
        _global_counter += count
    return first


def _random_hex(length: int) -> str:
    return secrets.token_hex((length + 1) // 2)[:length]


def _base_id(prefix: str = "id", include_random: bool = True, random_length: int = 8) -> str:
    counter = _next_counters()
    parts = [prefix, str(_now_ms()), str(counter)]
    if include_random:
        parts.append(_random_hex(random_length))
    return "_".join(parts)


def _context_ids(user_id: str, operation: str) -> Tuple[str, str, str]:
    first = _next_counters(3)
    thread_id = f"thread_{operation}_{first}_{_random_hex(8)}"
    run_id = f"run_{operation}_{first + 1}_{_random_hex(8)}"
    request_id = f"req_{operation}_{first + 2}_{_random_hex(8)}"
    return thread_id, run_id, request_id


def _reset_counter() -> None:
    global _global_counter
    with _counter_lock:
        _global_counter = 0


@dataclass(frozen=True)
class IdComponents:
    """The parts of an ID produced by ``generate_base_id``."""

    prefix: str
    timestamp: int
    counter: int
    random_part: Optional[str] = None

    @property
    def age_ms(self) -> int:
        return max(0, _now_ms() - self.timestamp)

    def to_id(self) -> str:
        parts = [self.prefix, str(self.timestamp), str(self.counter)]
        if self.random_part:
            parts.append(self.random_part)
        return "_".join(parts)


def _is_hex(text: str) -> bool:
    return bool(text) and all(ch in "0123456789abcdef" for ch in text)


def _is_timestamp(text: str) -> bool:
    return text.isdigit() and len(text) >= 10


def _parse(id_string: Any) -> Optional[IdComponents]:
    if not isinstance(id_string, str) or not id_string:
        return None
    parts = id_string.split("_")
    # With a random suffix: prefix..., ms, counter, hex
    if (
        len(parts) >= 4
        and _is_timestamp(parts[-3])
        and parts[-2].isdigit()
        and _is_hex(parts[-1])
        and all(parts[:-3])
    ):
        return IdComponents("_".join(parts[:-3]), int(parts[-3]), int(parts[-2]), parts[-1])
    # Without a random suffix: prefix..., ms, counter
    if len(parts) >= 3 and _is_timestamp(parts[-2]) and parts[-1].isdigit() and all(parts[:-2]):
        return IdComponents("_".join(parts[:-2]), int(parts[-2]), int(parts[-1]), None)
    return None


class UnifiedIdGenerator:
    """Process-wide ID generator with a user-session registry."""

    _session_lock = threading.RLock()
    _active_sessions: Dict[str, Dict[str, Any]] = {}
    _user_sessions: Dict[str, Set[str]] = {}

    # ---------------------------------------------------------------- base IDs

    @staticmethod
    def generate_base_id(prefix: str = "id", include_random: bool = True, random_length: int = 8) -> str:
        """Return ``{prefix}_{ms}_{counter}[_{hex}]``."""
        return _base_id(prefix, include_random, random_length)

    @classmethod
    def generate_batch_ids(cls, prefix: str, count: int, include_random: bool = True) -> List[str]:
        return [_base_id(prefix, include_random) for _ in range(count)]

    @classmethod
    def generate_user_context_ids(cls, user_id: str, operation: str = "context") -> Tuple[str, str, str]:
        """Return ``(thread_id, run_id, request_id)`` for one user operation.

        The run ID does not embed the thread ID.
        """
        return _context_ids(user_id, operation)

    # ------------------------------------------------------------- role IDs

    @staticmethod
    def generate_websocket_connection_id(user_id: str, connection_timestamp: Optional[float] = None) -> str:
        ms = int(connection_timestamp * 1000) if connection_timestamp is not None else _now_ms()
        return f"ws_conn_{user_id[:8]}_{ms}_{_next_counters()}_{_random_hex(8)}"

    @staticmethod
    def generate_websocket_client_id(user_id: str, connection_timestamp: Optional[float] = None) -> str:
        ms = int(connection_timestamp * 1000) if connection_timestamp is not None else _now_ms()
        return f"ws_client_{user_id[:8]}_{ms}_{_next_counters()}_{_random_hex(8)}"

    @classmethod
    def generate_agent_execution_id(cls, agent_type: str, user_id: str) -> str:
        return _base_id(f"agent_{agent_type}_{user_id[:8]}")

    @classmethod
    def generate_tool_execution_id(cls, tool_name: str, agent_id: Optional[str] = None) -> str:
        prefix = f"tool_{tool_name}"
        if agent_id:
            prefix = f"{prefix}_{agent_id[-8:]}"
        return _base_id(prefix)

    @classmethod
    def generate_message_id(cls, message_type: str, user_id: str, thread_id: Optional[str] = None) -> str:
        prefix = f"msg_{message_type}_{user_id[:8]}"
        if thread_id:
            prefix = f"{prefix}_{thread_id[-8:]}"
        return _base_id(prefix)

    @classmethod
    def generate_session_id(cls, user_id: str, session_type: str = "web") -> str:
        return _base_id(f"session_{session_type}_{user_id[:8]}")

    @classmethod
    def generate_error_context_id(cls, error_type: str, user_id: str) -> str:
        return _base_id(f"error_{error_type}_{user_id[:8]}")

    # ------------------------------------------------------ parsing/validation

    @staticmethod
    def parse_id(id_string: str) -> Optional[IdComponents]:
        """Split an ID of this generator's format; ``None`` if it is not one."""
        return _parse(id_string)

    @staticmethod
    def is_valid_id(id_string: str, expected_prefix: Optional[str] = None) -> bool:
        components = _parse(id_string)
        if components is None:
            return False
        if expected_prefix is None:
            return True
        return components.prefix == expected_prefix or components.prefix.startswith(expected_prefix + "_")

    @staticmethod
    def get_id_age(id_string: str) -> int:
        """Age of an ID in milliseconds, or -1 if it cannot be parsed."""
        components = _parse(id_string)
        return -1 if components is None else components.age_ms

    @staticmethod
    def reset_global_counter() -> None:
        """Reset the process-wide counter (tests only)."""
        _reset_counter()

    # -------------------------------------------------------- session registry

    @classmethod
    def get_or_create_user_session(
        cls,
        user_id: str,
        session_type: str = "web",
        thread_id: Optional[str] = None,
    ) -> Dict[str, Any]:
        """Return the user's live session of ``session_type``, creating one if needed."""
        with cls._session_lock:
            existing = cls.get_existing_session(user_id, session_type)
            if existing is not None:
                existing["last_activity"] = time.time()
                return existing
            session_id = cls.generate_session_id(user_id, session_type)
            if thread_id is None:
                thread_id, run_id, request_id = _context_ids(user_id, "session")
            else:
                _, run_id, request_id = _context_ids(user_id, "session")
            now = time.time()
            session = {
                "session_id": session_id,
                "user_id": user_id,
                "session_type": session_type,
                "thread_id": thread_id,
                "run_id": run_id,
                "request_id": request_id,
                "created_at": now,
                "last_activity": now,
            }
            cls._active_sessions[session_id] = session
            cls._user_sessions.setdefault(user_id, set()).add(session_id)
            return session

    @classmethod
    def get_existing_session(cls, user_id: str, session_type: str = "web") -> Optional[Dict[str, Any]]:
        with cls._session_lock:
            for session_id in sorted(cls._user_sessions.get(user_id, ())):
                session = cls._active_sessions.get(session_id)
                if session is not None and session["session_type"] == session_type:
                    return session
            return None

    @classmethod
    def cleanup_expired_sessions(cls, max_age_seconds: float = DEFAULT_SESSION_TTL_SECONDS) -> int:
        """Drop sessions idle for longer than ``max_age_seconds``; return how many."""
        cutoff = time.time() - max_age_seconds
        removed = 0
        with cls._session_lock:
            for session_id, session in list(cls._active_sessions.items()):
                if session["last_activity"] < cutoff:
                    cls._forget(session_id, session["user_id"])
                    removed += 1
        return removed

    @classmethod
    def get_active_sessions_count(cls) -> int:
        with cls._session_lock:
            return len(cls._active_sessions)

    @classmethod
    def invalidate_user_sessions(cls, user_id: str) -> int:
        with cls._session_lock:
            session_ids = list(cls._user_sessions.get(user_id, ()))
            for session_id in session_ids:
                cls._forget(session_id, user_id)
            return len(session_ids)

    @classmethod
    def _forget(cls, session_id: str, user_id: str) -> None:
        cls._active_sessions.pop(session_id, None)
        owned = cls._user_sessions.get(user_id)
        if owned is not None:
            owned.discard(session_id)
            if not owned:
                del cls._user_sessions[user_id]


# ------------------------------------------------------------- module helpers


def generate_uuid_replacement() -> str:
    """Drop-in for ``str(uuid.uuid4())`` call sites: a unique, sortable ID."""
    return _base_id("uuid", include_random=True, random_length=12)


def create_user_execution_context_factory(user_id: str, operation: str = "execution") -> Dict[str, Any]:
    """The keyword arguments for building a user execution context."""
    thread_id, run_id, request_id = _context_ids(user_id, operation)
    return {
        "user_id": user_id,
        "thread_id": thread_id,
        "run_id": run_id,
        "request_id": request_id,
        "operation": operation,
        "created_at": time.time(),
    }


def reset_global_counter() -> None:
    """Module-level alias of ``UnifiedIdGenerator.reset_global_counter``."""
    _reset_counter()


class TestIdUtils:
    """Helpers for tests that need IDs of the generator's format."""

    __test__ = False  # not a pytest test class

    @staticmethod
    def generate_test_user_id(label: str = "test") -> str:
        return _base_id(f"user_{label}")

    @staticmethod
    def generate_test_ids(count: int, prefix: str = "test") -> List[str]:
        return [_base_id(prefix) for _ in range(count)]

    @staticmethod
    def make_sequence(prefix: str) -> Callable[[], str]:
        """A zero-argument factory of IDs with ``prefix`` (for default_factory)."""
        return lambda: _base_id(prefix)

    @staticmethod
    def assert_valid(id_string: str, expected_prefix: Optional[str] = None) -> IdComponents:
        components = _parse(id_string)
        assert components is not None, f"not a generator ID: {id_string!r}"
        if expected_prefix is not None:
            assert components.prefix.split("_")[0] == expected_prefix, components
        return components
