"""Sessions, locks, tokens and OAuth state: secrets stay uuid4. Test IDs carry ``# expect[test-ids]``."""

import uuid

from auth_service.auth_core.jwt_issuer import authorize_url, grant_code, issue_access_token
from auth_service.auth_core.redis_sessions import RedisSessionStore
from shared.infra import FakeRedis


def test_sessions_round_trip():
    store = RedisSessionStore(FakeRedis())
    user_id = f"user_{uuid.uuid4().hex[:8]}"  # expect[test-ids]: manual
    session_id = store.create(user_id)
    assert store.user_for(session_id) == user_id
    unknown_session_id = str(uuid.uuid4())  # expect[test-ids]: manual
    assert store.user_for(unknown_session_id) is None


def test_locks_are_exclusive():
    store = RedisSessionStore(FakeRedis())
    first = store.acquire("nightly-report")
    assert first and store.acquire("nightly-report") is None


def test_tokens_and_oauth():
    redis = FakeRedis()
    token = issue_access_token("user-1")
    assert '"jti"' in token and token != issue_access_token("user-1")
    url = authorize_url(redis, "web", "https://app.example.com/cb")
    state = url.rsplit("state=", 1)[1]
    assert redis.get(f"oauth_state:{state}") == "https://app.example.com/cb"
    assert redis.get(f"auth_code:{grant_code(redis, 'user-1')}") == "user-1"
