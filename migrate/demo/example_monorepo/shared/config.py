"""Environment-driven settings shared by all services."""

from __future__ import annotations

import os
from dataclasses import dataclass


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Settings:
    environment: str = "development"
    debug: bool = False
    session_ttl_seconds: int = 3600

    @classmethod
    def from_env(cls) -> "Settings":
        return cls(
            environment=os.environ.get("NETRA_ENV", "development"),
            debug=env_flag("NETRA_DEBUG"),
            session_ttl_seconds=int(os.environ.get("NETRA_SESSION_TTL", "3600")),
        )
