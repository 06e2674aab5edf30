"""The uuid recipes' import fixes: dead function-local uuid imports go (comments stay), and the
manager (or test helper) import is placed after ``sys.path`` bootstraps, like the generator's."""

from __future__ import annotations

import pytest

from tests.codemods.uuid_ids.support import TEST, TESTS, assert_properties, render, run
from tests.codemods.uuid_ids.test_test_ids import HELPER

ADHOC = ("adhoc-ids",)
SCRIPT = "scripts/rebuild_ledger.py"
MANAGER = "from netra_backend.app.core.unified_id_manager import"

#: name -> (source, path, recipes, [(code, class)] in source order)
UUID_IMPORT_SHAPES: dict[str, tuple[str, str, tuple[str, ...], list[tuple[str, str]]]] = {
    "dead_local_uuid_import": ('''import uuid


def parse(value):
    return uuid.UUID(value)


def record(amount):
    # uuid is imported here for the IDs only
    import uuid
    transaction_id = str(uuid.uuid4())
    return {"transaction_id": transaction_id, "amount": amount}
''', "netra_backend/app/ledger.py", ADHOC, [("IDM103", "format")]),
    "local_uuid_import_still_used": ('''def record(raw):
    import uuid

    transaction_id = str(uuid.uuid4())
    return transaction_id, uuid.UUID(raw)
''', "netra_backend/app/ledger.py", ADHOC, [("IDM103", "format")]),
    "script_bootstrap_after_imports": ('''"""Rebuild the ledger: python scripts/rebuild_ledger.py"""
import os
import sys
import uuid

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def entry(amount):
    transaction_id = str(uuid.uuid4())
    return {"transaction_id": transaction_id, "amount": amount}
''', SCRIPT, ADHOC, [("IDM103", "format")]),
    "test_bootstrap_then_imports": ('''import os
import sys
import uuid

sys.path.insert(0, os.path.dirname(os.path.dirname(__file__)))

from netra_backend.app.services import store  # noqa: E402


def test_lookup_misses():
    user_id = uuid.uuid4().hex[:8]
    assert store.get(user_id) is None
''', TEST, TESTS, [("IDM201", "format")]),
}


def migrated(name: str, **kwargs):
    source, path, recipes, _ = UUID_IMPORT_SHAPES[name]
    result = run(source, path=path, recipes=recipes, **kwargs)
    assert_properties(source, result, path=path, recipes=recipes, **kwargs)
    return result.new_source.decode()


@pytest.mark.parametrize("name", sorted(UUID_IMPORT_SHAPES))
def test_uuid_import_snapshot(name, snapshot_py):
    source, path, recipes, _ = UUID_IMPORT_SHAPES[name]
    assert render(name, source, run(source, path=path, recipes=recipes)) == snapshot_py


@pytest.mark.parametrize("name", sorted(UUID_IMPORT_SHAPES))
def test_uuid_import_codes_classes_and_properties(name):
    source, path, recipes, expected = UUID_IMPORT_SHAPES[name]
    result = run(source, path=path, recipes=recipes)
    assert [(f.code, f.safety.label) for f in result.findings] == expected
    assert_properties(source, result, path=path, recipes=recipes)


def test_a_dead_function_local_uuid_import_goes_and_its_comment_stays():
    text = migrated("dead_local_uuid_import")
    assert text.count("import uuid") == 1 and text.startswith("import uuid\n")  # the module's is still used
    assert "    # uuid is imported here for the IDs only\n    transaction_id = get_id_manager()" in text


def test_a_function_local_uuid_import_still_used_stays():
    assert "    import uuid\n" in migrated("local_uuid_import_still_used")


def test_the_manager_import_comes_after_a_bootstrap_that_follows_the_imports():
    lines = migrated("script_bootstrap_after_imports").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith(MANAGER))
    assert lines[at - 2].startswith("sys.path.insert(") and "import uuid" not in lines


def test_the_manager_import_comes_after_the_imports_below_a_bootstrap():
    lines = migrated("test_bootstrap_then_imports").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith(MANAGER))
    assert lines[at - 1].startswith("from netra_backend.app.services import store")
    assert lines[at].endswith("# noqa: E402")


def test_the_test_helper_import_comes_after_the_bootstrap_too():
    lines = migrated("test_bootstrap_then_imports", rules=HELPER).splitlines()
    helper = lines.index("from test_framework.ids import new_test_id  # noqa: E402")
    assert helper > next(i for i, line in enumerate(lines) if line.startswith("sys.path.insert("))
    assert "    user_id = new_test_id(IDType.USER)" in lines


def test_a_helper_imported_in_one_test_only_is_imported_for_the_others():
    source = ("import uuid\n\n\ndef test_a():\n    from test_framework.ids import new_test_id\n"
              "    assert new_test_id\n\n\ndef test_b():\n    user_id = uuid.uuid4().hex[:8]\n    assert user_id\n")
    result = run(source, path=TEST, recipes=TESTS, rules=HELPER)
    assert_properties(source, result, path=TEST, recipes=TESTS, rules=HELPER)
    assert result.new_source.decode().startswith("from test_framework.ids import new_test_id\n")
