"""The opt-in ``adhoc-ids`` recipe (MIGRATION.md describes it): its classic shapes.

Every shape has a before/after snapshot with its safety classes, its properties
(parses, no new undefined name, a second run changes nothing) and, where it looks
like an ID but is not one, a no-op case. Where an ID goes (sinks, secrets, run IDs,
typed wrappers, adhoc_ids_paths) is tested in ``test_uuid_flow``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from codemods.engine.transform import FileSettings, transform_source
from codemods.generator.rules import RuleSet
from migrate.workspace.config import DEFAULT_MANAGER_MODULE
from tests.codemods.uuid_ids.support import APP, TEST, assert_properties, render, run

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


def new_request():
    request_id = uuid4().hex
    return request_id
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
''', [("IDM103", "format"), ("IDM118", "manual"), ("IDM103", "format"), ("IDM103", "format")]),
    "fstring_computed_prefix": ('''import uuid


def ids(user_id, tenant):
    trace_id = f"trace_{user_id}_{uuid.uuid4().hex[:8]}"
    order_id = f"{tenant}_{uuid.uuid4().hex[:8]}"
    return trace_id, order_id
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
    default = run(source, rules=RuleSet(adhoc_ids_paths=(".",))).new_source.decode()
    assert 'self.alert_id = get_id_manager().generate_id(IDType.EXECUTION, prefix="alert")' in default
    assert 'self.export_job_id = get_id_manager().generate_id(IDType.EXECUTION, prefix="export_job")' in default
    assert "requestId = get_id_manager().generate_id(IDType.REQUEST)" in default


@pytest.mark.parametrize("name, call", [
    ("parent_run_id", "IDM118"),  # a run ID, and no thread in reach
    ("user_session_id", "IDM115"),  # a secret
    ("user_settings_id", 'generate_id(IDType.EXECUTION, prefix="user_settings")'),
    ("new_payment_ids", "generate_id(IDType.TRANSACTION)"),
    ("uid", "IDM110"),  # "unique id", not a user: uid is no alias
    ("parent_agent_id", "generate_id(IDType.AGENT)"),
    ("unique_id", "IDM110"),
    ("result", "IDM110"),
])
def test_the_head_word_of_a_name_types_it(name, call):
    result = run(f"import uuid\n\n{name} = str(uuid.uuid4())\n")
    if call.startswith("IDM"):
        assert [f.code for f in result.findings] == [call]
    else:
        assert f"{name} = get_id_manager().{call}" in result.new_source.decode()


def test_adhoc_keep_prefix_and_fallback_switches():
    source = ADHOC_SHAPES["fstring_alias_prefix"][0]
    kept = run(source, rules=RuleSet(keep_prefix=True, adhoc_ids_paths=(".",))).new_source.decode()
    assert 'generate_id(IDType.TRANSACTION, prefix="txn")' in kept
    source = 'import uuid\nref = f"evt_{uuid.uuid4().hex}"\n'
    traced = RuleSet(fallback_type="trace", adhoc_ids_paths=(".",))
    assert 'IDType.TRACE, prefix="evt"' in run(source, rules=traced).new_source.decode()


def test_uuid_imports_go_only_with_their_last_use():
    removed = run(ADHOC_SHAPES["from_import_uuid4_removed"][0]).new_source.decode()
    assert "uuid" not in removed.replace("uuid4", "").split("def")[0] and "from uuid" not in removed
    alias = run(ADHOC_SHAPES["module_alias_removed"][0]).new_source.decode()
    assert "import uuid as _uuid" not in alias and "import os" in alias
    kept = run(ADHOC_SHAPES["import_kept_while_used"][0]).new_source.decode()
    assert "import uuid\n" in kept and "access_token = uuid.uuid4().hex" in kept
    partial = run("from uuid import UUID, uuid4\n\nrequest_id = str(uuid4())\nU = UUID\n").new_source.decode()
    assert partial.startswith("from uuid import UUID\n")


def test_removed_import_keeps_the_comment_above_it_and_blocks_stay_valid():
    source = ('"""Doc."""\n\n# ids come from uuid\nimport uuid\nimport os\n\n\ndef f():\n'
              '    try:\n        from uuid import uuid4\n    except ImportError:\n        raise\n'
              '    request_id = uuid4().hex\n    trace_id = str(uuid.uuid4())\n    return os.sep, request_id, trace_id\n\n\n'
              'span_id = str(uuid.uuid4())\n')
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
    source = ("import uuid\n\n\ndef new_request():\n    return str(uuid.uuid4())\n\n\n"
              "def open_alert():\n    return str(uuid.uuid4())\n")
    findings = run(source).findings
    assert [(f.code, f.suggestion) for f in findings if f.code != "IDM120"] == [
        ("IDM103", "get_id_manager().generate_id(IDType.REQUEST)"),
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
    settings = FileSettings(RuleSet(adhoc_ids_paths=(".",)), DEFAULT_MANAGER_MODULE, frozenset(),
                            "auth_service must not import netra_backend", ("adhoc-ids",))
    result = transform_source(source.encode(), "auth_service/x.py", settings)
    assert result.status == "unchanged"
    assert [(f.code, f.safety.label, f.recipe) for f in result.findings] == [("IDM090", "manual", "adhoc-ids")]


def test_the_manager_itself_is_never_rewritten():
    source = "import uuid\n\n\ndef _uuid8():\n    return uuid.uuid4().hex[:8]\n\nrequest_id = str(uuid.uuid4())\n"
    for path in ("netra_backend/app/core/unified_id_manager.py", "shared/id_management/unified_id_manager.py",
                 "shared/id_generation/unified_id_generator.py"):
        assert run(source, path=path).findings == []
