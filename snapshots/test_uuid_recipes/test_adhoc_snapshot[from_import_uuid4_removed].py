# idmigrate snapshot: from_import_uuid4_removed (changed)
# findings:
#   5:18 IDM103 format [adhoc-ids] str(uuid4()) -> *_id
#       why: the name 'session_id' says session
#       ->   get_id_manager().generate_id(IDType.SESSION)

# ------------------------------ before
from uuid import uuid4


def new_session():
    session_id = uuid4().hex
    return session_id

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


def new_session():
    session_id = get_id_manager().generate_id(IDType.SESSION)
    return session_id
