# idmigrate snapshot: user_context_passed_on (unchanged)
# findings:
#   4:12 IDM012 manual generate_user_context_ids
#       -> thread_id = get_id_manager().generate_id(IDType.THREAD); run_id = UnifiedIDManager.generate_run_id(thread_id); ...

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

def ids(user_id):
    return UnifiedIdGenerator.generate_user_context_ids(user_id, "x")

# ------------------------------ after
from shared.id_generation import UnifiedIdGenerator

def ids(user_id):
    return UnifiedIdGenerator.generate_user_context_ids(user_id, "x")
