"""Tracks agent runs per thread (already on the ID manager)."""

from __future__ import annotations

from typing import Dict, List, Optional

from netra_backend.app.core.unified_id_manager import UnifiedIDManager


class ExecutionTracker:
    def __init__(self) -> None:
        self._runs_by_thread: Dict[str, List[str]] = {}

    def open_thread(self) -> str:
        thread_id = UnifiedIDManager.generate_thread_id()
        self._runs_by_thread[thread_id] = []
        return thread_id

    def start_run(self, thread_id: str) -> str:
        run_id = UnifiedIDManager.generate_run_id(thread_id)
        self._runs_by_thread.setdefault(thread_id, []).append(run_id)
        return run_id

    def thread_of(self, run_id: str) -> Optional[str]:
        if not UnifiedIDManager.validate_run_id(run_id):
            return None
        return UnifiedIDManager.extract_thread_id(run_id)

    def runs(self, thread_id: str) -> List[str]:
        return list(self._runs_by_thread.get(thread_id, []))
