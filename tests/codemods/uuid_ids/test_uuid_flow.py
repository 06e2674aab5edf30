"""Where an ID goes decides whether it may change (MIGRATION.md: "Where the ID goes").

One shape per way a hand-rolled uuid4 ID must keep its UUID, or takes a type, in production
(``adhoc-ids``) and in tests (``test-ids``): a snapshot with each site's class and reason, the
codes in order, and the properties every rewrite keeps. Lookalikes that must still migrate are in
``test_uuid_flow_cases``.
"""

from __future__ import annotations

import pytest

from tests.codemods.uuid_ids.support import ADHOC, TEST, TESTS, assert_properties, render, run

#: name -> (source, path, recipes, [(code, class)] in source order)
FLOW_SHAPES: dict[str, tuple[str, str, tuple[str, ...], list[tuple[str, str]]]] = {
    "must_be_uuid": ('''import uuid
from dataclasses import dataclass
from uuid import UUID

from app.db import Column, Model, String
from app.db import UUID as PG_UUID


class AgentEvent(Model):
    event_id = Column(PG_UUID(as_uuid=False), primary_key=True)
    kind = Column(String)


@dataclass
class TraceRecord:
    trace_id: UUID
    span: str


def validate(record):
    uuid.UUID(record["trace_id"])
    return record


def synthetic_event(kind):
    event_id = str(uuid.uuid4())
    return AgentEvent(event_id=event_id, kind=kind)


def raw_record(span):
    record = {"trace_id": str(uuid.uuid4()), "span": span}
    return validate(record)


def traced(span):
    return TraceRecord(trace_id=str(uuid.uuid4()), span=span)
''', "netra_backend/app/events.py", ADHOC, [("IDM117", "manual")] * 3),
    "secrets": ('''import uuid


class RedisSessionStore:
    def __init__(self, redis):
        self._redis = redis

    def create(self, user_id):
        session_id = str(uuid.uuid4())
        self._redis.set(f"session:{session_id}", user_id)
        return session_id


def issue(subject, encode):
    claims = {"sub": subject, "jti": str(uuid.uuid4())}
    return encode(claims)


def authorize_url(client_id):
    state = uuid.uuid4().hex
    return f"https://idp.example/authorize?client_id={client_id}&state={state}"


def issue_code(grants, user_id):
    auth_code = uuid.uuid4().hex
    grants[auth_code] = user_id
    return auth_code


def new_credentials():
    return {"client_id": str(uuid.uuid4()), "api_key": uuid.uuid4().hex}


def reserve(cache, name):
    ref = str(uuid.uuid4())
    cache.acquire_lock(name, ref)
    return f"sess_{uuid.uuid4().hex}"
''', "netra_backend/app/auth.py", ADHOC, [("IDM115", "manual")] * 7),
    "leaves_the_process": ('''import os
import uuid

from app.db import Column, Model, String
from app.web import router


class Job(Model):
    job_id = Column(String, primary_key=True, default=lambda: str(uuid.uuid4()))
    corpus_ref = Column(String, default=lambda: f"corpus_{uuid.uuid4().hex[:8]}")


class Notifier:
    def __init__(self, bus, gateway, root):
        self._bus = bus
        self._gateway = gateway
        self.root = root

    def notify(self, text):
        message_id = str(uuid.uuid4())
        self._bus.publish("notifications", {"message_id": message_id, "text": text})

    def charge(self, amount):
        transaction_id = f"txn_{uuid.uuid4().hex[:12]}"
        return self._gateway.charge(transaction_id=transaction_id, amount=amount)

    def export(self, rows):
        job_id = str(uuid.uuid4())
        with open(os.path.join(self.root, f"{job_id}.json"), "w") as fh:
            fh.write(str(rows))

    def corpus(self, db):
        corpus_id = uuid.uuid4().hex[:8]
        db.execute(f"CREATE TABLE corpus_{corpus_id} (id TEXT)")

    def call(self, http):
        request_id = str(uuid.uuid4())
        return http.get("/status", headers={"X-Request-ID": request_id})


@router.post("/exports")
def create_export(request):
    return {"export_id": str(uuid.uuid4()), "status": "queued"}
''', "netra_backend/app/jobs.py", ADHOC, [("IDM116", "manual")] * 8),
    "text_cut": ('''import uuid


def place(buckets):
    blob_id = uuid.uuid4().hex
    buckets[blob_id[:2]].append(blob_id)
    return blob_id


def tenant():
    tenant_id = str(uuid.uuid4())
    return tenant_id.split("-")[0]
''', "netra_backend/app/blobs.py", ADHOC, [("IDM122", "manual")] * 2),
    "typed_wrappers_and_names": ('''import uuid

from shared.types import OrgID, UserID, ensure_user_id


def make():
    user_id = ensure_user_id(str(uuid.uuid4()))
    guest = UserID(f"guest_{uuid.uuid4().hex[:8]}")
    org_id = OrgID(str(uuid.uuid4()))
    request_id = f"ws_req_{uuid.uuid4().hex[:8]}"
    audit_id = f"user_audit_{uuid.uuid4().hex[:8]}"
    return user_id, guest, org_id, request_id, audit_id
''', "netra_backend/app/users.py", ADHOC,
        [("IDM103", "format"), ("IDM101", "format"), ("IDM119", "manual"), ("IDM101", "format"),
         ("IDM101", "format")]),
    "run_ids": ('''import uuid


def start(thread_id, agent):
    run_id = f"run_{uuid.uuid4().hex[:8]}"
    return agent.start(thread_id, run_id)


def resume(request):
    parent_thread_id = request.thread
    if request.fork:
        child_thread_id = request.fork
    run_id = str(uuid.uuid4())
    return parent_thread_id, run_id


def warmup(user_id):
    run_id = f"run_{uuid.uuid4().hex[:8]}"
    return user_id, run_id
''', "netra_backend/app/runs.py", ADHOC, [("IDM105", "format"), ("IDM118", "manual"), ("IDM118", "manual")]),
    "outside_adhoc_paths": ('''import uuid
from dataclasses import dataclass, field


@dataclass
class ErrorContext:
    path: str
    trace_id: str = field(default_factory=lambda: str(uuid.uuid4()))


def new_error_ref():
    return f"err_{uuid.uuid4().hex[:12]}"
''', "auth_service/middleware/errors.py", ADHOC,
        [("IDM121", "manual"), ("IDM120", "manual"), ("IDM121", "manual")]),
    "test_sinks_and_secrets": ('''import uuid
from dataclasses import dataclass
from uuid import UUID

from shared.types import OrgID


@dataclass
class Record:
    trace_id: UUID


def test_hooks(client):
    client.post("/hooks", json={"event_id": str(uuid.uuid4())})
    unknown_session_id = str(uuid.uuid4())
    assert client.get_session(unknown_session_id) is None
    assert Record(trace_id=str(uuid.uuid4()))
    assert client.get_org(OrgID(uuid.uuid4().hex[:8]))
''', TEST, TESTS, [("IDM217", "manual"), ("IDM216", "manual"), ("IDM218", "manual"), ("IDM220", "manual")]),
    "test_text_cut": ('''import uuid


def test_signup(service):
    user_id = uuid.uuid4().hex
    email = f"{user_id[:8]}@example.com"
    service.signup(user_id, email)


def test_suffix(service):
    tenant_id = str(uuid.uuid4())
    suffix = tenant_id.split("-")[0]
    assert service.create(tenant_id, suffix)


def test_invite(service):
    member_id = uuid.uuid4().hex[:8]
    service.invite(f"{member_id}@example.com")
''', TEST, TESTS, [("IDM221", "manual")] * 3),
    "test_about_formats": ('''import uuid


class TestCompliance:
    def test_ids(self, registry):
        item_id = str(uuid.uuid4())
        assert registry.accepts(item_id)


def test_migration_keeps_records(store):
    record_id = str(uuid.uuid4())
    store.remember(record_id)
    assert is_valid_uuid(store.first())
''', TEST, TESTS, [("IDM222", "manual")] * 2),
    "test_raw_samples": ('''import uuid

import pytest


@pytest.fixture
def invalid_ids():
    return [str(uuid.uuid4()), "not-an-id"]


def test_checks(validator):
    samples = {"accepted": f"user_{uuid.uuid4().hex[:8]}", "rejected": str(uuid.uuid4())}
    sample = str(uuid.uuid4())  # should fail: raw UUID
    assert validator(samples, sample)
''', TEST, TESTS, [("IDM223", "manual"), ("IDM202", "format"), ("IDM223", "manual"), ("IDM223", "manual")]),
    "test_run_ids": ('''import uuid


def test_run(thread_id, scheduler):
    run_id = str(uuid.uuid4())[:8]
    assert scheduler.start(thread_id, run_id)


def test_orphan_run(scheduler):
    run_id = str(uuid.uuid4())[:8]
    assert scheduler.start(None, run_id)
''', TEST, TESTS, [("IDM204", "format"), ("IDM219", "manual")]),
    "test_framework_is_test_code": ('''import uuid


def make_user():
    return {"user_id": uuid.uuid4().hex[:8]}
''', "test_framework/factories.py", TESTS, [("IDM201", "format")]),
}


