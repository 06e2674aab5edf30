"""Base class of all backend agents: IDs, step bookkeeping, tool calls."""

from __future__ import annotations

from typing import Any, Dict, List

from shared.id_generation import UnifiedIdGenerator


class BaseAgent:
    agent_type = "base"

    def __init__(self, user_id: str) -> None:
        self.user_id = user_id
        self.agent_id = UnifiedIdGenerator.generate_agent_execution_id(self.agent_type, user_id)  # expect: format
        self.thread_id, self.run_id, self.request_id = UnifiedIdGenerator.generate_user_context_ids(user_id, self.agent_type)  # expect: format
        self.instance_key = UnifiedIdGenerator.generate_base_id("agent", include_random=False)  # expect: exact
        self.steps: List[Dict[str, Any]] = []

    def new_step_id(self) -> str:
        return UnifiedIdGenerator.generate_base_id("exec")  # expect: format

    def record_step(self, name: str, output: Any = None) -> Dict[str, Any]:
        step = {"step_id": self.new_step_id(), "name": name, "output": output}
        self.steps.append(step)
        return step

    def tool_call_id(self, tool_name: str) -> str:
        return UnifiedIdGenerator.generate_tool_execution_id(tool_name, self.agent_id)  # expect: format

    def describe(self) -> Dict[str, str]:
        return {
            "agent_id": self.agent_id,
            "thread_id": self.thread_id,
            "run_id": self.run_id,
            "request_id": self.request_id,
        }


class TriageAgent(BaseAgent):
    agent_type = "triage"

    def triage(self, text: str) -> Dict[str, Any]:
        category = "billing" if "invoice" in text.lower() else "general"
        return self.record_step("triage", {"category": category})
