"""Agent run records."""

from __future__ import annotations

from typing import Any, Dict, List

import shared.id_generation.unified_id_generator as uig

_KIND_PREFIXES = {"batch": "batchrun", "scheduled": "cron", "interactive": "live"}


class RunRepository:
    def __init__(self) -> None:
        self._runs: Dict[str, Dict[str, Any]] = {}

    def _prefix_for(self, kind: str) -> str:
        return _KIND_PREFIXES.get(kind, "run")

    def create(self, thread_id: str, kind: str = "interactive") -> Dict[str, Any]:
        record = {
            "execution_id": uig.UnifiedIdGenerator.generate_base_id("execution"),  # expect: exact
            "thread_id": thread_id,
            "kind": kind,
            "status": "pending",
        }
        self._runs[record["execution_id"]] = record
        return record

    def external_ref(self, kind: str) -> str:
        """Reference handed to the scheduler, prefixed by the run kind."""
        return uig.UnifiedIdGenerator.generate_base_id(self._prefix_for(kind))  # expect: manual

    def sequence_key(self) -> str:
        return uig.UnifiedIdGenerator.generate_base_id("run", include_random=False)  # expect: format

    def list_for_thread(self, thread_id: str) -> List[Dict[str, Any]]:
        return [r for r in self._runs.values() if r["thread_id"] == thread_id]
