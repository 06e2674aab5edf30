# idmigrate snapshot: latent_members_mapped (changed)
# findings:
#   5:9 IDM040 format generate_thread_id [latent fixed]
#       -> get_id_manager().generate_id(IDType.THREAD)
#   6:9 IDM042 format generate_user_id [latent fixed]
#       -> get_id_manager().generate_id(IDType.USER)
#   7:9 IDM043 format generate_request_id [latent fixed]
#       -> get_id_manager().generate_id(IDType.REQUEST)
#   8:9 IDM044 format generate_execution_id [latent fixed]
#       -> get_id_manager().generate_id(IDType.EXECUTION)
#   9:9 IDM041 format generate_run_id [latent fixed]
#       -> UnifiedIDManager.generate_run_id(thread_id)
#   10:9 IDM045 format generate_id [latent fixed]
#       -> get_id_manager().generate_id(IDType.USER)
#   11:9 IDM040 format generate_thread_id [latent fixed]
#       -> get_id_manager().generate_id(IDType.THREAD)

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

def latent(thread_id):
    return [
        UnifiedIdGenerator.generate_thread_id(),
        UnifiedIdGenerator.generate_user_id(),
        UnifiedIdGenerator.generate_request_id(),
        UnifiedIdGenerator.generate_execution_id(),
        UnifiedIdGenerator.generate_run_id(thread_id),
        UnifiedIdGenerator.generate_id("user"),
        UnifiedIdGenerator.generate_thread_id(format="short"),
    ]

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import (
    IDType,
    UnifiedIDManager,
    get_id_manager,
)

def latent(thread_id):
    return [
        get_id_manager().generate_id(IDType.THREAD),
        get_id_manager().generate_id(IDType.USER),
        get_id_manager().generate_id(IDType.REQUEST),
        get_id_manager().generate_id(IDType.EXECUTION),
        UnifiedIDManager.generate_run_id(thread_id),
        get_id_manager().generate_id(IDType.USER),
        get_id_manager().generate_id(IDType.THREAD),
    ]
