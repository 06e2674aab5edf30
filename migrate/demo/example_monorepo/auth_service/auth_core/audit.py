"""Audit trail of security-relevant events."""

from __future__ import annotations

import time
from typing import Any, Dict, List

from shared.id_generation import UnifiedIdGenerator

AUDIT_LOG: List[Dict[str, Any]] = []


def record_login(user_id: str, success: bool) -> Dict[str, Any]:
    entry = {
        "audit_id": UnifiedIdGenerator.generate_base_id("audit"),  # expect: format
        "event": "login",
        "user_id": user_id,
        "success": success,
        "at": time.time(),
    }
    AUDIT_LOG.append(entry)
    return entry


def record_failure(user_id: str, reason: str) -> Dict[str, Any]:
    entry = {
        "audit_id": UnifiedIdGenerator.generate_base_id("audit", include_random=False),  # expect: format
        "error_id": UnifiedIdGenerator.generate_error_context_id("auth", user_id),  # expect: format
        "event": "failure",
        "user_id": user_id,
        "reason": reason,
    }
    AUDIT_LOG.append(entry)
    return entry


def record_event(event_type: str, user_id: str, **details: Any) -> Dict[str, Any]:
    """Generic events use their type as the ID prefix so the log is greppable."""
    entry = {"audit_id": UnifiedIdGenerator.generate_base_id(event_type), "event": event_type, "user_id": user_id}  # expect: manual
    entry.update(details)
    AUDIT_LOG.append(entry)
    return entry
