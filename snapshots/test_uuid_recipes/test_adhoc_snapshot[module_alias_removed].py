# idmigrate snapshot: module_alias_removed (changed)
# findings:
#   6:16 IDM103 format [adhoc-ids] str(uuid4()) -> *_id
#       why: the name 'trace_id' says trace
#       ->   get_id_manager().generate_id(IDType.TRACE)

# ------------------------------ before
import os
import uuid as _uuid


def trace():
    trace_id = _uuid.uuid4().hex[:16]
    return os.getpid(), trace_id

# ------------------------------ after
import os
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


def trace():
    trace_id = get_id_manager().generate_id(IDType.TRACE)
    return os.getpid(), trace_id
