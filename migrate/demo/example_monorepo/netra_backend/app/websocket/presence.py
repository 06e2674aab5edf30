"""User presence over websockets (already on the ID manager)."""

from __future__ import annotations

from typing import Dict, Set

from netra_backend.app.core.unified_id_manager import IDType, get_id_manager, is_valid_id_format


class PresenceTracker:
    def __init__(self) -> None:
        self._online: Dict[str, Set[str]] = {}

    def join(self, user_id: str) -> str:
        presence_id = get_id_manager().generate_id(IDType.WEBSOCKET, prefix="presence", context={"user_id": user_id})
        self._online.setdefault(user_id, set()).add(presence_id)
        return presence_id

    def leave(self, user_id: str, presence_id: str) -> bool:
        if not is_valid_id_format(presence_id):
            return False
        entries = self._online.get(user_id, set())
        if presence_id not in entries:
            return False
        entries.discard(presence_id)
        get_id_manager().release_id(presence_id)
        return True

    def is_online(self, user_id: str) -> bool:
        return bool(self._online.get(user_id))
