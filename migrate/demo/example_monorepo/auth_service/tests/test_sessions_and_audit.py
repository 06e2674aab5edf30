from unittest.mock import patch

from auth_service.auth_core import audit
from auth_service.auth_core.session_store import SessionStore
from shared.id_generation import UnifiedIdGenerator


def test_login_logout():
    store = SessionStore()
    session = store.login("user-1")
    other = store.login("user-1", device="cli")
    assert session["session_id"] != other["session_id"]
    assert session["csrf"] and session["csrf"] != session["session_id"]
    assert store.get(session["session_id"]) == session
    assert store.logout(session["session_id"])
    assert store.get(session["session_id"]) is None


def test_remember_device_and_logout_everywhere():
    store = SessionStore()
    first = store.login("user-auth-everywhere")
    store.login("user-auth-everywhere", device="ios")
    token = store.remember_device(first["session_id"])
    assert token and store.get(first["session_id"])["device_token"] == token
    assert store.remember_device(first["session_id"]) != token
    assert store.logout_everywhere("user-auth-everywhere") == 2


def test_audit_entries():
    ok = audit.record_login("user-2", success=True)
    failed = audit.record_failure("user-2", "bad password")
    assert ok["audit_id"] != failed["audit_id"]
    assert failed["error_id"]
    assert audit.AUDIT_LOG[-2:] == [ok, failed]


def test_generic_audit_events_use_the_generator():
    fixed = "password_reset_1700000000000_1_deadbeef"
    with patch.object(UnifiedIdGenerator, "generate_base_id", return_value=fixed) as fake:  # expect: manual
        entry = audit.record_event("password_reset", "user-3", ip="10.0.0.1")
    fake.assert_called_once_with("password_reset")
    assert entry["audit_id"] == fixed and entry["ip"] == "10.0.0.1"