def _run(name: str):
    source, path, recipes, _ = FLOW_SHAPES[name]
    return run(source, path=path, recipes=recipes)


@pytest.mark.parametrize("name", sorted(FLOW_SHAPES))
def test_flow_snapshot(name, snapshot_py):
    assert render(name, FLOW_SHAPES[name][0], _run(name)) == snapshot_py


@pytest.mark.parametrize("name", sorted(FLOW_SHAPES))
def test_flow_codes_and_classes(name):
    _, _, recipes, expected = FLOW_SHAPES[name]
    result = _run(name)
    assert [(f.code, f.safety.label) for f in result.findings] == expected
    assert {f.recipe for f in result.findings} == set(recipes)
    assert (result.status == "changed") == any(c != "manual" for _, c in expected), result.reason


@pytest.mark.parametrize("name", sorted(FLOW_SHAPES))
def test_flow_properties(name):
    source, path, recipes, _ = FLOW_SHAPES[name]
    assert_properties(source, _run(name), path=path, recipes=recipes)


@pytest.mark.parametrize("name, reasons", [
    ("must_be_uuid", ["event_id -> AgentEvent.event_id = Column(UUID) at L10",
                      "'trace_id', which UUID(...) parses at L21", "field TraceRecord.trace_id: UUID at L16"]),
    ("leaves_the_process", ["the default= of Column(primary_key=True) at L9",
                            "message_id -> ['message_id'] -> _bus.publish() (a message) at L21",
                            "job_id -> a file path at L29", "corpus_id -> an SQL statement (a table name) at L34",
                            "request_id -> the HTTP header 'X-Request-ID' at L38",
                            "['export_id'] -> the response of create_export(), a router.post(...) handler at L42"]),
    ("secrets", ["the name 'session_id' says session at L9", "the name 'jti' says jti at L15",
                 "ref -> cache.acquire_lock() (a lock API) at L36", "its prefix 'sess' says sess"]),
])
def test_manual_reasons_name_the_flow_and_its_line(name, reasons):
    found = [f.reason for f in _run(name).findings]
    for reason in reasons:
        assert any(r.endswith(reason) for r in found), (reason, found)


