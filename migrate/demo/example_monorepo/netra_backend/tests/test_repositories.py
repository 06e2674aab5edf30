from netra_backend.app.db.repositories.message_repository import MessageRepository
from netra_backend.app.db.repositories.run_repository import RunRepository

LEGACY_MESSAGE_ID = "msg_1700000000000_3_abcdef12"


def test_insert_and_get():
    repo = MessageRepository()
    row = repo.insert("thread-1", "user", "hello")
    assert row["message_id"]
    assert repo.get(row["message_id"]) == row
    assert repo.get("") is None
    assert repo.get("not an id") is None
    assert repo.for_thread("thread-1") == [row]


def test_insert_with_source_prefix():
    repo = MessageRepository()
    row = repo.insert_with_prefix("slack", "thread-2", "imported")
    assert row["message_id"] and row["text"] == "imported"


def test_transactions_are_unique():
    repo = MessageRepository()
    assert repo.begin_transaction() != repo.begin_transaction()


def test_legacy_message_ids_are_understood():
    repo = MessageRepository()
    assert repo.is_message_id(LEGACY_MESSAGE_ID)
    assert not repo.is_message_id("job_1700000000000_3_abcdef12")
    assert repo.created_at_ms(LEGACY_MESSAGE_ID) == 1700000000000
    assert repo.created_at_ms("nonsense") is None


def test_runs():
    repo = RunRepository()
    first = repo.create("thread-9")
    second = repo.create("thread-9", kind="batch")
    assert first["execution_id"] != second["execution_id"]
    assert repo.list_for_thread("thread-9") == [first, second]
    assert repo.external_ref("batch") != repo.external_ref("scheduled")
    assert repo.sequence_key()
