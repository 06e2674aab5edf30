# idmigrate snapshot: latent_members_manual (unchanged)
# findings:
#   5:9 IDM052 manual generate_run_id [latent open]
#       -> UnifiedIDManager.generate_run_id(thread_id)
#   6:9 IDM052 manual generate_run_id [latent open]
#       -> see the member's row
#   7:9 IDM050 manual generate_task_id [latent open]
#       -> get_id_manager().generate_id(IDType.EXECUTION, prefix="task")
#   8:9 IDM051 manual generate_connection_id [latent open]
#       -> get_id_manager().generate_id(IDType.WEBSOCKET, context={...})
#   9:9 IDM052 manual generate_id [latent open]
#       -> get_id_manager().generate_id(IDType.<TYPE>, prefix=...)

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

def latent(user_id, op):
    return [
        UnifiedIdGenerator.generate_run_id(),
        UnifiedIdGenerator.generate_run_id(user_id, op),
        UnifiedIdGenerator.generate_task_id(),
        UnifiedIdGenerator.generate_connection_id(user_id),
        UnifiedIdGenerator.generate_id("message"),
    ]

# ------------------------------ after
from shared.id_generation import UnifiedIdGenerator

def latent(user_id, op):
    return [
        UnifiedIdGenerator.generate_run_id(),
        UnifiedIdGenerator.generate_run_id(user_id, op),
        UnifiedIdGenerator.generate_task_id(),
        UnifiedIdGenerator.generate_connection_id(user_id),
        UnifiedIdGenerator.generate_id("message"),
    ]
