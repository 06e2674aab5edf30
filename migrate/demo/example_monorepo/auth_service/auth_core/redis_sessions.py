"""Login sessions and locks in Redis, shared by every auth-service process."""

from __future__ import annotations

import uuid
from typing import Optional

from shared.infra import FakeRedis


class RedisSessionStore:
    def __init__(self, redis: FakeRedis, ttl_seconds: int = 3600) -> None:
        self._redis = redis
        self.ttl_seconds = ttl_seconds

    def create(self, user_id: str) -> str:
        session_id = str(uuid.uuid4())  # expect[adhoc-ids]: manual
        self._redis.set(f"session:{session_id}", user_id, ex=self.ttl_seconds)
        return session_id

    def user_for(self, session_id: str) -> Optional[str]:
        return self._redis.get(f"session:{session_id}")

    def acquire(self, name: str) -> Optional[str]:
        lock_id = uuid.uuid4().hex  # expect[adhoc-ids]: manual
        return lock_id if self._redis.set(f"lock:{name}", lock_id, nx=True, ex=30) else None
