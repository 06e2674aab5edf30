# idmigrate snapshot: from_import_uuid4_removed (changed)
# findings:
#   5:18 IDM103 format [adhoc-ids] str(uuid4()) -> *_id
#       why: the name 'request_id' says request
#       ->   get_id_manager().generate_id(IDType.REQUEST)

# ------------------------------ before
from uuid import uuid4


def new_request():
    request_id = uuid4().hex
    return request_id

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


def new_request():
    request_id = get_id_manager().generate_id(IDType.REQUEST)
    return request_id
