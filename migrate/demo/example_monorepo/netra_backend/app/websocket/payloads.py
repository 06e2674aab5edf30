"""Payloads pushed to websocket clients."""

from __future__ import annotations

import uuid
from typing import Any, Dict


def event_payload(event_type: str, data: Dict[str, Any]) -> Dict[str, Any]:
    correlation_id = str(uuid.uuid4())  # expect[adhoc-ids]: manual
    return {"type": event_type, "data": data, "correlation_id": correlation_id}
