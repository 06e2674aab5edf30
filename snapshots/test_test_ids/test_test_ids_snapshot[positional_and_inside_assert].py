# idmigrate snapshot: positional_and_inside_assert (changed)
# findings:
#   5:20 IDM201 format [test-ids] uuid4().hex[:8] (test)
#       why: nothing names the ID: the fallback type
#       ->   get_id_manager().generate_id(IDType.EXECUTION)
#   6:22 IDM201 format [test-ids] uuid4().hex[:8] (test)
#       why: nothing names the ID: the fallback type
#       ->   get_id_manager().generate_id(IDType.EXECUTION)

# ------------------------------ before
import uuid


def test_lookup_misses(store):
    store.remember(uuid.uuid4().hex[:8])
    assert store.get(uuid.uuid4().hex) is None

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


def test_lookup_misses(store):
    store.remember(get_id_manager().generate_id(IDType.EXECUTION))
    assert store.get(get_id_manager().generate_id(IDType.EXECUTION)) is None
