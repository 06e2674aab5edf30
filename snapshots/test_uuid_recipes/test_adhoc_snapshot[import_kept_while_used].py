# idmigrate snapshot: import_kept_while_used (changed)
# findings:
#   5:16 IDM101 format [adhoc-ids] f"<prefix>_{uuid4()...}"
#       why: prefix 'grant' names no type: the fallback type, prefix kept
#       ->   get_id_manager().generate_id(IDType.EXECUTION, prefix="grant")

# ------------------------------ before
import uuid


def issue():
    grant_id = f"grant_{uuid.uuid4().hex[:8]}"
    access_token = uuid.uuid4().hex
    return grant_id, access_token

# ------------------------------ after
import uuid
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


def issue():
    grant_id = get_id_manager().generate_id(IDType.EXECUTION, prefix="grant")
    access_token = uuid.uuid4().hex
    return grant_id, access_token
