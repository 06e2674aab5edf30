"""Hand-rolled IDs that leave the process (they stay UUIDs), stay inside it, or carry a type.
Test IDs carry ``# expect[test-ids]`` markers."""

import uuid

from netra_backend.app.core.unified_id_manager import is_valid_id_format
from netra_backend.app.db.models import AgentEventRow, synthetic_event
from netra_backend.app.middleware.errors import ERROR_LOG, ErrorContext, error_body
from netra_backend.app.routes.exports import announce, router
from netra_backend.app.services.billing.gateway_client import GatewayClient
from netra_backend.app.services.file_store import ShardedFileStore
from netra_backend.app.services.notifications import Notifier
from netra_backend.app.services.run_scheduler import RunScheduler
from netra_backend.app.services.user_directory import UserDirectory
from netra_backend.app.websocket.payloads import event_payload
from shared.infra import HttpClient, MessageBus, PaymentGateway


def test_synthetic_events_are_saved():
    row = synthetic_event("gap", "run-1")
    other = AgentEventRow(kind="tick", run_id="run-1").save()
    assert row.run_id == "run-1" and row.event_id != other.event_id
    assert row.source_ref != other.source_ref


def test_files_spread_over_shards(tmp_path):
    store = ShardedFileStore(str(tmp_path))
    ids = [store.save(b"x%d" % n) for n in range(24)]
    assert len(set(ids)) == 24 and store.load(ids[0]) == b"x0"
    assert len(store.shards()) > 1


def test_notifications_and_digests():
    bus = MessageBus()
    notifier = Notifier(bus)
    first = notifier.notify("user-1", "hello")
    assert bus.topics["notifications"][0]["message_id"] == first
    assert notifier.queue_digest("user-1") != notifier.queue_digest("user-1")
    assert len(notifier.pending()) == 2


def test_charges_go_through_the_gateway():
    result = GatewayClient(PaymentGateway()).charge(1200)
    assert result["status"] == "captured" and result["transaction_id"]


def test_runs_are_scheduled_on_threads():
    thread_id = f"thread_{uuid.uuid4().hex[:8]}"  # expect[test-ids]: format
    run_id = str(uuid.uuid4())[:8]  # expect[test-ids]: format
    scheduler = RunScheduler()
    run = scheduler.schedule(thread_id, "triage")
    warm = scheduler.warmup("triage")
    assert run["thread_id"] == thread_id and run["run_id"] not in (run_id, warm["run_id"])


def test_directory_members():
    directory = UserDirectory()
    user_id = uuid.uuid4().hex  # expect[test-ids]: manual
    email = f"{user_id[:8]}@example.com"
    member = directory.add(email)
    guest = directory.invite_guest()
    assert member != guest and directory.members[member]["email"] == email
    assert len(set(directory.audit_refs())) == 2


def test_exports_and_webhooks():
    response = router.call("POST", "/exports", {"user_id": "user-1"})
    assert response["status"] == "queued"
    client = HttpClient()
    assert announce(client, "https://hooks.example.com/exports", response["export_id"])["status"] == 202
    assert client.post("https://hooks.example.com/ping", json={"ping_id": str(uuid.uuid4())})  # expect[test-ids]: manual


def test_errors_and_payloads():
    body = error_body(ValueError("bad"), ErrorContext("/threads"))
    assert body["ref"] and ERROR_LOG[-1]["ref"] == body["ref"]
    payload = event_payload("agent_started", {"step": 1})
    assert payload["correlation_id"] != event_payload("agent_started", {})["correlation_id"]


def test_orders_get_ids():
    order_id = uuid.uuid4().hex[:8]  # expect[test-ids]: format
    assert order_id and not is_valid_id_format("no-underscore")
