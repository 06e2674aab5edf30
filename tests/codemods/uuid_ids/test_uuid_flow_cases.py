"""Lookalikes of the flow shapes that must still migrate, uuid uses that stay silent, the flow walk
itself on small files, and the rule table of both uuid recipes."""

from __future__ import annotations

import ast
import re

import pytest

from codemods.core.safety import Safety
from codemods.generator.rules import RuleSet
from codemods.engine.scope_facts import FileFacts as ScopeFacts
from codemods.uuid_ids.flow.facts import build_facts
from codemods.uuid_ids.flow.reach import thread_in_reach
from codemods.uuid_ids.flow.trace import trace
from codemods.uuid_ids.naming import secret_word, wrapper_subject
from codemods.uuid_ids.uuid_names import UuidNames
from codemods.uuid_ids.uuid_rules import UUID_RULES
from tests.codemods.uuid_ids.support import TEST, TESTS, run
from tests.codemods.uuid_ids.test_test_ids import HELPER, TEST_SHAPES
from tests.codemods.uuid_ids.test_uuid_flow import FLOW_SHAPES
from tests.codemods.uuid_ids.test_uuid_recipes import ADHOC_SHAPES

#: Look like a sink, a secret or a cut, but stay inside the process: name -> (source, expected rewrite).
LOOKALIKES: dict[str, tuple[str, str]] = {
    "appended_to_an_in_process_list": (
        "import uuid\n\n\nclass Ledger:\n    def add(self, amount):\n"
        "        entry = {\"payment_id\": str(uuid.uuid4()), \"amount\": amount}\n        self.entries.append(entry)\n",
        '"payment_id": get_id_manager().generate_id(IDType.TRANSACTION)'),
    "post_on_a_ledger_is_not_http": (
        "import uuid\n\n\ndef book(ledger):\n    reference_id = f\"ref_{uuid.uuid4().hex[:8]}\"\n"
        "    return ledger.post(100, reference=reference_id)\n",
        'reference_id = get_id_manager().generate_id(IDType.EXECUTION, prefix="ref")'),
    "an_in_process_dict_cache": (
        "import uuid\n\n\nclass Alerts:\n    def raise_alert(self, alert):\n"
        "        alert_id = str(uuid.uuid4())\n        self._cache[alert_id] = alert\n        return alert_id\n",
        "alert_id = get_id_manager().generate_id(IDType.TRACE)"),
    "another_key_is_parsed": (
        "import uuid\n\n\ndef check(record):\n    uuid.UUID(record[\"trace_id\"])\n\n\n"
        "def row():\n    return {\"span_id\": str(uuid.uuid4())}\n",
        '"span_id": get_id_manager().generate_id(IDType.TRACE)'),
    "a_str_field_of_a_dataclass": (
        "import uuid\nfrom dataclasses import dataclass, field\n\n\n@dataclass\nclass Event:\n"
        "    event_id: str = field(default_factory=lambda: f\"evt_{uuid.uuid4().hex[:8]}\")\n",
        'get_id_manager().generate_id(IDType.EXECUTION, prefix="evt")'),
    "secret_words_inside_other_words": (
        "import uuid\n\nstatement_id = str(uuid.uuid4())\nbarcode_id = str(uuid.uuid4())\n",
        'barcode_id = get_id_manager().generate_id(IDType.EXECUTION, prefix="barcode")'),
    "a_slice_of_another_value": (
        "import uuid\n\n\ndef tag(name):\n    tag_id = uuid.uuid4().hex\n    return tag_id, name[:2]\n",
        'tag_id = get_id_manager().generate_id(IDType.EXECUTION, prefix="tag")'),
    "a_session_keyword_names_the_user": (
        "import uuid\n\n\ndef login(store):\n    user_id = str(uuid.uuid4())\n"
        "    return store.create_session(user_id=user_id)\n",
        "user_id = get_id_manager().generate_id(IDType.USER)"),
    "a_thread_id_after_the_run": (
        "import uuid\n\n\ndef go():\n    run_id = f\"run_{uuid.uuid4().hex[:8]}\"\n    thread_id = make()\n"
        "    return run_id, thread_id\n", ""),
}


