# idmigrate snapshot: id_text_read_nearby (changed)
# findings:
#   4:18 IDM001 format generate_base_id
#       -> get_id_manager().generate_id(IDType.SESSION)

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

def session_parts():
    session_id = UnifiedIdGenerator.generate_base_id("session")
    kind = session_id.split("_")[0]
    return session_id, kind

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager

def session_parts():
    session_id = get_id_manager().generate_id(IDType.SESSION)
    kind = session_id.split("_")[0]
    return session_id, kind
