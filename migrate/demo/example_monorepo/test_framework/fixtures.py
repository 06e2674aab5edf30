"""Ready-made users, contexts and websocket clients for end-to-end tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict

from shared.id_generation import UnifiedIdGenerator


@dataclass
class UserFixture:
    user_id: str = field(default_factory=lambda: UnifiedIdGenerator.generate_base_id("user"))  # expect: exact
    thread_id: str = ""
    run_id: str = ""
    request_id: str = ""


def make_user_fixture(operation: str = "test") -> UserFixture:
    user = UserFixture()
    (user.thread_id, user.run_id, user.request_id) = UnifiedIdGenerator.generate_user_context_ids(user.user_id, operation)  # expect: format
    return user


def make_ws_client(user_id: str) -> Dict[str, Any]:
    connection_id = UnifiedIdGenerator.generate_websocket_connection_id(user_id, 1700000000.0)  # expect: format
    return {"user_id": user_id, "connection_id": connection_id, "inbox": []}
