# idmigrate snapshot: run_id_sibling_thread_keyword (changed)
# findings:
#   4:63 IDM008 format generate_base_id
#       -> UnifiedIDManager.generate_run_id(t)

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

def context_for(user_id, t, run_id=None):
    return Ctx(user_id=user_id, thread_id=t, run_id=run_id or UnifiedIdGenerator.generate_base_id("run"))

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import UnifiedIDManager

def context_for(user_id, t, run_id=None):
    return Ctx(
        user_id=user_id,
        thread_id=t,
        run_id=run_id or UnifiedIDManager.generate_run_id(t),
    )
