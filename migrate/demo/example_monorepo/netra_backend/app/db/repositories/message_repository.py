"""Message persistence (an in-memory table stands in for the database)."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from shared.id_generation import UnifiedIdGenerator


class MessageRepository:
    def __init__(self) -> None:
        self.id_generator = UnifiedIdGenerator()  # expect: manual
        self._rows: Dict[str, Dict[str, Any]] = {}

    def insert(self, thread_id: str, role: str, text: str) -> Dict[str, Any]:
        row = {
            "message_id": self.id_generator.generate_base_id("msg"),  # expect: format
            "thread_id": thread_id,
            "role": role,
            "text": text,
        }
        self._rows[row["message_id"]] = row
        return row

    def insert_with_prefix(self, prefix: str, thread_id: str, text: str) -> Dict[str, Any]:
        """Rows imported from other systems keep their source system's prefix."""
        row = {"message_id": self.id_generator.generate_base_id(prefix), "thread_id": thread_id, "text": text}  # expect: manual
        self._rows[row["message_id"]] = row
        return row

    def begin_transaction(self) -> str:
        return self.id_generator.generate_base_id("transaction")  # expect: exact

    def get(self, message_id: str) -> Optional[Dict[str, Any]]:
        return self._rows.get(message_id)

    def for_thread(self, thread_id: str) -> List[Dict[str, Any]]:
        return [row for row in self._rows.values() if row["thread_id"] == thread_id]

    def is_message_id(self, value: str) -> bool:
        return UnifiedIdGenerator.is_valid_id(value, "msg")  # expect: manual

    def created_at_ms(self, message_id: str) -> Optional[int]:
        components = self.id_generator.parse_id(message_id)  # expect: manual
        return None if components is None else components.timestamp
