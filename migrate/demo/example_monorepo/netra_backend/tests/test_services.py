from netra_backend.app.services.billing.transaction_service import TransactionService
from netra_backend.app.services.export_service import export_messages
from netra_backend.app.services.metrics_collector import anonymous_sample_id, default_collector, record_metric
from netra_backend.app.services.request_context import (
    RequestContext,
    context_ids_for,
    create_request_context,
    execution_kwargs,
)
from netra_backend.app.services.thread_service import ThreadService
from netra_backend.app.services.user_session_service import UserSessionService
from netra_backend.app.services.execution_tracker import ExecutionTracker


def test_thread_lifecycle():
    service = ThreadService()
    thread = service.create_thread("user-1", "Budget")
    assert thread.thread_id and thread.messages[0]["message_id"]
    message = service.add_system_message(thread, "hello")
    assert message["message_id"] != thread.messages[0]["message_id"]
    fork = service.fork_thread(thread)
    assert fork.thread_id != thread.thread_id
    assert len(fork.messages) == 2
    assert set(service.threads) == {thread.thread_id, fork.thread_id}


def test_quick_thread_ids_are_unique():
    service = ThreadService()
    ids = {service.quick_thread_id("user-2") for _ in range(5)}
    assert len(ids) == 5 and all(isinstance(i, str) and i for i in ids)


def test_session_registry_round_trip():
    service = UserSessionService()
    user_id = "user-session-registry"
    service.logout(user_id)
    session = service.open_session(user_id)
    assert session["session_id"] and session["user_id"] == user_id
    assert service.open_session(user_id)["session_id"] == session["session_id"]
    assert service.current_session(user_id) is session
    stats = service.stats()
    assert stats["active"] >= 1 and session["session_id"] in stats["ids"]
    assert service.logout(user_id) == 1
    assert service.current_session(user_id) is None


def test_session_ids():
    service = UserSessionService()
    ids = [
        service.new_web_session_id("user-3"),
        service.anonymous_session_id(),
    ]
    assert len(set(ids)) == 2
    assert all(isinstance(i, str) and i for i in ids)


def test_request_context_defaults():
    first, second = RequestContext("user-4"), RequestContext("user-4")
    assert first.request_id and first.session_id
    assert first.request_id != second.request_id
    assert first.session_id != second.session_id


def test_create_request_context():
    ctx = create_request_context("user-5", "chat")
    assert len({ctx.thread_id, ctx.run_id, ctx.request_id}) == 3
    assert ctx.metadata == {"operation": "chat"}


def test_context_id_helpers():
    ids = context_ids_for("user-6")
    assert len(ids) == 3 and len(set(ids)) == 3
    kwargs = execution_kwargs("user-6")
    assert kwargs["user_id"] == "user-6"
    assert len({kwargs["thread_id"], kwargs["run_id"], kwargs["request_id"]}) == 3


def test_transactions():
    service = TransactionService()
    entry = service.charge("user-7", 1299)
    assert entry["txn_id"] and entry["transaction_id"]
    assert entry["txn_id"] != entry["transaction_id"]
    assert service.ledger == [entry]


def test_metrics():
    collector = default_collector()
    sample = collector.observe("latency_ms", 12.5)
    assert sample["sample_id"] and sample["value"] == 12.5
    assert record_metric("tokens", 42)["metric_id"]
    assert anonymous_sample_id() != anonymous_sample_id()


def test_export():
    document = export_messages("user-8", [{"role": "user", "text": "hi"}])
    assert document["export_id"] != document["trace_id"]
    assert document["messages"] == [{"role": "user", "text": "hi"}]


def test_execution_tracker_round_trip():
    tracker = ExecutionTracker()
    thread_id = tracker.open_thread()
    run_id = tracker.start_run(thread_id)
    assert tracker.thread_of(run_id) == thread_id
    assert tracker.runs(thread_id) == [run_id]
    assert tracker.thread_of("garbage") is None