@pytest.mark.parametrize("name", sorted(LOOKALIKES))
def test_lookalikes(name):
    source, expected = LOOKALIKES[name]
    result = run(source)
    if expected:
        assert result.status == "changed" and expected in result.new_source.decode(), [f.reason for f in result.findings]
    else:  # the thread is bound after the run ID: not in reach
        assert [f.code for f in result.findings] == ["IDM118"]


#: Not IDs, or secrets that are no ID shape: never touched, not reported (in production and tests).
SILENT: dict[str, tuple[str, str]] = {
    "secrets_that_are_no_id": (
        "import uuid\n\nsession_token = uuid.uuid4().hex\napi_key = str(uuid.uuid4())\n"
        "password_reset = uuid.uuid4().hex\nrefresh = \"token_\" + str(uuid.uuid4())\n", "netra_backend/app/a.py"),
    "uuid_objects_to_a_uuid_column": (
        "import uuid\n\n\ndef row(model):\n    return model(event_id=uuid.uuid4())\n", "netra_backend/app/b.py"),
    "a_test_token": ("import uuid\n\n\ndef test_x(client):\n    csrf = uuid.uuid4().hex\n    assert client.get(csrf)\n",
                     TEST),
}


@pytest.mark.parametrize("name", sorted(SILENT))
def test_silent(name):
    source, path = SILENT[name]
    result = run(source, path=path, recipes=("adhoc-ids", "test-ids"))
    assert result.status == "unchanged" and result.findings == []


# ------------------------------------------------------------------------------------ the walk
def _flow(source: str, nth: int = 0):
    tree = ast.parse(source)
    facts = build_facts([n for n in ast.walk(tree) if isinstance(n, ast.stmt)], source.encode(),
                        UuidNames(modules={"uuid"}))
    calls = sorted((c for found in facts.uuid_calls.values() for _, c in found), key=lambda c: (c.lineno, c.col_offset))
    return facts, calls[nth], trace(facts, calls[nth])


def test_the_walk_follows_parameters_returns_and_attributes():
    source = ("import uuid\n\n\ndef save(path_id, store):\n    store.set(path_id, 1)\n\n\ndef new_ref():\n"
              "    return str(uuid.uuid4())\n\n\nclass Box:\n    def fill(self):\n        self.ref_id = new_ref()\n\n"
              "    def ship(self, store):\n        save(self.ref_id, store)\n")
    _, _, flow = _flow(source)
    hit = flow.first("out")
    assert hit.describe() == "new_ref() -> self.ref_id -> save(path_id) -> store.set() (a store) at L5"


def test_the_walk_follows_pytest_fixtures_by_parameter_name():
    source = ("import uuid\n\nimport pytest\n\n\n@pytest.fixture\ndef order_id():\n    return str(uuid.uuid4())\n\n\n"
              "def test_order(order_id, client):\n    client.post('/orders', json={'id': order_id})\n")
    assert _flow(source)[2].first("out").describe().startswith("order_id() -> ['id'] -> client.post()")


def test_non_ascii_lines_and_parenthesised_calls_match_their_site():
    source = "import uuid\n\n\ndef f(bus):\n    ünïcode_id = (uuid.uuid4()).hex; bus.publish('t', ünïcode_id)\n"
    result = run(source)
    assert [f.code for f in result.findings] == ["IDM116"]


@pytest.mark.parametrize("body, expected", [
    ("    thread_id = req.t\n    for x in req.items:\n        if x:\n            run_id = str(uuid.uuid4())\n",
     "thread_id"),
    ("    if req.fork:\n        thread_id = req.t\n    run_id = str(uuid.uuid4())\n", None),  # maybe unbound
    ("    run_id = str(uuid.uuid4())\n    thread_id = req.t\n", None),  # bound after the run ID
])
def test_a_local_thread_is_in_reach_only_when_bound_on_every_path(body, expected):
    source = f"import uuid\n\n\ndef f(req):\n{body}"
    facts, call, _ = _flow(source)
    statements = [n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.stmt)]
    found, _ = thread_in_reach(ScopeFacts(statements, source.splitlines(True)), facts, call)
    assert (found.expr if found else None) == expected


