# idmigrate snapshot: must_be_uuid (unchanged)
# findings:
#   26:16 IDM117 manual [adhoc-ids] uuid4() -> UUID field
#       why: must be a UUID: event_id -> AgentEvent.event_id = Column(UUID) at L10
#       ->   keep uuid.uuid4()
#   31:27 IDM117 manual [adhoc-ids] uuid4() -> UUID field
#       why: must be a UUID: 'trace_id', which UUID(...) parses at L21
#       ->   keep uuid.uuid4()
#   36:33 IDM117 manual [adhoc-ids] uuid4() -> UUID field
#       why: must be a UUID: field TraceRecord.trace_id: UUID at L16
#       ->   keep uuid.uuid4()

# ------------------------------ before
import uuid
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

# ------------------------------ after
import uuid
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
