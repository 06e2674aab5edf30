# idmigrate snapshot: prefixed_identifiers (changed)
# findings:
#   5:17 IDM202 format [test-ids] f"<prefix>_{uuid4().hex[:8]}" (test)
#       why: the name 'thread_id' says thread; prefix 'test_thread' kept
#       ->   get_id_manager().generate_id(IDType.THREAD, prefix="test_thread")
#   6:11 IDM202 format [test-ids] f"<prefix>_{uuid4().hex[:8]}" (test)
#       why: prefix 'org' names no type: the fallback type, prefix kept
#       ->   get_id_manager().generate_id(IDType.EXECUTION, prefix="org")
#   7:16 IDM202 format [test-ids] f"<prefix>_{uuid4().hex[:8]}" (test)
#       why: the f-string prefix names no type: the fallback type
#       ->   get_id_manager().generate_id(IDType.EXECUTION, prefix=f"{store.name}")

# ------------------------------ before
import uuid


def test_threads(store):
    thread_id = f"test_thread_{uuid.uuid4().hex[:8]}"
    org = "org_" + uuid.uuid4().hex[:6]
    label_id = f"{store.name}_{uuid.uuid4().hex[:6]}"
    assert store.get(thread_id, org, label_id) is None

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


def test_threads(store):
    thread_id = get_id_manager().generate_id(IDType.THREAD, prefix="test_thread")
    org = get_id_manager().generate_id(IDType.EXECUTION, prefix="org")
    label_id = get_id_manager().generate_id(IDType.EXECUTION, prefix=f"{store.name}")
    assert store.get(thread_id, org, label_id) is None
