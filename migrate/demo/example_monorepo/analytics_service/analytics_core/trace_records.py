"""Trace records loaded into the analytics warehouse. ``TraceRecord`` reads like the Pydantic
model of the real service: its ``trace_id`` field is a ``UUID`` (a string is coerced, anything
else rejected)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Dict
from uuid import UUID


@dataclass
class TraceRecord:
    trace_id: UUID
    span_name: str
    record_id: str = field(default_factory=lambda: f"rec_{uuid.uuid4().hex[:8]}")  # expect[adhoc-ids]: format

    def __post_init__(self) -> None:
        self.trace_id = UUID(str(self.trace_id))


def validate_raw(record: Dict[str, str]) -> Dict[str, str]:
    """The warehouse loader's check on raw rows."""
    uuid.UUID(record["trace_id"])
    return record


def new_trace(span_name: str) -> TraceRecord:
    return TraceRecord(trace_id=str(uuid.uuid4()), span_name=span_name)  # expect[adhoc-ids]: manual


def raw_row(span_name: str) -> Dict[str, str]:
    return validate_raw({"trace_id": str(uuid.uuid4()), "span": span_name})  # expect[adhoc-ids]: manual
