# idmigrate snapshot: keyword_dict_field_default (changed)
# findings:
#   8:57 IDM103 format [adhoc-ids] str(uuid4()) -> *_id
#       why: the name 'correlation_id' says trace
#       ->   get_id_manager().generate_id(IDType.TRACE)
#   12:24 IDM118 manual [adhoc-ids] run_id = <uuid4 ID> (no thread)
#       why: run ID without a thread in reach: the name 'run_id' says execution; no thread_id / *_thread_id parameter, earlier local or self.thread_id
#       ->   pass the thread ID in, then UnifiedIDManager.generate_run_id(thread_id)
#   13:30 IDM103 format [adhoc-ids] str(uuid4()) -> *_id
#       why: the name 'request_id' says request
#       ->   get_id_manager().generate_id(IDType.REQUEST)
#   14:39 IDM103 format [adhoc-ids] str(uuid4()) -> *_id
#       why: the name 'correlation_id' says trace
#       ->   get_id_manager().generate_id(IDType.TRACE)

# ------------------------------ before
import uuid
from dataclasses import dataclass, field


@dataclass
class Event:
    kind: str
    correlation_id: str = field(default_factory=lambda: str(uuid.uuid4()))


def emit(kind, run_id=None):
    run_id = run_id or str(uuid.uuid4())
    payload = {"request_id": str(uuid.uuid4()), "kind": kind}
    return Event(kind, correlation_id=f"{uuid.uuid4()}"), payload, run_id

# ------------------------------ after
import uuid
from dataclasses import dataclass, field
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


@dataclass
class Event:
    kind: str
    correlation_id: str = field(default_factory=lambda: get_id_manager().generate_id(IDType.TRACE))


def emit(kind, run_id=None):
    run_id = run_id or str(uuid.uuid4())
    payload = {"request_id": get_id_manager().generate_id(IDType.REQUEST), "kind": kind}
    return Event(kind, correlation_id=get_id_manager().generate_id(IDType.TRACE)), payload, run_id
