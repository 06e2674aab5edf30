# idmigrate snapshot: outside_adhoc_paths (unchanged)
# findings:
#   8:51 IDM121 manual [adhoc-ids] uuid4() outside adhoc_ids_paths
#       why: production rewriting is opt-in ([tool.idmigrate] adhoc_ids_paths): each rewritten site registers its IDs for the life of the process, ~310 B each: auth_service/middleware/errors.py is not in it (it would be IDM103: the name 'trace_id' says trace)
#       ->   get_id_manager().generate_id(IDType.TRACE)
#   11:1 IDM120 manual [adhoc-ids] def <custom generator>
#       why: a function whose only job is to build a uuid-based ID: its return expression is rewritten where it qualifies, so callers keep working; call the manager directly and delete the function: new_error_ref() only builds an ID
#       ->   replace new_error_ref() with get_id_manager().generate_id(IDType.TRACE)
#   12:12 IDM121 manual [adhoc-ids] uuid4() outside adhoc_ids_paths
#       why: production rewriting is opt-in ([tool.idmigrate] adhoc_ids_paths): each rewritten site registers its IDs for the life of the process, ~310 B each: auth_service/middleware/errors.py is not in it (it would be IDM101: prefix 'err' is an alias of trace)
#       ->   get_id_manager().generate_id(IDType.TRACE)

# ------------------------------ before
import uuid
from dataclasses import dataclass, field


@dataclass
class ErrorContext:
    path: str
    trace_id: str = field(default_factory=lambda: str(uuid.uuid4()))


def new_error_ref():
    return f"err_{uuid.uuid4().hex[:12]}"

# ------------------------------ after
import uuid
from dataclasses import dataclass, field


@dataclass
class ErrorContext:
    path: str
    trace_id: str = field(default_factory=lambda: str(uuid.uuid4()))


def new_error_ref():
    return f"err_{uuid.uuid4().hex[:12]}"
