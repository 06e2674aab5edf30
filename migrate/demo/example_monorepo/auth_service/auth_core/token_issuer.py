"""Issues and checks access and refresh tokens (signing is out of scope here)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Dict, Optional

from shared.id_generation import UnifiedIdGenerator


@dataclass
class IssuedToken:
    jti: str
    subject: str
    token: str
    expires_at: float
    claims: Dict[str, str] = field(default_factory=dict)


class TokenIssuer:
    def __init__(self, ttl_seconds: int = 900) -> None:
        self.ttl_seconds = ttl_seconds
        self._revoked: set = set()

    def issue_access_token(self, subject: str) -> IssuedToken:
        jti = UnifiedIdGenerator.generate_base_id("jti")  # expect: manual
        opaque = UnifiedIdGenerator.generate_base_id("token", random_length=16)  # expect: manual
        return IssuedToken(jti=jti, subject=subject, token=opaque, expires_at=time.time() + self.ttl_seconds)

    def issue_service_token(self, service_name: str) -> IssuedToken:
        subject = UnifiedIdGenerator.generate_base_id("auth_user")  # expect: format
        token = self.issue_access_token(subject)
        token.claims["service"] = service_name
        return token

    def validate_jti(self, jti: str) -> bool:
        return UnifiedIdGenerator.is_valid_id(jti) and jti not in self._revoked  # expect: manual

    def revoke(self, jti: str) -> None:
        self._revoked.add(jti)

    def token_age_ms(self, jti: str) -> int:
        return UnifiedIdGenerator.get_id_age(jti)  # expect: manual


def new_user_id() -> str:
    """IDs for accounts created through the auth service's sign-up flow."""
    return UnifiedIdGenerator.generate_base_id("user")  # expect: exact


def lookup_subject(tokens: Dict[str, IssuedToken], jti: str) -> Optional[str]:
    token = tokens.get(jti)
    return None if token is None else token.subject
