# idmigrate snapshot: user_context_tuple (changed)
# findings:
#   4:37 IDM010 format generate_user_context_ids
#       -> thread_id = get_id_manager().generate_id(IDType.THREAD)

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

def start(user_id):
    thread_id, run_id, request_id = UnifiedIdGenerator.generate_user_context_ids(user_id, "chat")  # ids
    return thread_id, run_id, request_id

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import (
    IDType,
    UnifiedIDManager,
    get_id_manager,
)

def start(user_id):
    thread_id = get_id_manager().generate_id(IDType.THREAD)
    run_id = UnifiedIDManager.generate_run_id(thread_id)
    request_id = get_id_manager().generate_id(IDType.REQUEST)  # ids
    return thread_id, run_id, request_id
