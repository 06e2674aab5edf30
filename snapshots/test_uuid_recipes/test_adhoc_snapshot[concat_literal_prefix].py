# idmigrate snapshot: concat_literal_prefix (changed)
# findings:
#   5:11 IDM102 format [adhoc-ids] "<prefix>_" + str(uuid4())
#       why: the word 'alert' of prefix 'alert' says trace; prefix kept
#       ->   get_id_manager().generate_id(IDType.TRACE, prefix="alert")
#   6:17 IDM102 format [adhoc-ids] "<prefix>_" + str(uuid4())
#       why: prefix 'job' names no type: the fallback type, prefix kept
#       ->   get_id_manager().generate_id(IDType.EXECUTION, prefix="job")

# ------------------------------ before
import uuid


def open_alert():
    ref = "alert_" + str(uuid.uuid4())
    return ref, "job" "_" + uuid.uuid4().hex[:8]

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


def open_alert():
    ref = get_id_manager().generate_id(IDType.TRACE, prefix="alert")
    return ref, get_id_manager().generate_id(IDType.EXECUTION, prefix="job")
