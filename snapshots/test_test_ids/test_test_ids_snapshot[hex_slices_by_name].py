# idmigrate snapshot: hex_slices_by_name (changed)
# findings:
#   6:15 IDM201 format [test-ids] uuid4().hex[:8] (test)
#       why: the name 'user_id' says user
#       ->   get_id_manager().generate_id(IDType.USER)
#   7:18 IDM201 format [test-ids] uuid4().hex[:8] (test)
#       why: the name 'request_id' says request
#       ->   get_id_manager().generate_id(IDType.REQUEST)
#   8:9 IDM201 format [test-ids] uuid4().hex[:8] (test)
#       why: nothing names the ID: the fallback type
#       ->   get_id_manager().generate_id(IDType.EXECUTION)

# ------------------------------ before
import uuid
from uuid import uuid4


def test_user_flow(service):
    user_id = uuid.uuid4().hex[:8]
    request_id = str(uuid.uuid4())[:8]
    x = uuid4().hex
    assert service.handle(user_id, request_id, x)

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


def test_user_flow(service):
    user_id = get_id_manager().generate_id(IDType.USER)
    request_id = get_id_manager().generate_id(IDType.REQUEST)
    x = get_id_manager().generate_id(IDType.EXECUTION)
    assert service.handle(user_id, request_id, x)
