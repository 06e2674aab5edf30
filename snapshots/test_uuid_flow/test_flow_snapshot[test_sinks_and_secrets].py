# idmigrate snapshot: test_sinks_and_secrets (unchanged)
# findings:
#   14:45 IDM217 manual [test-ids] uuid4() -> outside the process (test)
#       why: leaves the process: keep a UUID: ['event_id'] -> client.post() (an outgoing request) at L14
#       ->   keep uuid.uuid4()
#   15:26 IDM216 manual [test-ids] <secret> = uuid4() (test)
#       why: a secret: never rewritten: the name 'unknown_session_id' says session at L15
#       ->   keep uuid.uuid4()
#   17:28 IDM218 manual [test-ids] uuid4() -> UUID field (test)
#       why: must be a UUID: field Record.trace_id: UUID at L10
#       ->   keep uuid.uuid4()
#   18:33 IDM220 manual [test-ids] <Type>ID(uuid4()) (test)
#       why: the typed wrapper names no IDType: OrgID(...) names no IDType
#       ->   add the word to [tool.idmigrate.name_types], or keep uuid.uuid4()

# ------------------------------ before
import uuid
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

# ------------------------------ after
import uuid
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
