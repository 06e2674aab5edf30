"""Tests of the hand-rolled ID code; their own uuid4 test IDs carry ``# expect[test-ids]`` markers."""

import re
import uuid

from netra_backend.app.services.alerting import AlertingService
from netra_backend.app.services.billing.ledger import Ledger, new_transaction_id

HEX8 = re.compile(r"^[0-9a-f]{8}$")


def test_alerts_get_distinct_ids():
    service = AlertingService()
    first = service.raise_alert("high", "disk full")
    second = service.raise_alert("low", "cpu busy")
    assert first.alert_id != second.alert_id
    assert first.correlation_id and first.correlation_id != second.correlation_id
    assert service.instance_id and len(service.open_alerts()) == 2


def test_alert_keeps_a_given_correlation_id():
    correlation_id = f"corr_{uuid.uuid4().hex[:8]}"  # expect[test-ids]: format
    alert = AlertingService().raise_alert("high", "x", correlation_id=correlation_id)
    assert alert.correlation_id == correlation_id


def test_custom_generators_keep_working():
    service = AlertingService()
    assert service.escalation_ref() != service.escalation_ref()
    assert service.snooze_handle() != service.snooze_handle()
    assert new_transaction_id() != new_transaction_id()


def test_ledger_posts_entries():
    ledger = Ledger()
    reference = uuid.uuid4().hex[:8]  # expect[test-ids]: format
    entry = ledger.post(1200, reference=reference)
    other = ledger.post(300)
    assert entry["reference"] == reference
    assert other["reference"] != entry["reference"]
    assert entry["transaction_id"] != other["transaction_id"]
    assert ledger.balance() == 1500


def test_entries_for_a_user():
    user_id = str(uuid.uuid4())[:8]  # expect[test-ids]: format
    ledger = Ledger()
    entry = ledger.post(5, reference=f"user_{user_id}")
    assert user_id in entry["reference"]


def test_short_hex_ids_have_their_shape():
    short_id = uuid.uuid4().hex[:8]  # expect[test-ids]: manual
    assert HEX8.match(short_id)
    assert len(short_id) == 8


def test_tokens_are_not_ids():
    session_token = uuid.uuid4().hex
    assert uuid.UUID(session_token).hex == session_token
