# idmigrate snapshot: user_context_keywords (changed)
# findings:
#   4:15 IDM010 format generate_user_context_ids
#       -> t = get_id_manager().generate_id(IDType.THREAD)

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

def start(user_id):
    t, r, q = UnifiedIdGenerator.generate_user_context_ids(user_id=user_id, operation="agent")
    return t, r, q

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import (
    IDType,
    UnifiedIDManager,
    get_id_manager,
)

def start(user_id):
    t = get_id_manager().generate_id(IDType.THREAD)
    r = UnifiedIDManager.generate_run_id(t)
    q = get_id_manager().generate_id(IDType.REQUEST)
    return t, r, q
