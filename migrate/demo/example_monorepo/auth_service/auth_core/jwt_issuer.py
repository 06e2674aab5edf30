"""Signed access tokens and the OAuth authorization-code flow."""

from __future__ import annotations

import time
import uuid

from shared.infra import FakeRedis, sign_jwt


def issue_access_token(subject: str, ttl_seconds: int = 900) -> str:
    claims = {"sub": subject, "jti": str(uuid.uuid4()), "exp": int(time.time()) + ttl_seconds}  # expect[adhoc-ids]: manual
    return sign_jwt(claims)


def authorize_url(redis: FakeRedis, client_id: str, redirect_uri: str) -> str:
    state = uuid.uuid4().hex  # expect[adhoc-ids]: manual
    redis.set(f"oauth_state:{state}", redirect_uri, ex=600)
    return f"https://idp.example.com/authorize?client_id={client_id}&state={state}"


def grant_code(redis: FakeRedis, user_id: str) -> str:
    code = uuid.uuid4().hex  # expect[adhoc-ids]: manual
    redis.set(f"auth_code:{code}", user_id, ex=60)
    return code
