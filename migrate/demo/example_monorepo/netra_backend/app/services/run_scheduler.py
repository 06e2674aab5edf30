"""Schedules agent runs on threads."""

from __future__ import annotations

import uuid
from typing import Dict, List


class RunScheduler:
    def __init__(self) -> None:
        self.runs: List[Dict[str, str]] = []

    def schedule(self, thread_id: str, agent: str) -> Dict[str, str]:
        run_id = f"run_{uuid.uuid4().hex[:8]}"  # expect[adhoc-ids]: format
        run = {"thread_id": thread_id, "run_id": run_id, "agent": agent}
        self.runs.append(run)
        return run

    def warmup(self, agent: str) -> Dict[str, str]:
        """A run outside any thread, to load the agent's model."""
        run_id = f"run_{uuid.uuid4().hex[:8]}"  # expect[adhoc-ids]: manual
        run = {"thread_id": "", "run_id": run_id, "agent": agent}
        self.runs.append(run)
        return run
