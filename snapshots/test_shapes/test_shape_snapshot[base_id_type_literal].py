# idmigrate snapshot: base_id_type_literal (changed)
# findings:
#   4:12 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.USER)

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

def new_user():
    return UnifiedIdGenerator.generate_base_id("user")

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager

def new_user():
    return get_id_manager().generate_id(IDType.USER)
