"""The error middleware: every failed request gets a reference its logs are filed under."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Dict, List, Optional


@dataclass
class ErrorContext:
    path: str
    trace_id: str = field(default_factory=lambda: str(uuid.uuid4()))  # expect[adhoc-ids]: manual


ERROR_LOG: List[Dict[str, str]] = []


def error_body(exc: Exception, context: ErrorContext, error_id: Optional[str] = None) -> Dict[str, str]:
    error_ref = error_id or f"err_{uuid.uuid4().hex[:12]}"  # expect[adhoc-ids]: manual
    ERROR_LOG.append({"ref": error_ref, "trace_id": context.trace_id, "path": context.path})
    return {"error": type(exc).__name__, "ref": error_ref}
