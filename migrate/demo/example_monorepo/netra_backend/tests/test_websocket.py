from netra_backend.app.websocket.connection_manager import ConnectionManager
from netra_backend.app.websocket.message_handler import MessageHandler
from netra_backend.app.websocket.presence import PresenceTracker


def test_connect_assigns_distinct_ids():
    manager = ConnectionManager()
    first = manager.connect("user-alice")
    second = manager.connect("user-alice", opened_at=1700000000.5)
    ids = {first.connection_id, second.connection_id, first.client_id, second.client_id}
    assert len(ids) == 4
    assert all(isinstance(i, str) and i for i in ids)
    assert isinstance(manager.manager_id, str) and manager.manager_id


def test_send_event_reaches_every_connection():
    manager = ConnectionManager()
    a = manager.connect("user-bob")
    b = manager.connect("user-bob")
    assert manager.send_event("user-bob", "agent_started", {"step": 1}, thread_id="thread-xyz") == 2
    assert a.sent[0]["id"] and a.sent[0]["envelope_id"]
    assert a.sent[0]["id"] != a.sent[0]["envelope_id"]
    assert b.sent[0] is a.sent[0]
    assert manager.send_event("user-bob", "agent_done", {}) == 2
    assert a.sent[0]["id"] != a.sent[1]["id"]
    assert manager.disconnect(a.connection_id)
    assert not manager.disconnect(a.connection_id)


def test_message_handler_records_ids():
    handler = MessageHandler()
    record = handler.handle("user-carol", {"type": "chat", "payload": {"text": "hi"}})
    assert len({record["message_id"], record["request_id"], record["correlation_id"]}) == 3
    assert record["message_id"] in handler.processed


def test_message_handler_error_reply():
    reply = MessageHandler().handle("user-dave", {})
    assert reply["type"] == "error"
    assert isinstance(reply["error_id"], str) and reply["error_id"]


def test_presence_tracker_uses_manager_ids():
    tracker = PresenceTracker()
    presence_id = tracker.join("user-erin")
    assert tracker.is_online("user-erin")
    assert tracker.leave("user-erin", presence_id)
    assert not tracker.is_online("user-erin")
    assert not tracker.leave("user-erin", "not an id")
