# idmigrate snapshot: format_asserted (unchanged)
# findings:
#   8:13 IDM210 manual [test-ids] uuid4().hex[:8] (format asserted)
#       why: the test asserts on the identifier's format (len(), re.match(), uuid.UUID(), startswith, slicing, a uuid pattern): a manager ID would fail it
#       ->   get_id_manager().generate_id(IDType.EXECUTION)  # and fix the assertion
#   10:15 IDM210 manual [test-ids] uuid4().hex[:8] (format asserted)
#       why: the test asserts on the identifier's format (len(), re.match(), uuid.UUID(), startswith, slicing, a uuid pattern): a manager ID would fail it
#       ->   get_id_manager().generate_id(IDType.EXECUTION)  # and fix the assertion
#   12:14 IDM218 manual [test-ids] uuid4() -> UUID field (test)
#       why: must be a UUID: parsed -> uuid.UUID(...) at L13
#       ->   keep uuid.uuid4()
#   14:16 IDM210 manual [test-ids] uuid4().hex[:8] (format asserted)
#       why: the test asserts on the identifier's format (len(), re.match(), uuid.UUID(), startswith, slicing, a uuid pattern): a manager ID would fail it
#       ->   get_id_manager().generate_id(IDType.EXECUTION)  # and fix the assertion
#   16:16 IDM210 manual [test-ids] uuid4().hex[:8] (format asserted)
#       why: the test asserts on the identifier's format (len(), re.match(), uuid.UUID(), startswith, slicing, a uuid pattern): a manager ID would fail it
#       ->   get_id_manager().generate_id(IDType.EXECUTION)  # and fix the assertion
#   18:16 IDM210 manual [test-ids] uuid4().hex[:8] (format asserted)
#       why: the test asserts on the identifier's format (len(), re.match(), uuid.UUID(), startswith, slicing, a uuid pattern): a manager ID would fail it
#       ->   get_id_manager().generate_id(IDType.EXECUTION)  # and fix the assertion
#   19:16 IDM222 manual [test-ids] uuid4() in an ID-format test
#       why: a test about ID formats or legacy UUIDs: keep the raw UUID: the test file 'tests/unit/test_formats.py' is about formats
#       ->   keep uuid.uuid4()

# ------------------------------ before
import re
import uuid

UUID_PATTERN = re.compile(r"^[0-9a-f]{8}$")


def test_formats():
    short = uuid.uuid4().hex[:8]
    assert len(short) == 8
    matched = str(uuid.uuid4())[:8]
    assert re.match(r"^[0-9a-f]{8}$", matched)
    parsed = str(uuid.uuid4())
    assert uuid.UUID(parsed)
    prefixed = uuid.uuid4().hex
    assert prefixed.startswith("a") or True
    compared = uuid.uuid4().hex[:8]
    assert compared != UUID_PATTERN
    assert len(uuid.uuid4().hex[:8]) == 8
    order_id = uuid.uuid4().hex[:8]
    assert order_id

# ------------------------------ after
import re
import uuid

UUID_PATTERN = re.compile(r"^[0-9a-f]{8}$")


def test_formats():
    short = uuid.uuid4().hex[:8]
    assert len(short) == 8
    matched = str(uuid.uuid4())[:8]
    assert re.match(r"^[0-9a-f]{8}$", matched)
    parsed = str(uuid.uuid4())
    assert uuid.UUID(parsed)
    prefixed = uuid.uuid4().hex
    assert prefixed.startswith("a") or True
    compared = uuid.uuid4().hex[:8]
    assert compared != UUID_PATTERN
    assert len(uuid.uuid4().hex[:8]) == 8
    order_id = uuid.uuid4().hex[:8]
    assert order_id
