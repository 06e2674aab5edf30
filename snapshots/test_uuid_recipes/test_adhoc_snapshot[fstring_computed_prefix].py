# idmigrate snapshot: fstring_computed_prefix (changed)
# findings:
#   5:18 IDM104 format [adhoc-ids] f"<prefix>_{x}_{uuid4()...}"
#       why: the word 'session' of the f-string prefix says session; f-string kept
#       ->   get_id_manager().generate_id(IDType.SESSION, prefix=f"session_{user_id}")
#   6:16 IDM104 format [adhoc-ids] f"<prefix>_{x}_{uuid4()...}"
#       why: the f-string prefix names no type: the fallback type
#       ->   get_id_manager().generate_id(IDType.EXECUTION, prefix=f"{tenant}")

# ------------------------------ before
import uuid


def ids(user_id, tenant):
    session_id = f"session_{user_id}_{uuid.uuid4().hex[:8]}"
    order_id = f"{tenant}_{uuid.uuid4().hex[:8]}"
    return session_id, order_id

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


def ids(user_id, tenant):
    session_id = get_id_manager().generate_id(IDType.SESSION, prefix=f"session_{user_id}")
    order_id = get_id_manager().generate_id(IDType.EXECUTION, prefix=f"{tenant}")
    return session_id, order_id
