# idmigrate snapshot: base_id_alias (changed)
# findings:
#   4:12 IDM002 format generate_base_id
#       -> get_id_manager().generate_id(IDType.REQUEST)

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

def request_id():
    return UnifiedIdGenerator.generate_base_id("req")

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager

def request_id():
    return get_id_manager().generate_id(IDType.REQUEST)
