# idmigrate snapshot: user_context_placeholders (changed)
# findings:
#   4:28 IDM010 format generate_user_context_ids
#       -> thread_id = get_id_manager().generate_id(IDType.THREAD)
#   5:22 IDM010 format generate_user_context_ids
#       -> only_run = UnifiedIDManager.generate_run_id(get_id_manager().generate_id(IDType.THREAD))

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

def start(user_id):
    thread_id, run_id, _ = UnifiedIdGenerator.generate_user_context_ids(user_id, "chat")
    _, only_run, _ = UnifiedIdGenerator.generate_user_context_ids(user_id)
    return thread_id, run_id, only_run

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import (
    IDType,
    UnifiedIDManager,
    get_id_manager,
)

def start(user_id):
    thread_id = get_id_manager().generate_id(IDType.THREAD)
    run_id = UnifiedIDManager.generate_run_id(thread_id)
    only_run = UnifiedIDManager.generate_run_id(
        get_id_manager().generate_id(IDType.THREAD)
    )
    return thread_id, run_id, only_run
