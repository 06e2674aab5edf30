"""Ingests product events into per-session buffers."""

from __future__ import annotations

from typing import Any, Dict, Iterable, List

from shared.id_generation import UnifiedIdGenerator


class EventIngestor:
    def __init__(self) -> None:
        self.buffer: List[Dict[str, Any]] = []
        self.ingest_trace_id = UnifiedIdGenerator.generate_base_id("trace")  # expect: exact

    def ingest(self, user_id: str, name: str, properties: Dict[str, Any]) -> Dict[str, Any]:
        event = {
            "event_id": UnifiedIdGenerator.generate_base_id("event"),  # expect: format
            "session_key": UnifiedIdGenerator.generate_base_id(f"session_{user_id}"),  # expect: format
            "name": name,
            "user_id": user_id,
            "properties": dict(properties),
        }
        self.buffer.append(event)
        return event

    def ingest_many(self, user_id: str, names: Iterable[str]) -> List[Dict[str, Any]]:
        names = list(names)
        ids = UnifiedIdGenerator.generate_batch_ids("event", len(names))  # expect: format
        events = [{"event_id": i, "name": n, "user_id": user_id} for i, n in zip(ids, names)]
        self.buffer.extend(events)
        return events

    def flush(self) -> List[Dict[str, Any]]:
        out, self.buffer = self.buffer, []
        return out
