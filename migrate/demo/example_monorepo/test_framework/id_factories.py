"""Factories for test IDs and user execution contexts."""

from __future__ import annotations

from typing import List

from shared.id_generation import (
    IdComponents,
    TestIdUtils,
    UnifiedIdGenerator,
    reset_global_counter,
)


class IdFactory:
    """IDs for test data; every call returns a fresh one."""

    def user_id(self) -> str:
        return UnifiedIdGenerator.generate_base_id("user_test")  # expect: format

    def member_id(self) -> str:
        return UnifiedIdGenerator.generate_base_id("user", True, 8)  # expect: exact

    def admin_id(self) -> str:
        return UnifiedIdGenerator.generate_base_id(prefix="user")  # expect: exact

    def websocket_thread_id(self) -> str:
        return UnifiedIdGenerator.generate_base_id("thread_ws")  # expect: format

    def connection_key(self) -> str:
        return UnifiedIdGenerator.generate_base_id("conn")  # expect: format

    def many_user_ids(self, count: int) -> List[str]:
        return [self.user_id() for _ in range(count)]

    def legacy_user_id(self) -> str:
        return TestIdUtils.generate_test_user_id("legacy")  # expect: manual

    def sample_components(self):
        return IdComponents(prefix="user", timestamp=1700000000000, counter=1, random_part="deadbeef")  # expect: manual


def reset_ids() -> None:
    """Restart the process-wide ID counter (call between independent scenarios)."""
    reset_global_counter()  # expect: format


def reset_ids_via_class() -> None:
    UnifiedIdGenerator.reset_global_counter()  # expect: format
