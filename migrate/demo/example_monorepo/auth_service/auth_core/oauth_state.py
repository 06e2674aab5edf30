"""OAuth ``state`` and PKCE bookkeeping for third-party logins."""

from __future__ import annotations

from typing import Dict, Optional

from shared.id_generation.unified_id_generator import UnifiedIdGenerator

_pending: Dict[str, str] = {}


def begin(provider: str) -> str:
    state = UnifiedIdGenerator.generate_base_id("state", random_length=16)  # expect: manual
    _pending[state] = provider
    return state


def complete(state: str) -> Optional[str]:
    return _pending.pop(state, None)


def provider_callback_id(provider: str) -> str:
    return UnifiedIdGenerator.generate_base_id(f"oauth_{provider}")  # expect: format