def test_a_run_id_embeds_the_thread_in_reach():
    text = _run("run_ids").new_source.decode()
    assert "run_id = UnifiedIDManager.generate_run_id(thread_id)" in text
    # the latest thread local is set in a branch: it may be unbound, so that run ID is left to a human
    assert "child_thread_id may be unbound here" in _run("run_ids").findings[1].reason
    assert 'run_id = f"run_{uuid.uuid4().hex[:8]}"\n    return user_id' in text
    assert "from netra_backend.app.core.unified_id_manager import UnifiedIDManager" in text


def test_a_typed_wrapper_decides_the_type_and_never_takes_the_fallback():
    text = _run("typed_wrappers_and_names").new_source.decode()
    assert "ensure_user_id(get_id_manager().generate_id(IDType.USER))" in text
    assert 'UserID(get_id_manager().generate_id(IDType.USER, prefix="guest"))' in text
    assert "OrgID(str(uuid.uuid4()))" in text
    assert 'request_id = get_id_manager().generate_id(IDType.REQUEST, prefix="ws_req")' in text
    assert 'audit_id = get_id_manager().generate_id(IDType.EXECUTION, prefix="user_audit")' in text


def test_outside_adhoc_paths_the_report_says_what_it_would_be():
    findings = _run("outside_adhoc_paths").findings
    assert "~310 B each" in findings[0].reason and "auth_service/middleware/errors.py is not in it" in findings[0].reason
    assert findings[0].suggestion == "get_id_manager().generate_id(IDType.TRACE)"
    assert findings[1].suggestion == "replace new_error_ref() with get_id_manager().generate_id(IDType.TRACE)"
