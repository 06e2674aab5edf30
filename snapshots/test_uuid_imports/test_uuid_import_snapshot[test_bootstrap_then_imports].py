# idmigrate snapshot: test_bootstrap_then_imports (changed)
# findings:
#   11:15 IDM201 format [test-ids] uuid4().hex[:8] (test)
#       why: the name 'user_id' says user
#       ->   get_id_manager().generate_id(IDType.USER)

# ------------------------------ before
import os
import sys
import uuid

sys.path.insert(0, os.path.dirname(os.path.dirname(__file__)))

from netra_backend.app.services import store  # noqa: E402


def test_lookup_misses():
    user_id = uuid.uuid4().hex[:8]
    assert store.get(user_id) is None

# ------------------------------ after
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(__file__)))

from netra_backend.app.services import store  # noqa: E402
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager  # noqa: E402


def test_lookup_misses():
    user_id = get_id_manager().generate_id(IDType.USER)
    assert store.get(user_id) is None
