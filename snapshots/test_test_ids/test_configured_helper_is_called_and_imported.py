# idmigrate snapshot: helper (changed)
# findings:
#   6:15 IDM203 format [test-ids] test_id_helper
#       why: the name 'user_id' says user; calls the configured test_id_helper new_test_id()
#       ->   new_test_id(IDType.USER)
#   7:18 IDM203 format [test-ids] test_id_helper
#       why: the name 'request_id' says request; calls the configured test_id_helper new_test_id()
#       ->   new_test_id(IDType.REQUEST)
#   8:9 IDM203 format [test-ids] test_id_helper
#       why: nothing names the ID: the fallback type; calls the configured test_id_helper new_test_id()
#       ->   new_test_id(IDType.EXECUTION)

# ------------------------------ before
import uuid
from uuid import uuid4


def test_user_flow(service):
    user_id = uuid.uuid4().hex[:8]
    request_id = str(uuid.uuid4())[:8]
    x = uuid4().hex
    assert service.handle(user_id, request_id, x)

# ------------------------------ after
from test_framework.ids import new_test_id
from netra_backend.app.core.unified_id_manager import IDType


def test_user_flow(service):
    user_id = new_test_id(IDType.USER)
    request_id = new_test_id(IDType.REQUEST)
    x = new_test_id(IDType.EXECUTION)
    assert service.handle(user_id, request_id, x)
