# idmigrate snapshot: run_id_beside_thread_parameter (changed)
# findings:
#   4:24 IDM008 format generate_base_id
#       -> UnifiedIDManager.generate_run_id(thread_id)

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

def start_run(user_id, thread_id, run_id=None):
    run_id = run_id or UnifiedIdGenerator.generate_base_id("run")
    return run_id

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import UnifiedIDManager

def start_run(user_id, thread_id, run_id=None):
    run_id = run_id or UnifiedIDManager.generate_run_id(thread_id)
    return run_id
