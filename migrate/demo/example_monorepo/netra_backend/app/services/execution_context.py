"""Execution contexts of agent runs: which user, which thread, which run."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, Optional

from shared.id_generation import UnifiedIdGenerator


@dataclass
class ExecutionContext:
    user_id: str
    thread_id: str
    run_id: str = ""

    def __post_init__(self) -> None:
        if not self.run_id:
            self.run_id = UnifiedIdGenerator.generate_base_id("run")  # expect: format


def start_execution(user_id: str, thread_id: str, run_id: Optional[str] = None) -> ExecutionContext:
    run_id = run_id or UnifiedIdGenerator.generate_base_id("run")  # expect: format
    return ExecutionContext(user_id=user_id, thread_id=thread_id, run_id=run_id)


def context_for_request(request: Dict[str, Any], thread: str) -> ExecutionContext:
    return ExecutionContext(user_id=request["user_id"], thread_id=thread, run_id=request.get("run_id") or UnifiedIdGenerator.generate_base_id("run"))  # expect: format


def resume_run(user_id: str, thread_id: Optional[str] = None) -> str:
    # A resumed run may come without its thread (old clients): it still needs a run ID.
    return UnifiedIdGenerator.generate_base_id("run")  # expect: format


def connection_key(user_id: str) -> str:
    connection_id = UnifiedIdGenerator.generate_websocket_connection_id(user_id)  # expect: format
    if not connection_id.startswith("ws_conn_"):
        raise ValueError(connection_id)
    return connection_id
