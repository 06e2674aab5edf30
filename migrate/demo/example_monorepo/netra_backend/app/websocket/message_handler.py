"""Turns inbound websocket frames into backend requests."""

from __future__ import annotations

from typing import Any, Dict

from shared.id_generation import UnifiedIdGenerator as IdGen


class MessageValidationError(ValueError):
    pass


class MessageHandler:
    def __init__(self) -> None:
        self.processed: Dict[str, Dict[str, Any]] = {}

    def handle(self, user_id: str, frame: Dict[str, Any]) -> Dict[str, Any]:
        if "type" not in frame:
            return self.error_reply(user_id, "missing message type")
        message_id = IdGen.generate_base_id("msg")  # expect: format
        request_id = IdGen.generate_base_id("request")  # expect: exact
        correlation_id = IdGen.generate_base_id("ws_req")  # expect: format
        record = {
            "message_id": message_id,
            "request_id": request_id,
            "correlation_id": correlation_id,
            "type": frame["type"],
            "payload": frame.get("payload", {}),
        }
        self.processed[message_id] = record
        return record

    def error_reply(self, user_id: str, reason: str) -> Dict[str, Any]:
        return {
            "type": "error",
            "error_id": IdGen.generate_base_id("error"),  # expect: format
            "reason": reason,
        }
