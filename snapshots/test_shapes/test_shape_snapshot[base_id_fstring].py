# idmigrate snapshot: base_id_fstring (changed)
# findings:
#   4:12 IDM005 format generate_base_id
#       -> get_id_manager().generate_id(IDType.THREAD, prefix=f"thread_{op}")
#   4:65 IDM005 format generate_base_id
#       -> get_id_manager().generate_id(IDType.EXECUTION, prefix=f"{user_id}_x")

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

def scoped(op, user_id):
    return UnifiedIdGenerator.generate_base_id(f"thread_{op}"), UnifiedIdGenerator.generate_base_id(f"{user_id}_x")

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager

def scoped(op, user_id):
    return get_id_manager().generate_id(
        IDType.THREAD, prefix=f"thread_{op}"
    ), get_id_manager().generate_id(IDType.EXECUTION, prefix=f"{user_id}_x")
