"""The opt-in ``test-ids`` recipe (MIGRATION.md describes it): its classic shapes, the configured
``test_id_helper``, and how the two uuid recipes split files between them."""

from __future__ import annotations


import pytest

from codemods.generator.rules import RuleSet
from codemods.uuid_ids.paths import is_test_path
from tests.codemods.uuid_ids.support import TEST, TESTS, assert_properties, render, run

# --------------------------------------------------------------------------- test-ids shapes
#: name -> (source, path, [(code, class)])
TEST_SHAPES: dict[str, tuple[str, str, list[tuple[str, str]]]] = {
    "hex_slices_by_name": ('''import uuid
from uuid import uuid4


def test_user_flow(service):
    user_id = uuid.uuid4().hex[:8]
    request_id = str(uuid.uuid4())[:8]
    x = uuid4().hex
    assert service.handle(user_id, request_id, x)
''', TEST, [("IDM201", "format")] * 3),
    "prefixed_identifiers": ('''import uuid


def test_threads(store):
    thread_id = f"test_thread_{uuid.uuid4().hex[:8]}"
    org = "org_" + uuid.uuid4().hex[:6]
    label_id = f"{store.name}_{uuid.uuid4().hex[:6]}"
    assert store.get(thread_id, org, label_id) is None
''', TEST, [("IDM202", "format")] * 3),
    "fixture_in_conftest": ('''import pytest
import uuid


@pytest.fixture
def request_id():
    return uuid.uuid4().hex[:8]


@pytest.fixture
def tenant():
    return {"tenant_id": str(uuid.uuid4())}
''', "tests/conftest.py", [("IDM201", "format"), ("IDM201", "format")]),
    "positional_and_inside_assert": ('''import uuid


def test_lookup_misses(store):
    store.remember(uuid.uuid4().hex[:8])
    assert store.get(uuid.uuid4().hex) is None
''', "test_store.py", [("IDM201", "format"), ("IDM201", "format")]),
    "format_asserted": ('''import re
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
''', "tests/unit/test_formats.py", [("IDM210", "manual")] * 2 + [("IDM218", "manual")] + [("IDM210", "manual")] * 3
    + [("IDM222", "manual")]),
    "unittest_assertions": ('''import unittest
import uuid


class SessionTest(unittest.TestCase):
    def setUp(self):
        self.thread_id = str(uuid.uuid4())[:8]
        self.other_id = str(uuid.uuid4())[:8]

    def test_shape(self):
        self.assertEqual(len(self.thread_id), 8)
        self.assertRegex(self.other_id, "^[0-9a-f]+$")

    def test_other(self):
        self.assertNotEqual(self.thread_id, self.other_id)
''', "service_test.py", [("IDM210", "manual"), ("IDM210", "manual")]),
    "manual_shapes": ('''import uuid


def test_odd(kind):
    a_id = f"u_{uuid.uuid4().hex[:4]}_{uuid.uuid4().hex[:4]}"
    b_id = kind + str(uuid.uuid4())
    request_uuid = str(uuid.uuid4())
    c_id = (  # fresh
        uuid.uuid4().hex[:8]
    )
    assert (a_id, b_id, request_uuid, c_id)
''', TEST, [("IDM211", "manual"), ("IDM212", "manual"), ("IDM213", "manual"), ("IDM214", "manual")]),
}

TEST_NOOPS: dict[str, tuple[str, str]] = {
    "not_a_test_file": ('''import uuid

user_id = uuid.uuid4().hex[:8]
''', "netra_backend/app/fixtures.py"),
    "tokens_objects_hashing_in_tests": ('''import hashlib
import uuid


def test_tokens(client):
    session_token = uuid.uuid4().hex
    csrf = str(uuid.uuid4())[:8]
    request_id = uuid.uuid4()
    digest = hashlib.sha256(uuid.uuid4().bytes).hexdigest()
    parsed = uuid.UUID(str(request_id))
    name = f"user_{uuid.uuid4().hex[:6]}"
    assert client.login(session_token, csrf, digest, parsed, name)
''', TEST),
}


@pytest.mark.parametrize("name", sorted(TEST_SHAPES))
def test_test_ids_snapshot(name, snapshot_py):
    source, path, _ = TEST_SHAPES[name]
    assert render(name, source, run(source, path=path, recipes=TESTS)) == snapshot_py


