# idmigrate snapshot: latent_run_from_parameter (changed)
# findings:
#   4:12 IDM041 format generate_run_id [latent fixed]
#       -> UnifiedIDManager.generate_run_id(thread_id)

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

def resume(thread_id):
    return UnifiedIdGenerator.generate_run_id()

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import UnifiedIDManager

def resume(thread_id):
    return UnifiedIDManager.generate_run_id(thread_id)
