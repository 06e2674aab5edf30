"""Per-request execution context passed down to agents and tools."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, Tuple

from shared.id_generation import UnifiedIdGenerator, create_user_execution_context_factory


@dataclass
class RequestContext:
    user_id: str
    request_id: str = field(default_factory=lambda: UnifiedIdGenerator.generate_base_id("req"))  # expect: format
    session_id: str = field(default_factory=UnifiedIdGenerator.generate_base_id)  # expect: format
    thread_id: str = ""
    run_id: str = ""
    metadata: Dict[str, Any] = field(default_factory=dict)


def create_request_context(user_id: str, operation: str = "chat") -> RequestContext:
    thread_id, run_id, request_id = UnifiedIdGenerator.generate_user_context_ids(user_id, operation)  # expect: format
    return RequestContext(
        user_id=user_id,
        request_id=request_id,
        thread_id=thread_id,
        run_id=run_id,
        metadata={"operation": operation},
    )


def context_ids_for(user_id: str) -> Tuple[str, str, str]:
    ids = UnifiedIdGenerator.generate_user_context_ids(user_id, "ctx")  # expect: manual
    return ids


def execution_kwargs(user_id: str) -> Dict[str, Any]:
    """Keyword arguments for the agent executor's context object."""
    return create_user_execution_context_factory(user_id, "request")  # expect: manual
