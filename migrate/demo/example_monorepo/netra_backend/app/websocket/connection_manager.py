"""Tracks live websocket connections per user and fans out events to them."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

from shared.id_generation import UnifiedIdGenerator


@dataclass
class Connection:
    connection_id: str
    client_id: str
    user_id: str
    opened_at: float
    sent: List[Dict[str, Any]] = field(default_factory=list)


class ConnectionManager:
    """In-memory registry of websocket connections."""

    def __init__(self) -> None:
        self.id_generator = UnifiedIdGenerator()  # expect: format
        self._connections: Dict[str, Connection] = {}
        self.manager_id = self.id_generator.generate_base_id("websocket")  # expect: exact

    def connect(self, user_id: str, opened_at: Optional[float] = None) -> Connection:
        connection_id = UnifiedIdGenerator.generate_websocket_connection_id(user_id)  # expect: format
        opened_at = time.time() if opened_at is None else opened_at
        client_id = UnifiedIdGenerator.generate_websocket_client_id(user_id)  # expect: format
        connection = Connection(connection_id, client_id, user_id, opened_at)
        self._connections[connection_id] = connection
        return connection

    def disconnect(self, connection_id: str) -> bool:
        return self._connections.pop(connection_id, None) is not None

    def connections_for(self, user_id: str) -> List[Connection]:
        return [c for c in self._connections.values() if c.user_id == user_id]

    def send_event(self, user_id: str, event_type: str, data: Dict[str, Any], thread_id: Optional[str] = None) -> int:
        """Send an event to every connection of the user; return how many got it."""
        message = {
            "id": UnifiedIdGenerator.generate_message_id("event", user_id, thread_id),  # expect: format
            "envelope_id": self.id_generator.generate_base_id("ws"),  # expect: format
            "type": event_type,
            "data": data,
        }
        targets = self.connections_for(user_id)
        for connection in targets:
            connection.sent.append(message)
        return len(targets)

    def _legacy_reconnect(self, user_id: str) -> str:
        # Old reconnect path; kept for the v1 protocol which nobody uses any more.
        return UnifiedIdGenerator.generate_connection_id(user_id)  # expect: manual
