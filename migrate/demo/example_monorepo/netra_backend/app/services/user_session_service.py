"""User sessions on top of the generator's in-process session registry."""

from __future__ import annotations

from typing import Any, Dict, Optional

from shared.id_generation import UnifiedIdGenerator


class UserSessionService:
    def __init__(self, ttl_seconds: float = 3600) -> None:
        self.ttl_seconds = ttl_seconds

    def open_session(self, user_id: str) -> Dict[str, Any]:
        return UnifiedIdGenerator.get_or_create_user_session(user_id)  # expect: manual

    def current_session(self, user_id: str) -> Optional[Dict[str, Any]]:
        return UnifiedIdGenerator.get_existing_session(user_id)  # expect: manual

    def logout(self, user_id: str) -> int:
        return UnifiedIdGenerator.invalidate_user_sessions(user_id)  # expect: manual

    def stats(self) -> Dict[str, Any]:
        ids = sorted(UnifiedIdGenerator._active_sessions)  # expect: manual
        return {"active": len(ids), "ids": ids}

    def new_web_session_id(self, user_id: str) -> str:
        return UnifiedIdGenerator.generate_session_id(user_id)  # expect: format

    def anonymous_session_id(self) -> str:
        return UnifiedIdGenerator.generate_base_id("session")  # expect: exact
