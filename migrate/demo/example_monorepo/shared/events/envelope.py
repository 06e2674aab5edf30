"""The envelope every cross-service event travels in."""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from typing import Any, Dict

from shared.id_generation import UnifiedIdGenerator


@dataclass(frozen=True)
class EventEnvelope:
    event_type: str
    payload: Dict[str, Any]
    source: str
    event_id: str = field(default_factory=UnifiedIdGenerator.generate_base_id)  # expect: format
    emitted_at: float = field(default_factory=time.time)

    def to_dict(self) -> Dict[str, Any]:
        return asdict(self)


def wrap(event_type: str, payload: Dict[str, Any], source: str) -> EventEnvelope:
    event_id = UnifiedIdGenerator.generate_base_id("event")  # expect: format
    return EventEnvelope(event_type=event_type, payload=dict(payload), source=source, event_id=event_id)
