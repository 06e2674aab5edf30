# idmigrate snapshot: latent_run_pairs_with_thread (changed)
# findings:
#   4:17 IDM040 format generate_thread_id [latent fixed]
#       -> get_id_manager().generate_id(IDType.THREAD)
#   5:14 IDM041 format generate_run_id [latent fixed]
#       -> UnifiedIDManager.generate_run_id(thread_id)

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

def pair():
    thread_id = UnifiedIdGenerator.generate_thread_id()
    run_id = UnifiedIdGenerator.generate_run_id()
    return thread_id, run_id

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import (
    IDType,
    UnifiedIDManager,
    get_id_manager,
)

def pair():
    thread_id = get_id_manager().generate_id(IDType.THREAD)
    run_id = UnifiedIDManager.generate_run_id(thread_id)
    return thread_id, run_id
