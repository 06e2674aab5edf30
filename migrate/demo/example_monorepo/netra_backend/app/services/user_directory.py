"""Members of an organisation, with typed IDs."""

from __future__ import annotations

import uuid
from typing import Dict, List

from shared.id_types import OrgID, UserID, ensure_user_id


class UserDirectory:
    def __init__(self) -> None:
        self.members: Dict[str, Dict[str, str]] = {}
        self.org_id = OrgID(str(uuid.uuid4()))  # expect[adhoc-ids]: manual

    def add(self, email: str) -> UserID:
        user_id = ensure_user_id(str(uuid.uuid4()))  # expect[adhoc-ids]: format
        self.members[user_id] = {"email": email, "org_id": self.org_id}
        return user_id

    def invite_guest(self) -> UserID:
        guest = UserID(f"guest_{uuid.uuid4().hex[:8]}")  # expect[adhoc-ids]: format
        self.members[guest] = {"email": "", "org_id": self.org_id}
        return guest

    def audit_refs(self) -> List[str]:
        request_id = f"ws_req_{uuid.uuid4().hex[:8]}"  # expect[adhoc-ids]: format
        alert_id = f"user_alert_{uuid.uuid4().hex[:8]}"  # expect[adhoc-ids]: format
        return [request_id, alert_id]
