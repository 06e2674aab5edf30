# idmigrate snapshot: typed_wrappers_and_names (changed)
# findings:
#   7:30 IDM103 format [adhoc-ids] str(uuid4()) -> *_id
#       why: the wrapper ensure_user_id(...) says user
#       ->   get_id_manager().generate_id(IDType.USER)
#   8:20 IDM101 format [adhoc-ids] f"<prefix>_{uuid4()...}"
#       why: the wrapper UserID(...) says user; prefix 'guest' kept
#       ->   get_id_manager().generate_id(IDType.USER, prefix="guest")
#   9:20 IDM119 manual [adhoc-ids] <Type>ID(uuid4())
#       why: the typed wrapper names no IDType: OrgID(...) names no IDType
#       ->   add the word to [tool.idmigrate.name_types], or keep uuid.uuid4()
#   10:18 IDM101 format [adhoc-ids] f"<prefix>_{uuid4()...}"
#       why: the name 'request_id' says request; prefix 'ws_req' kept
#       ->   get_id_manager().generate_id(IDType.REQUEST, prefix="ws_req")
#   11:16 IDM101 format [adhoc-ids] f"<prefix>_{uuid4()...}"
#       why: the name 'audit_id' beats the word 'user' of prefix 'user_audit' but names no type: the fallback type, prefix kept
#       ->   get_id_manager().generate_id(IDType.EXECUTION, prefix="user_audit")

# ------------------------------ before
import uuid

from shared.types import OrgID, UserID, ensure_user_id


def make():
    user_id = ensure_user_id(str(uuid.uuid4()))
    guest = UserID(f"guest_{uuid.uuid4().hex[:8]}")
    org_id = OrgID(str(uuid.uuid4()))
    request_id = f"ws_req_{uuid.uuid4().hex[:8]}"
    audit_id = f"user_audit_{uuid.uuid4().hex[:8]}"
    return user_id, guest, org_id, request_id, audit_id

# ------------------------------ after
import uuid

from shared.types import OrgID, UserID, ensure_user_id
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


def make():
    user_id = ensure_user_id(get_id_manager().generate_id(IDType.USER))
    guest = UserID(get_id_manager().generate_id(IDType.USER, prefix="guest"))
    org_id = OrgID(str(uuid.uuid4()))
    request_id = get_id_manager().generate_id(IDType.REQUEST, prefix="ws_req")
    audit_id = get_id_manager().generate_id(IDType.EXECUTION, prefix="user_audit")
    return user_id, guest, org_id, request_id, audit_id
