# idmigrate snapshot: fstring_computed_prefix (changed)
# findings:
#   5:16 IDM104 format [adhoc-ids] f"<prefix>_{x}_{uuid4()...}"
#       why: the name 'trace_id' says trace; f-string prefix kept
#       ->   get_id_manager().generate_id(IDType.TRACE, prefix=f"trace_{user_id}")
#   6:16 IDM104 format [adhoc-ids] f"<prefix>_{x}_{uuid4()...}"
#       why: the f-string prefix names no type: the fallback type
#       ->   get_id_manager().generate_id(IDType.EXECUTION, prefix=f"{tenant}")

# ------------------------------ before
import uuid


def ids(user_id, tenant):
    trace_id = f"trace_{user_id}_{uuid.uuid4().hex[:8]}"
    order_id = f"{tenant}_{uuid.uuid4().hex[:8]}"
    return trace_id, order_id

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


def ids(user_id, tenant):
    trace_id = get_id_manager().generate_id(IDType.TRACE, prefix=f"trace_{user_id}")
    order_id = get_id_manager().generate_id(IDType.EXECUTION, prefix=f"{tenant}")
    return trace_id, order_id
