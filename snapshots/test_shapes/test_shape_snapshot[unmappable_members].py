# idmigrate snapshot: unmappable_members (unchanged)
# findings:
#   4:13 IDM060 manual parse_id
#       -> UnifiedIDManager.parse_run_id(...) for run IDs, or drop the parsing
#   5:11 IDM061 manual get_id_age
#       -> store the creation time next to the ID
#   6:15 IDM062 manual get_or_create_user_session
#       -> keep sessions in the service's own session store
#   7:17 IDM062 manual _active_sessions
#       -> keep sessions in the service's own session store

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

def legacy(s, user_id):
    parts = UnifiedIdGenerator.parse_id(s)
    age = UnifiedIdGenerator.get_id_age(s)
    session = UnifiedIdGenerator.get_or_create_user_session(user_id)
    count = len(UnifiedIdGenerator._active_sessions)
    return parts, age, session, count

# ------------------------------ after
from shared.id_generation import UnifiedIdGenerator

def legacy(s, user_id):
    parts = UnifiedIdGenerator.parse_id(s)
    age = UnifiedIdGenerator.get_id_age(s)
    session = UnifiedIdGenerator.get_or_create_user_session(user_id)
    count = len(UnifiedIdGenerator._active_sessions)
    return parts, age, session, count
