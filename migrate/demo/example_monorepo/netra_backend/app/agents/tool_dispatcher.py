"""Dispatches tool calls for agents and keeps a log of executions."""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional

from shared.id_generation import UnifiedIdGenerator

_id_gen = UnifiedIdGenerator()  # expect: format

ToolFn = Callable[..., Any]


def with_retries(fn: Callable[[], Any], attempts: int, key_factory: Callable[[], str]) -> Dict[str, Any]:
    """Call ``fn`` up to ``attempts`` times; each attempt gets a fresh key."""
    keys = []
    last_error: Optional[Exception] = None
    for _ in range(attempts):
        keys.append(key_factory())
        try:
            return {"result": fn(), "attempt_keys": keys}
        except RuntimeError as exc:  # transient tool failure
            last_error = exc
    return {"error": str(last_error), "attempt_keys": keys}


class ToolDispatcher:
    def __init__(self) -> None:
        self.tools: Dict[str, ToolFn] = {}
        self.log: List[Dict[str, Any]] = []
        self.dispatcher_id = _id_gen.generate_base_id("tool")  # expect: exact

    def register(self, name: str, fn: ToolFn) -> None:
        self.tools[name] = fn

    def dispatch(self, name: str, agent_id: Optional[str] = None, **kwargs: Any) -> Dict[str, Any]:
        execution_id = _id_gen.generate_base_id(f"tool_{name}")  # expect: format
        call_id = _id_gen.generate_base_id("tool_call")  # expect: format
        outcome = with_retries(lambda: self.tools[name](**kwargs), 2, lambda: UnifiedIdGenerator.generate_base_id("job"))  # expect: format
        entry = {"execution_id": execution_id, "call_id": call_id, "tool": name, "agent_id": agent_id, **outcome}
        self.log.append(entry)
        return entry

    def fan_out(self, name: str, count: int = 3) -> List[str]:
        job_ids = UnifiedIdGenerator.generate_batch_ids("job", 3)  # expect: format
        return job_ids[:count]
