"""Exports a thread as a JSON-ready document (imports lazily: rarely used)."""

from __future__ import annotations

from typing import Any, Dict, Iterable


def export_messages(user_id: str, messages: Iterable[Dict[str, Any]]) -> Dict[str, Any]:
    from shared.id_generation import UnifiedIdGenerator

    export_id = UnifiedIdGenerator.generate_base_id("export")  # expect: format
    trace_id = UnifiedIdGenerator.generate_base_id("trace")  # expect: exact
    return {
        "export_id": export_id,
        "trace_id": trace_id,
        "user_id": user_id,
        "messages": [dict(m) for m in messages],
    }
