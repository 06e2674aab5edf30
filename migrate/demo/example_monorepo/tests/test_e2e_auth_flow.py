"""End to end: sign-up, login, token checks and logout across services."""

from auth_service.auth_core.session_store import SessionStore
from auth_service.auth_core.token_issuer import TokenIssuer
from shared.events.envelope import EventEnvelope, wrap
from shared.id_generation import UnifiedIdGenerator
from shared.logging.trace_context import TraceContext


def test_signup_login_logout():
    user_id = UnifiedIdGenerator.generate_base_id("user")  # expect: exact
    store = SessionStore()
    session = store.login(user_id)
    issuer = TokenIssuer()
    token = issuer.issue_access_token(user_id)
    assert issuer.validate_jti(token.jti)
    assert store.logout(session["session_id"])


def test_cross_service_event_and_trace():
    trace = TraceContext()
    child = trace.child_span()
    assert trace.trace_id and trace.span_id
    assert child.trace_id == trace.trace_id and child.span_id != trace.span_id
    assert child.to_headers()["x-parent-span-id"] == trace.span_id
    event = wrap("user_signed_up", {"plan": "free"}, "auth_service")
    assert event.event_id and event.event_id != EventEnvelope("x", {}, "test").event_id


def test_api_tokens_are_unique():
    tokens = [UnifiedIdGenerator.generate_base_id("token") for _ in range(3)]  # expect: format
    assert len(set(tokens)) == 3
