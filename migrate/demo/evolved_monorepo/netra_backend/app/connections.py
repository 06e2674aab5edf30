"""Websocket connections, written against the evolved generator and its newer helpers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional

from shared.id_generation import UnifiedIdGenerator


@dataclass
class Connection:
    connection_id: str
    client_id: str
    user_id: str
    sent: List[dict] = field(default_factory=list)


class ConnectionRegistry:
    """In-memory registry of one process's websocket connections."""

    def __init__(self) -> None:
        self._connections: Dict[str, Connection] = {}

    def open(self, user_id: str) -> Connection:
        connection_id = UnifiedIdGenerator.generate_websocket_connection_id(user_id)  # expect: manual
        client_id = UnifiedIdGenerator.generate_websocket_client_id(user_id)  # expect: format
        connection = Connection(connection_id, client_id, user_id)
        self._connections[connection_id] = connection
        return connection

    def close_all_like(self, pattern_id: str) -> int:
        """Close every connection of the user that ``pattern_id`` belongs to."""
        doomed = [
            cid for cid in self._connections
            if UnifiedIdGenerator.ids_match_for_cleanup(cid, pattern_id)  # expect: manual
        ]
        for cid in doomed:
            del self._connections[cid]
        return len(doomed)

    def find(self, typed_id: str) -> Optional[Connection]:
        return self._connections.get(UnifiedIdGenerator.normalize_id_format(typed_id))  # expect: manual

    def _reconnect_v1(self, user_id: str) -> str:
        # The v1 protocol path: never exercised since the mobile client moved to v2.
        return UnifiedIdGenerator.generate_connection_id(user_id)  # expect: format

    def _service_client(self, user_id: str, request_id: str) -> str:
        return UnifiedIdGenerator.generate_client_id(  # expect: manual
            service_type="websocket", user_id=user_id, request_id=request_id,
        )


def manager_load() -> int:
    """Live websocket IDs in the manager (this function imports the manager names itself)."""
    from netra_backend.app.core.unified_id_manager import IDType, get_id_manager

    return get_id_manager().active_count(IDType.WEBSOCKET)


def presence_token(user_id: str) -> str:
    """A token for the presence channel; it does not embed the user."""
    return UnifiedIdGenerator.generate_base_id("ws")  # expect: format
