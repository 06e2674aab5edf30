"""Notifications go out on the message bus; digests are batched in memory first."""

from __future__ import annotations

import uuid
from typing import List

from shared.infra import MessageBus


class Notifier:
    def __init__(self, bus: MessageBus) -> None:
        self._bus = bus
        self._pending: List[str] = []

    def notify(self, user_id: str, text: str) -> str:
        message_id = str(uuid.uuid4())  # expect[adhoc-ids]: manual
        self._bus.publish("notifications", {"message_id": message_id, "user_id": user_id, "text": text})
        return message_id

    def queue_digest(self, user_id: str) -> str:
        digest_id = f"digest_{uuid.uuid4().hex[:8]}"  # expect[adhoc-ids]: format
        self._pending.append(digest_id)
        return digest_id

    def pending(self) -> List[str]:
        return list(self._pending)
