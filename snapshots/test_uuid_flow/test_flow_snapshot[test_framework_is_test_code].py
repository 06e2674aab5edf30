# idmigrate snapshot: test_framework_is_test_code (changed)
# findings:
#   5:24 IDM201 format [test-ids] uuid4().hex[:8] (test)
#       why: the name 'user_id' says user
#       ->   get_id_manager().generate_id(IDType.USER)

# ------------------------------ before
import uuid


def make_user():
    return {"user_id": uuid.uuid4().hex[:8]}

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


def make_user():
    return {"user_id": get_id_manager().generate_id(IDType.USER)}
