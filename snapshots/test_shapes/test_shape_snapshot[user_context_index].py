# idmigrate snapshot: user_context_index (changed)
# findings:
#   4:14 IDM011 format generate_user_context_ids
#       -> get_id_manager().generate_id(IDType.THREAD)
#   5:11 IDM011 format generate_user_context_ids
#       -> UnifiedIDManager.generate_run_id(get_id_manager().generate_id(IDType.THREAD))
#   6:11 IDM011 format generate_user_context_ids
#       -> get_id_manager().generate_id(IDType.REQUEST)

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

def pick(user_id):
    thread = UnifiedIdGenerator.generate_user_context_ids(user_id, "x")[0]
    run = UnifiedIdGenerator.generate_user_context_ids(user_id, "x")[1]
    req = UnifiedIdGenerator.generate_user_context_ids(user_id, "x")[-1]
    return thread, run, req

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import (
    IDType,
    UnifiedIDManager,
    get_id_manager,
)

def pick(user_id):
    thread = get_id_manager().generate_id(IDType.THREAD)
    run = UnifiedIDManager.generate_run_id(get_id_manager().generate_id(IDType.THREAD))
    req = get_id_manager().generate_id(IDType.REQUEST)
    return thread, run, req