def test_an_optional_thread_or_self_thread_id_is_used_as_the_generator_uses_it():
    source = ("import uuid\nfrom typing import Optional\n\n\nclass Runner:\n    def __init__(self, thread_id):\n"
              "        self.thread_id = thread_id\n\n    def go(self):\n        run_id = str(uuid.uuid4())\n"
              "        return run_id\n\n\ndef start(thread_id: Optional[str] = None):\n"
              "    run_id = f\"run_{uuid.uuid4().hex[:8]}\"\n    return run_id\n")
    text = run(source).new_source.decode()
    assert "run_id = UnifiedIDManager.generate_run_id(self.thread_id)" in text
    assert ("run_id = (\n        UnifiedIDManager.generate_run_id(thread_id)" in text
            or "run_id = UnifiedIDManager.generate_run_id(thread_id) if thread_id else" in text), text


@pytest.mark.parametrize("name, word", [
    ("session_id", "session"), ("sid", "sid"), ("jti", "jti"), ("oauth_state", "state"), ("auth_code", "code"),
    ("api_key", "api key"), ("csrfToken", "csrf"), ("lock_id", "lock"), ("invite_id", "invite"),
    ("statement_id", None), ("barcode_id", None), ("request_id", None), ("clock_id", None),
])
def test_secret_words_are_whole_words(name, word):
    assert secret_word(name) == word


@pytest.mark.parametrize("func, subject", [
    ("ensure_user_id", "user_id"), ("shared.types.UserID", "UserID"), ("ThreadId", "ThreadId"),
    ("UUID", None), ("uuid.UUID", None), ("ensure_ascii", None), ("ID", None), ("str", None),
])
def test_typed_wrappers(func, subject):
    assert wrapper_subject(func) == subject


@pytest.mark.parametrize("inner, expected", [
    ('f"usr_{uuid.uuid4().hex[:8]}"', "UserID(get_id_manager().generate_id(IDType.USER))"),  # its own alias: dropped
    ('f"txn_{uuid.uuid4().hex[:8]}"', 'UserID(get_id_manager().generate_id(IDType.USER, prefix="txn"))'),
])
def test_a_wrapper_keeps_a_prefix_of_another_type(inner, expected):
    text = run(f"import uuid\n\nowner = UserID({inner})\n").new_source.decode()
    assert f"owner = {expected}" in text


def test_adhoc_ids_paths_select_production_files():
    source = "import uuid\n\ntrace_id = str(uuid.uuid4())\n"
    for paths, expected in ((("netra_backend",), "IDM103"), (("netra_backend/app",), "IDM103"),
                            ((".",), "IDM103"), (("netra_backend/ap",), "IDM121"), ((), "IDM121")):
        result = run(source, rules=RuleSet(adhoc_ids_paths=paths))
        assert [f.code for f in result.findings] == [expected], paths


# ------------------------------------------------------------------------------- rule table
def _all_results():
    results = [run(s) for s, _ in ADHOC_SHAPES.values()]
    results += [run(s, path=p, recipes=TESTS) for s, p, _ in TEST_SHAPES.values()]
    results += [run(s, path=p, recipes=r) for s, p, r, _ in FLOW_SHAPES.values()]
    results.append(run(TEST_SHAPES["hex_slices_by_name"][0], path=TEST, recipes=TESTS, rules=HELPER))
    return results


def test_every_emitted_code_has_a_documented_row():
    emitted = {f.code for result in _all_results() for f in result.findings}
    emitted.add("IDM215")  # test_test_ids: test_helper_name_clash_is_manual
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
    for result in _all_results():
        for f in result.findings:
            assert f.reason and f.suggestion and f.before and f.line >= 1 and f.column >= 1, f
