"""Backend settings."""

from __future__ import annotations

from dataclasses import dataclass

from shared.config import Settings


@dataclass(frozen=True)
class BackendSettings:
    base: Settings
    max_agents_per_run: int = 8
    websocket_heartbeat_seconds: int = 30


def load_settings() -> BackendSettings:
    return BackendSettings(base=Settings.from_env())