@pytest.mark.parametrize("name", sorted(TEST_SHAPES))
def test_test_ids_codes_and_classes(name):
    source, path, expected = TEST_SHAPES[name]
    result = run(source, path=path, recipes=TESTS)
    assert [(f.code, f.safety.label) for f in result.findings] == expected
    assert {f.recipe for f in result.findings} == {"test-ids"}
    assert (result.status == "changed") == any(c != "manual" for _, c in expected), result.reason


@pytest.mark.parametrize("name", sorted(TEST_SHAPES))
def test_test_ids_properties(name):
    source, path, _ = TEST_SHAPES[name]
    assert_properties(source, run(source, path=path, recipes=TESTS), path=path, recipes=TESTS)


@pytest.mark.parametrize("name", sorted(TEST_NOOPS))
def test_test_ids_noop(name):
    source, path = TEST_NOOPS[name]
    result = run(source, path=path, recipes=TESTS)
    assert result.status == "unchanged" and result.findings == []


def test_test_ids_types():
    text = run(TEST_SHAPES["hex_slices_by_name"][0], path=TEST, recipes=TESTS).new_source.decode()
    assert "user_id = get_id_manager().generate_id(IDType.USER)" in text
    assert "request_id = get_id_manager().generate_id(IDType.REQUEST)" in text
    assert "x = get_id_manager().generate_id(IDType.EXECUTION)" in text  # nothing names it: fallback
    assert "uuid" not in text.replace("unified_id_manager", "")  # both uuid imports lost their last use
    fixture = run(TEST_SHAPES["fixture_in_conftest"][0], path="tests/conftest.py", recipes=TESTS).new_source.decode()
    assert "return get_id_manager().generate_id(IDType.REQUEST)" in fixture


@pytest.mark.parametrize("path, expected", [
    ("tests/test_x.py", True), ("netra_backend/tests/helpers.py", True), ("test_x.py", True),
    ("pkg/x_test.py", True), ("pkg/conftest.py", True), ("pkg/testing.py", False),
    ("netra_backend/app/tests_util.py", False), ("test_framework/fixtures.py", True),
    ("shared/test_frameworks/x.py", False),
])
def test_test_file_detection(path, expected):
    assert is_test_path(path) is expected


HELPER = RuleSet().with_overrides(test_id_helper="test_framework.ids:new_test_id")


def test_configured_helper_is_called_and_imported(snapshot_py):
    source = TEST_SHAPES["hex_slices_by_name"][0]
    result = run(source, path=TEST, recipes=TESTS, rules=HELPER)
    assert render("helper", source, result) == snapshot_py
    text = result.new_source.decode()
    assert "from test_framework.ids import new_test_id" in text
    assert "user_id = new_test_id(IDType.USER)" in text
    assert {f.code for f in result.findings} == {"IDM203"}
    assert_properties(source, result, path=TEST, recipes=TESTS, rules=HELPER)


def test_helper_name_clash_is_manual():
    source = "import uuid\n\n\ndef new_test_id():\n    return 1\n\n\ndef test_a():\n    user_id = uuid.uuid4().hex[:8]\n"
    result = run(source, path=TEST, recipes=TESTS, rules=HELPER)
    assert result.status == "unchanged"
    assert [(f.code, f.safety.label) for f in result.findings] == [("IDM215", "manual")]


def test_helper_already_imported_is_reused():
    source = ("import uuid\n\nfrom test_framework.ids import new_test_id\n\n\n"
              "def test_a():\n    user_id = uuid.uuid4().hex[:8]\n    return new_test_id\n")
    result = run(source, path=TEST, recipes=TESTS, rules=HELPER)
    text = result.new_source.decode()
    assert text.count("import new_test_id") == 1 and "user_id = new_test_id(IDType.USER)" in text


def test_helper_module_itself_uses_the_manager():
    source = "import uuid\n\n\ndef test_id(*args, **kwargs):\n    user_id = uuid.uuid4().hex[:8]\n    return user_id\n"
    rules = RuleSet().with_overrides(test_id_helper="tests.helpers:test_id")
    text = run(source, path="tests/helpers.py", recipes=TESTS, rules=rules).new_source.decode()
    assert "get_id_manager().generate_id(IDType.USER)" in text and "from tests.helpers" not in text


def test_both_recipes_split_files_between_them():
    source = 'import uuid\n\ntransaction_id = f"txn_{uuid.uuid4().hex[:8]}"\n'
    both = ("adhoc-ids", "test-ids")
    assert {f.recipe for f in run(source, recipes=both).findings} == {"adhoc-ids"}
    assert {f.recipe for f in run(source, path=TEST, recipes=both).findings} == {"test-ids"}
    assert run(source, recipes=("generator",)).findings == []  # opt-in: the default recipe ignores uuid

