# idmigrate snapshot: test_about_formats (unchanged)
# findings:
#   6:19 IDM222 manual [test-ids] uuid4() in an ID-format test
#       why: a test about ID formats or legacy UUIDs: keep the raw UUID: TestCompliance is about compliance
#       ->   keep uuid.uuid4()
#   11:17 IDM222 manual [test-ids] uuid4() in an ID-format test
#       why: a test about ID formats or legacy UUIDs: keep the raw UUID: test_migration_keeps_records() asserts a UUID's shape at L13
#       ->   keep uuid.uuid4()

# ------------------------------ before
import uuid


class TestCompliance:
    def test_ids(self, registry):
        item_id = str(uuid.uuid4())
        assert registry.accepts(item_id)


def test_migration_keeps_records(store):
    record_id = str(uuid.uuid4())
    store.remember(record_id)
    assert is_valid_uuid(store.first())

# ------------------------------ after
import uuid


class TestCompliance:
    def test_ids(self, registry):
        item_id = str(uuid.uuid4())
        assert registry.accepts(item_id)


def test_migration_keeps_records(store):
    record_id = str(uuid.uuid4())
    store.remember(record_id)
    assert is_valid_uuid(store.first())
