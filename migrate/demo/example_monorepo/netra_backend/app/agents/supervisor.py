"""Supervisor agent: opens runs and delegates work to sub-agents."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List

from shared.id_generation import UnifiedIdGenerator


@dataclass
class RunHandle:
    user_id: str
    thread_id: str
    run_id: str
    request_id: str = ""


class SupervisorAgent:
    def __init__(self) -> None:
        self.runs: Dict[str, RunHandle] = {}

    def start_run(self, user_id: str) -> RunHandle:
        thread_id = UnifiedIdGenerator.generate_base_id("thread")  # expect: exact
        run_id = UnifiedIdGenerator.generate_base_id("run")  # expect: format
        handle = RunHandle(user_id=user_id, thread_id=thread_id, run_id=run_id)
        self.runs[run_id] = handle
        return handle

    def start_supervised_run(self, user_id: str) -> RunHandle:
        thread_id, run_id, _ = UnifiedIdGenerator.generate_user_context_ids(user_id, operation="supervisor")  # expect: format
        handle = RunHandle(user_id=user_id, thread_id=thread_id, run_id=run_id)
        self.runs[run_id] = handle
        return handle

    def delegate(self, user_id: str, sub_agents: List[str]) -> List[RunHandle]:
        handles = []
        for agent_name in sub_agents:
            (thread_id, run_id, request_id) = UnifiedIdGenerator.generate_user_context_ids(
                user_id,
                f"delegate_{agent_name}",
            )  # expect: format
            handle = RunHandle(user_id, thread_id, run_id, request_id)
            self.runs[run_id] = handle
            handles.append(handle)
        return handles

    def new_execution_id(self) -> str:
        return UnifiedIdGenerator.generate_base_id("execution", random_length=12)  # expect: manual

    # -- pre-2024 entry points, still referenced by the v1 scheduler config ------

    def _resume_run_v1(self, thread_id: str) -> str:
        return UnifiedIdGenerator.generate_run_id(thread_id)  # expect: format

    def _orphan_run_v1(self) -> str:
        return UnifiedIdGenerator.generate_run_id()  # expect: manual

    def _user_run_v1(self, user_id: str) -> str:
        return UnifiedIdGenerator.generate_run_id(user_id, "supervisor")  # expect: manual

    def _execution_v1(self) -> str:
        return UnifiedIdGenerator.generate_execution_id()  # expect: format
