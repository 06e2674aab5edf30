from auth_service.auth_core import oauth_state
from auth_service.auth_core.token_issuer import TokenIssuer, lookup_subject, new_user_id

LEGACY_JTI = "jti_1700000000000_12_0123abcd"


def test_access_tokens_are_unique():
    issuer = TokenIssuer()
    first = issuer.issue_access_token("user-1")
    second = issuer.issue_access_token("user-1")
    assert first.jti != second.jti and first.token != second.token
    assert first.jti != first.token
    assert first.expires_at > 0


def test_service_tokens():
    issuer = TokenIssuer()
    service = issuer.issue_service_token("billing")
    assert service.subject and service.claims == {"service": "billing"}
    assert service.subject != service.jti


def test_validate_and_revoke():
    issuer = TokenIssuer()
    token = issuer.issue_access_token("user-3")
    assert issuer.validate_jti(token.jti)
    issuer.revoke(token.jti)
    assert not issuer.validate_jti(token.jti)
    assert not issuer.validate_jti("")
    assert not issuer.validate_jti("not a jti")


def test_token_age_of_legacy_ids():
    issuer = TokenIssuer()
    assert issuer.token_age_ms(LEGACY_JTI) > 0
    assert issuer.token_age_ms("garbage") == -1


def test_user_ids_and_lookup():
    assert new_user_id() != new_user_id()
    issuer = TokenIssuer()
    token = issuer.issue_access_token("user-4")
    assert lookup_subject({token.jti: token}, token.jti) == "user-4"
    assert lookup_subject({}, token.jti) is None


def test_oauth_state_round_trip():
    state = oauth_state.begin("github")
    assert state and oauth_state.complete(state) == "github"
    assert oauth_state.complete(state) is None
    assert oauth_state.provider_callback_id("github") != oauth_state.provider_callback_id("github")
