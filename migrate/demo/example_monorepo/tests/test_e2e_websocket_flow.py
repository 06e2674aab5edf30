"""End to end: websocket connect, inbound message, events back to the user."""

from netra_backend.app.websocket.connection_manager import ConnectionManager
from netra_backend.app.websocket.message_handler import MessageHandler
from shared.id_generation import UnifiedIdGenerator


def test_websocket_round_trip(user, ws_client):
    manager = ConnectionManager()
    connection = manager.connect(user.user_id)
    handler = MessageHandler()
    record = handler.handle(user.user_id, {"type": "chat"})
    delivered = manager.send_event(user.user_id, "ack", {"message_id": record["message_id"]}, user.thread_id)
    assert delivered == 1
    assert connection.sent[0]["data"]["message_id"] == record["message_id"]
    assert ws_client["connection_id"] != connection.connection_id


def test_client_side_ids(ids):
    thread_key = ids.websocket_thread_id()
    conn_key = ids.connection_key()
    session_key = UnifiedIdGenerator.generate_base_id("session")  # expect: exact
    assert len({thread_key, conn_key, session_key}) == 3


def test_many_clients_for_one_user():
    user_id = UnifiedIdGenerator.generate_base_id("uid")  # expect: format
    manager = ConnectionManager()
    connections = [manager.connect(user_id) for _ in range(3)]
    assert len({c.client_id for c in connections}) == 3
    assert len(manager.connections_for(user_id)) == 3
