"""Audit records of the auth service."""

from __future__ import annotations

import time
from typing import Dict, List

from shared.id_generation import UnifiedIdGenerator

AUDIT_LOG: List[Dict[str, object]] = []


def record(record_type: str, user_id: str, detail: str) -> Dict[str, object]:
    entry = {
        "id": UnifiedIdGenerator.generate_base_id("audit"),  # expect: format
        "type": record_type,
        "user_id": user_id,
        "detail": detail,
        "at": time.time(),
    }
    AUDIT_LOG.append(entry)
    return entry


def record_login_failure(user_id: str, reason: str) -> str:
    # Wired to the lockout policy, which is still behind a feature flag.
    return UnifiedIdGenerator.generate_audit_id(  # expect: manual
        record_type="login_failure", user_id=user_id, reason=reason,
    )
