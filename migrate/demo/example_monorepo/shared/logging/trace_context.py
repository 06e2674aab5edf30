"""Trace and span IDs carried through logs and outgoing calls."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, Optional

from shared.id_generation import UnifiedIdGenerator


@dataclass
class TraceContext:
    """A trace and the current span within it."""

    trace_id: str = field(default_factory=lambda: UnifiedIdGenerator.generate_base_id("trace"))  # expect: exact
    span_id: str = field(default_factory=lambda: UnifiedIdGenerator.generate_base_id("span", random_length=12))  # expect: manual
    parent_span_id: Optional[str] = None
    baggage: Dict[str, str] = field(default_factory=dict)

    def child_span(self) -> "TraceContext":
        span_id = UnifiedIdGenerator.generate_base_id("span")  # expect: format
        return TraceContext(
            trace_id=self.trace_id,
            span_id=span_id,
            parent_span_id=self.span_id,
            baggage=dict(self.baggage),
        )

    def to_headers(self) -> Dict[str, str]:
        headers = {"x-trace-id": self.trace_id, "x-span-id": self.span_id}
        if self.parent_span_id:
            headers["x-parent-span-id"] = self.parent_span_id
        return headers
