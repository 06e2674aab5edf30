"""Per-request context: thread, run and request IDs for one user operation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict

from shared.id_generation.unified_id_generator import UnifiedIdGenerator


@dataclass
class RequestContext:
    user_id: str
    thread_id: str
    run_id: str
    request_id: str


def new_context(user_id: str, operation: str = "chat") -> RequestContext:
    thread_id, run_id, request_id = UnifiedIdGenerator.generate_user_context_ids(user_id, operation)  # expect: format
    return RequestContext(user_id, thread_id, run_id, request_id)


def resume_context(user_id: str, thread_id: str) -> RequestContext:
    run_id = UnifiedIdGenerator.generate_base_id("run")  # expect: format
    request_id = UnifiedIdGenerator.generate_id("request")  # expect: exact
    return RequestContext(user_id, thread_id, run_id, request_id)


def from_legacy(payload: Dict[str, Any]) -> Dict[str, Any]:
    return UnifiedIdGenerator.translate_legacy_context_ids(payload)  # expect: manual


def describe(id_value: str) -> Dict[str, Any]:
    return UnifiedIdGenerator.extract_pattern_info(id_value)  # expect: manual


def stamp(gen: UnifiedIdGenerator, user_id: str) -> Dict[str, str]:  # expect: manual
    """IDs for a new agent session, from the generator the caller injects."""
    return {
        "session_id": gen.generate_session_id(user_id),  # expect: format
        "agent_id": gen.generate_agent_execution_id("triage", user_id),  # expect: format
    }
