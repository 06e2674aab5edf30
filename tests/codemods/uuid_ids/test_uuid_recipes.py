"""The opt-in recipes ``adhoc-ids`` and ``test-ids`` (MIGRATION.md describes them).

Every shape has a before/after snapshot with its safety classes, its properties
(parses, no new undefined name, a second run changes nothing) and, where it looks
like an ID but is not one, a no-op case. The example monorepo's ``# expect[<recipe>]``
markers are compared with the findings, and its tests pass after the rewrite.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from codemods.engine.transform import FileSettings, transform_source
from codemods.generator.rules import RuleSet
from codemods.core.safety import Safety
from codemods.uuid_ids.paths import is_test_path
from codemods.uuid_ids.uuid_rules import UUID_RULES
from migrate.workspace.apply import write_changes
from migrate.workspace.config import DEFAULT_MANAGER_MODULE, load_config
from migrate.compat.expose import expose_manager
from migrate.workspace.pipeline import build_plan
from tests.conftest import undefined_names

ADHOC = ("adhoc-ids",)
TESTS = ("test-ids",)
RULES = RuleSet(name_types={"alert": "trace"})
APP = "netra_backend/app/module.py"
TEST = "netra_backend/tests/test_module.py"


def run(source: str | bytes, *, path: str = APP, recipes=ADHOC, rules: RuleSet = RULES):
    data = source.encode() if isinstance(source, str) else source
    settings = FileSettings(rules, DEFAULT_MANAGER_MODULE, frozenset({DEFAULT_MANAGER_MODULE}), None, recipes)
    return transform_source(data, path, settings)


def assert_properties(source: str, result, **kwargs) -> bytes:
    """Parses, introduces no undefined name, and a second run changes nothing."""
    assert result.status in ("changed", "unchanged"), result.reason
    before = source.encode()
    after = result.new_source if result.new_source is not None else before
    ast.parse(after)
    assert undefined_names(after) <= undefined_names(before), "rewrite introduced undefined names"
    again = run(after, **kwargs)
    assert again.status == "unchanged", f"second run changed the file: {again.reason}"
    assert not any(f.applied for f in again.findings)
    return after


def render(name: str, source: str, result) -> str:
    after = (result.new_source or source.encode()).decode()
    lines = [f"# idmigrate snapshot: {name} ({result.status})", "# findings:"]
    for f in result.findings:
        lines.append(f"#   {f.line}:{f.column} {f.code} {f.safety.label:<6} [{f.recipe}] {f.member}")
        lines.append(f"#       why: {f.reason.splitlines()[0]}")
        lines.append(f"#       ->   {f.suggestion.splitlines()[0] if f.suggestion else ''}")
    lines += ["", "# " + "-" * 30 + " before", source.rstrip("\n"), "", "# " + "-" * 30 + " after",
              after.rstrip("\n"), ""]
    return "\n".join(lines)


# --------------------------------------------------------------------------- adhoc-ids shapes
#: name -> (source, [(code, class)] in source order)
ADHOC_SHAPES: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "fstring_alias_prefix": ('''import uuid


def record(amount):
    entry_id = f"txn_{uuid.uuid4().hex[:8]}"
    return {"entry_id": entry_id, "amount": amount}
''', [("IDM101", "format")]),
    "fstring_type_value_and_unknown_prefixes": ('''import uuid

USER = f"user_{uuid.uuid4()}"
EVENT = f'evt-{uuid.uuid4().hex[:12]}'
transaction_id = f"pay_{uuid.uuid4().hex}"
''', [("IDM101", "format"), ("IDM101", "format"), ("IDM101", "format")]),
    "concat_literal_prefix": ('''import uuid


def open_alert():
    ref = "alert_" + str(uuid.uuid4())
    return ref, "job" "_" + uuid.uuid4().hex[:8]
''', [("IDM102", "format"), ("IDM102", "format")]),
    "str_assigned_to_id_names": ('''import uuid


class Payment:
    def __init__(self):
        self.transaction_id = str(uuid.uuid4())
        self.alert_id = str(uuid.uuid4())
        self.export_job_id = str(uuid.uuid4())[:12]
        requestId = uuid.uuid4().hex
        self.refs = [requestId]
''', [("IDM103", "format"), ("IDM103", "format"), ("IDM103", "format"), ("IDM103", "format")]),
    "from_import_uuid4_removed": ('''from uuid import uuid4


def new_session():
    session_id = uuid4().hex
    return session_id
''', [("IDM103", "format")]),
    "module_alias_removed": ('''import os
import uuid as _uuid


def trace():
    trace_id = _uuid.uuid4().hex[:16]
    return os.getpid(), trace_id
''', [("IDM103", "format")]),
    "keyword_dict_field_default": ('''import uuid
from dataclasses import dataclass, field


@dataclass
class Event:
    kind: str
    correlation_id: str = field(default_factory=lambda: str(uuid.uuid4()))


def emit(kind, run_id=None):
    run_id = run_id or str(uuid.uuid4())
    payload = {"request_id": str(uuid.uuid4()), "kind": kind}
    return Event(kind, correlation_id=f"{uuid.uuid4()}"), payload, run_id
''', [("IDM103", "format"), ("IDM103", "format"), ("IDM103", "format"), ("IDM103", "format")]),
    "fstring_computed_prefix": ('''import uuid


def ids(user_id, tenant):
    session_id = f"session_{user_id}_{uuid.uuid4().hex[:8]}"
    order_id = f"{tenant}_{uuid.uuid4().hex[:8]}"
    return session_id, order_id
''', [("IDM104", "format"), ("IDM104", "format")]),
    "custom_generators": ('''import uuid


def new_transaction_id() -> str:
    """A transaction ID."""
    return f"txn_{uuid.uuid4().hex[:8]}"


def _short_id():
    return uuid.uuid4().hex[:8]


def not_a_generator(x):
    y = str(uuid.uuid4())
    return x, y
''', [("IDM120", "manual"), ("IDM101", "format"), ("IDM120", "manual"), ("IDM110", "manual"),
      ("IDM110", "manual")]),
    "ambiguous_no_prefix_no_name": ('''import uuid


def make(register):
    x = str(uuid.uuid4())
    id = uuid.uuid4().hex
    register(str(uuid.uuid4()))
    return x, id
''', [("IDM110", "manual"), ("IDM110", "manual"), ("IDM110", "manual")]),
    "used_in_other_ways": ('''import uuid


def refs(u):
    a_id = f"txn_{uuid.uuid4().hex[:8]}_v2"
    b_id = f"{uuid.uuid4().hex[:4]}{uuid.uuid4().hex[:4]}"
    c_id = f"txn_{uuid.uuid4().hex:>12}"
    d_id = str(uuid.uuid4()).upper()
    e_id = "txn_%s" % uuid.uuid4().hex
    f_id = "txn_{}".format(uuid.uuid4().hex)
    return a_id, b_id, c_id, d_id, e_id, f_id
''', [("IDM111", "manual")] * 6),
    "computed_concat_prefix": ('''import uuid


def ref(kind):
    return kind + "_" + str(uuid.uuid4()), "x"
''', [("IDM112", "manual")]),
    "uuid_named_target": ('''import uuid

request_uuid = str(uuid.uuid4())
''', [("IDM113", "manual")]),
    "comment_inside": ('''import uuid

ref_id = (
    "txn_"  # ledger prefix
    + str(uuid.uuid4())
)
''', [("IDM114", "manual")]),
    "import_kept_while_used": ('''import uuid


def issue():
    grant_id = f"grant_{uuid.uuid4().hex[:8]}"
    access_token = uuid.uuid4().hex
    return grant_id, access_token
''', [("IDM101", "format")]),
}

#: Look like uuid IDs but are not: never touched, not reported.
ADHOC_NOOPS: dict[str, str] = {
    "hashing": '''import hashlib
import hmac
import uuid


def digest(key):
    a = hashlib.sha256(uuid.uuid4().bytes).hexdigest()
    b = hashlib.sha256(str(uuid.uuid4()).encode()).hexdigest()
    c = hmac.new(key, str(uuid.uuid4()).encode(), "sha256")
    d_id = hashlib.md5(uuid.uuid4().hex.encode()).hexdigest()
    return a, b, c, d_id
''',
    "tokens_and_secrets": '''import uuid


class Session:
    def __init__(self):
        self.session_token = uuid.uuid4().hex
        self.api_key = str(uuid.uuid4())
        self.csrf = f"csrf_{uuid.uuid4().hex}"
        self.nonce = str(uuid.uuid4())[:16]
        self.password_reset = uuid.uuid4().hex
        self.salt = uuid.uuid4().hex
        self.refresh = "token_" + str(uuid.uuid4())
        self.secrets = {"client_secret": str(uuid.uuid4()), "idempotency_key": uuid.uuid4().hex}


def new_api_key():
    return str(uuid.uuid4())


def silence_token():
    return uuid.uuid4().hex
''',
    "parsing_and_other_uuid_versions": '''import uuid
from uuid import UUID, uuid1, uuid5


def parse(value, url):
    a = uuid.UUID(value)
    b = UUID(str(uuid.uuid4()))
    request_id = str(uuid.uuid1())
    c_id = str(uuid5(uuid.NAMESPACE_URL, url))
    d_id = uuid1().hex
    e_id = str(uuid.uuid5(uuid.NAMESPACE_DNS, "x"))
    return a, b, request_id, c_id, d_id, e_id
''',
    "uuid_objects_without_str": '''import uuid
from dataclasses import dataclass, field


@dataclass
class Row:
    row_id: uuid.UUID = field(default_factory=uuid.uuid4)


def objects():
    request_id = uuid.uuid4()
    ids = [uuid.uuid4() for _ in range(3)]
    return request_id, ids, uuid.uuid4().int, uuid.uuid4().bytes
''',
    "paths_names_and_urns": '''import uuid


def names():
    path = f"/tmp/{uuid.uuid4().hex}.json"
    filename = f"report_{uuid.uuid4().hex}"
    urn_id = f"urn:uuid:{uuid.uuid4()}"
    queue_name = "q_" + uuid.uuid4().hex[:6]
    return path, filename, urn_id, queue_name
''',
    "compared_or_discarded": '''import uuid


def check(value):
    str(uuid.uuid4())
    return value == str(uuid.uuid4())
''',
    "no_uuid_import": '''def uuid4():
    return "fixed"


transaction_id = str(uuid4())
''',
    "test_file_is_not_adhoc": '''import uuid

transaction_id = f"txn_{uuid.uuid4().hex[:8]}"
''',
}
_NOOP_PATHS = {"test_file_is_not_adhoc": TEST}


@pytest.mark.parametrize("name", sorted(ADHOC_SHAPES))
def test_adhoc_snapshot(name, snapshot_py):
    source, _ = ADHOC_SHAPES[name]
    assert render(name, source, run(source)) == snapshot_py


@pytest.mark.parametrize("name", sorted(ADHOC_SHAPES))
def test_adhoc_codes_and_classes(name):
    source, expected = ADHOC_SHAPES[name]
    result = run(source)
    assert [(f.code, f.safety.label) for f in result.findings] == expected
    assert {f.recipe for f in result.findings} == {"adhoc-ids"}
    assert (result.status == "changed") == any(c != "manual" for _, c in expected), result.reason


@pytest.mark.parametrize("name", sorted(ADHOC_SHAPES))
def test_adhoc_properties(name):
    source, _ = ADHOC_SHAPES[name]
    assert_properties(source, run(source))


@pytest.mark.parametrize("name", sorted(ADHOC_NOOPS))
def test_adhoc_noop(name):
    source = ADHOC_NOOPS[name]
    result = run(source, path=_NOOP_PATHS.get(name, APP))
    assert result.status == "unchanged"
    assert result.findings == []


def test_adhoc_types_come_from_prefix_then_name():
    text = run(ADHOC_SHAPES["fstring_type_value_and_unknown_prefixes"][0]).new_source.decode()
    assert "USER = get_id_manager().generate_id(IDType.USER)\n" in text  # type value: dropped
    assert "EVENT = get_id_manager().generate_id(IDType.EXECUTION, prefix='evt')" in text  # unknown: kept, quotes too
    assert 'transaction_id = get_id_manager().generate_id(IDType.TRANSACTION, prefix="pay")' in text  # name types it


def test_adhoc_name_types_are_configurable():
    source = ADHOC_SHAPES["str_assigned_to_id_names"][0]
    configured = run(source).new_source.decode()
    assert "self.alert_id = get_id_manager().generate_id(IDType.TRACE)" in configured
    default = run(source, rules=RuleSet()).new_source.decode()
    assert 'self.alert_id = get_id_manager().generate_id(IDType.EXECUTION, prefix="alert")' in default
    assert 'self.export_job_id = get_id_manager().generate_id(IDType.EXECUTION, prefix="export_job")' in default
    assert "requestId = get_id_manager().generate_id(IDType.REQUEST)" in default


@pytest.mark.parametrize("name, call", [
    ("parent_run_id", "generate_id(IDType.EXECUTION)"),
    ("user_session_id", "generate_id(IDType.SESSION)"),
    ("user_settings_id", 'generate_id(IDType.EXECUTION, prefix="user_settings")'),
    ("new_payment_ids", "generate_id(IDType.TRANSACTION)"),
    ("uid", None),  # "unique id", not a user: uid is no alias
    ("unique_id", None),
    ("result", None),
])
def test_the_head_word_of_a_name_types_it(name, call):
    result = run(f"import uuid\n\n{name} = str(uuid.uuid4())\n")
    if call is None:
        assert [f.code for f in result.findings] == ["IDM110"]
    else:
        assert f"{name} = get_id_manager().{call}" in result.new_source.decode()


def test_adhoc_keep_prefix_and_fallback_switches():
    source = ADHOC_SHAPES["fstring_alias_prefix"][0]
    kept = run(source, rules=RuleSet(keep_prefix=True)).new_source.decode()
    assert 'generate_id(IDType.TRANSACTION, prefix="txn")' in kept
    source = 'import uuid\nref = f"evt_{uuid.uuid4().hex}"\n'
    assert 'IDType.TRACE, prefix="evt"' in run(source, rules=RuleSet(fallback_type="trace")).new_source.decode()


def test_uuid_imports_go_only_with_their_last_use():
    removed = run(ADHOC_SHAPES["from_import_uuid4_removed"][0]).new_source.decode()
    assert "uuid" not in removed.replace("uuid4", "").split("def")[0] and "from uuid" not in removed
    alias = run(ADHOC_SHAPES["module_alias_removed"][0]).new_source.decode()
    assert "import uuid as _uuid" not in alias and "import os" in alias
    kept = run(ADHOC_SHAPES["import_kept_while_used"][0]).new_source.decode()
    assert "import uuid\n" in kept and "access_token = uuid.uuid4().hex" in kept
    partial = run("from uuid import UUID, uuid4\n\nrun_id = str(uuid4())\nU = UUID\n").new_source.decode()
    assert partial.startswith("from uuid import UUID\n")


def test_removed_import_keeps_the_comment_above_it_and_blocks_stay_valid():
    source = ('"""Doc."""\n\n# ids come from uuid\nimport uuid\nimport os\n\n\ndef f():\n'
              '    try:\n        from uuid import uuid4\n    except ImportError:\n        raise\n'
              '    request_id = uuid4().hex\n    trace_id = str(uuid.uuid4())\n    return os.sep, request_id, trace_id\n\n\n'
              'session_id = str(uuid.uuid4())\n')
    result = run(source)
    text = result.new_source.decode()
    assert text.startswith('"""Doc."""\n\n# ids come from uuid\nimport os\n') and "import uuid" not in text
    spaced = run("import os\n\nimport uuid\n\nfrom x import y\n\nrequest_id = str(uuid.uuid4())\n")
    assert spaced.new_source.decode().startswith("import os\n\nfrom x import y\n")
    assert "    try:\n        pass\n    except ImportError:" in text
    assert_properties(source, result)


def test_an_unused_uuid_import_is_not_ours_to_remove():
    source = "import uuid\nimport uuid as other\n\nx = str(uuid.uuid4())\n"
    result = run(source)
    assert result.status == "unchanged" and [f.code for f in result.findings] == ["IDM110"]


def test_custom_generator_finding_names_the_manager_call():
    findings = run(ADHOC_SHAPES["custom_generators"][0]).findings
    generator = findings[0]
    assert generator.before == "def new_transaction_id(...)" and generator.line == 4
    assert generator.suggestion == "replace new_transaction_id() with get_id_manager().generate_id(IDType.TRANSACTION)"
    assert "IDType.<TYPE>" in findings[2].suggestion  # _short_id: nothing names its type


def test_function_names_count_when_they_name_an_id_or_make_one():
    source = ("import uuid\n\n\ndef new_session():\n    return str(uuid.uuid4())\n\n\n"
              "def open_alert():\n    return str(uuid.uuid4())\n")
    findings = run(source).findings
    assert [(f.code, f.suggestion) for f in findings if f.code != "IDM120"] == [
        ("IDM103", "get_id_manager().generate_id(IDType.SESSION)"),
        ("IDM110", "get_id_manager().generate_id(IDType.<TYPE>)"),
    ]


def test_rewritten_generators_still_return_ids(tmp_path: Path, monkeypatch):
    """Callers of a custom generator keep working after its return is rewritten."""
    from migrate.demo.demo import EXAMPLE

    monkeypatch.syspath_prepend(str(EXAMPLE))
    new = run(ADHOC_SHAPES["custom_generators"][0]).new_source.decode()
    namespace: dict = {}
    exec(compile(new, "custom_generators.py", "exec"), namespace)  # noqa: S102 - our own fixture
    first, second = namespace["new_transaction_id"](), namespace["new_transaction_id"]()
    assert first != second and first.startswith("transaction_")


def test_boundary_violation_demotes_uuid_sites():
    source = ADHOC_SHAPES["fstring_alias_prefix"][0]
    settings = FileSettings(RULES, DEFAULT_MANAGER_MODULE, frozenset(), "auth_service must not import netra_backend",
                            ADHOC)
    result = transform_source(source.encode(), "auth_service/x.py", settings)
    assert result.status == "unchanged"
    assert [(f.code, f.safety.label, f.recipe) for f in result.findings] == [("IDM090", "manual", "adhoc-ids")]


def test_the_manager_itself_is_never_rewritten():
    source = "import uuid\n\n\ndef _uuid8():\n    return uuid.uuid4().hex[:8]\n\nrequest_id = str(uuid.uuid4())\n"
    for path in ("netra_backend/app/core/unified_id_manager.py", "shared/id_management/unified_id_manager.py",
                 "shared/id_generation/unified_id_generator.py"):
        assert run(source, path=path).findings == []


# --------------------------------------------------------------------------- test-ids shapes
#: name -> (source, path, [(code, class)])
TEST_SHAPES: dict[str, tuple[str, str, list[tuple[str, str]]]] = {
    "hex_slices_by_name": ('''import uuid
from uuid import uuid4


def test_user_flow(client):
    user_id = uuid.uuid4().hex[:8]
    run_id = str(uuid.uuid4())[:8]
    x = uuid4().hex
    assert client.post(user_id, run_id, x)
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
    store.put(uuid.uuid4().hex[:8])
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
''', "tests/unit/test_formats.py", [("IDM210", "manual")] * 6 + [("IDM201", "format")]),
    "unittest_assertions": ('''import unittest
import uuid


class SessionTest(unittest.TestCase):
    def setUp(self):
        self.session_id = str(uuid.uuid4())[:8]
        self.other_id = str(uuid.uuid4())[:8]

    def test_shape(self):
        self.assertEqual(len(self.session_id), 8)
        self.assertRegex(self.other_id, "^[0-9a-f]+$")

    def test_other(self):
        self.assertNotEqual(self.session_id, self.other_id)
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
    assert "run_id = get_id_manager().generate_id(IDType.EXECUTION)" in text
    assert "x = get_id_manager().generate_id(IDType.EXECUTION)" in text  # nothing names it: fallback
    assert "uuid" not in text.replace("unified_id_manager", "")  # both uuid imports lost their last use
    fixture = run(TEST_SHAPES["fixture_in_conftest"][0], path="tests/conftest.py", recipes=TESTS).new_source.decode()
    assert "return get_id_manager().generate_id(IDType.REQUEST)" in fixture


@pytest.mark.parametrize("path, expected", [
    ("tests/test_x.py", True), ("netra_backend/tests/helpers.py", True), ("test_x.py", True),
    ("pkg/x_test.py", True), ("pkg/conftest.py", True), ("pkg/testing.py", False),
    ("netra_backend/app/tests_util.py", False), ("test_framework/fixtures.py", False),
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


# --------------------------------------------------------------------------- rule table
def test_every_emitted_code_has_a_documented_row():
    emitted = {f.code for name in ADHOC_SHAPES for f in run(ADHOC_SHAPES[name][0]).findings}
    emitted |= {f.code for s, p, _ in TEST_SHAPES.values() for f in run(s, path=p, recipes=TESTS).findings}
    emitted |= {f.code for f in run(TEST_SHAPES["hex_slices_by_name"][0], path=TEST, recipes=TESTS,
                                    rules=HELPER).findings}
    emitted.add("IDM215")
    assert emitted == set(UUID_RULES)
    for code, rule in UUID_RULES.items():
        assert rule.code == code and re.fullmatch(r"IDM[12]\d\d", code)
        assert rule.why and rule.before and rule.suggestion, code
        assert rule.recipe == ("adhoc-ids" if code.startswith("IDM1") else "test-ids")
        if rule.safety is Safety.MANUAL:
            assert not rule.after
        else:
            assert rule.safety is Safety.FORMAT and rule.after, code


def test_manual_findings_carry_reason_and_suggestion():
    results = [run(s) for s, _ in ADHOC_SHAPES.values()]
    results += [run(s, path=p, recipes=TESTS) for s, p, _ in TEST_SHAPES.values()]
    for result in results:
        for f in result.findings:
            assert f.reason and f.suggestion and f.before and f.line >= 1 and f.column >= 1, f


# --------------------------------------------------------------------------- the example monorepo
MARKER = re.compile(r"#\s*expect\[(adhoc-ids|test-ids)\]:\s*([a-z, ]+)")
RECIPES = ("generator", "adhoc-ids", "test-ids")


def expected_markers(root: Path) -> dict[tuple[str, str, int], Counter]:
    out: dict[tuple[str, str, int], Counter] = {}
    for path in sorted(root.rglob("*.py")):
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for match in MARKER.finditer(line):
                classes = [c.strip() for c in match.group(2).split(",") if c.strip()]
                out[(path.relative_to(root).as_posix(), match.group(1), lineno)] = Counter(classes)
    return out


def found_markers(plan) -> dict[tuple[str, str, int], Counter]:
    out: dict[tuple[str, str, int], Counter] = {}
    for outcome in plan.outcomes:
        for f in outcome.result.findings:
            if f.recipe in ("adhoc-ids", "test-ids"):
                out.setdefault((outcome.path, f.recipe, f.line), Counter())[f.safety.label] += 1
    return out


@pytest.fixture
def exposed(example_copy: Path) -> Path:
    expose_manager(example_copy, load_config(example_copy))
    return example_copy


def test_example_marks_every_uuid_site(exposed: Path):
    plan = build_plan(exposed, load_config(exposed), workers=1, use_cache=False, recipes=RECIPES)
    expected = expected_markers(exposed)
    assert {recipe for _, recipe, _ in expected} == {"adhoc-ids", "test-ids"}
    assert found_markers(plan) == expected


def test_example_after_all_recipes_is_sound_and_its_tests_pass(exposed: Path):
    config = load_config(exposed)
    before = {p: p.read_bytes() for p in exposed.rglob("*.py")}
    written, not_written = write_changes(build_plan(exposed, config, workers=1, use_cache=False, recipes=RECIPES))
    assert not not_written
    for rel in ("netra_backend/app/services/alerting.py", "netra_backend/app/services/billing/ledger.py",
                "tests/test_adhoc_ids_usage.py"):
        assert rel in written
        new = (exposed / rel).read_bytes()
        assert undefined_names(new) <= undefined_names(before[exposed / rel]), rel
        assert b"get_id_manager().generate_id(IDType." in new
    again = build_plan(exposed, config, workers=1, use_cache=False, recipes=RECIPES)
    assert again.changed == []
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=exposed, capture_output=True, text=True, timeout=300,
        env={"PYTHONDONTWRITEBYTECODE": "1", "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
