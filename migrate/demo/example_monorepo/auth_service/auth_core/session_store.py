"""Login sessions of the auth service."""

from __future__ import annotations

from typing import Any, Dict, Optional

from shared.id_generation import UnifiedIdGenerator


class SessionStore:
    def __init__(self) -> None:
        self._sessions: Dict[str, Dict[str, Any]] = {}

    def login(self, user_id: str, device: str = "web") -> Dict[str, Any]:
        session = {
            "session_id": UnifiedIdGenerator.generate_session_id(user_id, "auth"),  # expect: format
            "csrf": UnifiedIdGenerator.generate_base_id("sess"),  # expect: format
            "user_id": user_id,
            "device": device,
        }
        self._sessions[session["session_id"]] = session
        return session

    def get(self, session_id: str) -> Optional[Dict[str, Any]]:
        return self._sessions.get(session_id)

    def logout(self, session_id: str) -> bool:
        return self._sessions.pop(session_id, None) is not None

    def remember_device(self, session_id: str) -> str:
        """A long-lived token that skips the second factor on this device."""
        token = UnifiedIdGenerator.generate_base_id("device")  # expect: format
        self._sessions[session_id]["device_token"] = token
        return token

    def logout_everywhere(self, user_id: str) -> int:
        mine = [sid for sid, s in self._sessions.items() if s["user_id"] == user_id]
        for sid in mine:
            del self._sessions[sid]
        return len(mine)
