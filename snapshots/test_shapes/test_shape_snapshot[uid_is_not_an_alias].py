# idmigrate snapshot: uid_is_not_an_alias (changed)
# findings:
#   4:12 IDM004 format generate_base_id
#       -> get_id_manager().generate_id(IDType.EXECUTION, prefix="uid")

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

def unique():
    return UnifiedIdGenerator.generate_base_id("uid")

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager

def unique():
    return get_id_manager().generate_id(IDType.EXECUTION, prefix="uid")
