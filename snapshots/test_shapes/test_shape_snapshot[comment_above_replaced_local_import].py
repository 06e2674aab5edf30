# idmigrate snapshot: comment_above_replaced_local_import (changed)
# findings:
#   4:12 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.AGENT)

# ------------------------------ before
def make():
    # late import: circular dependency with the session registry
    from shared.id_generation import UnifiedIdGenerator
    return UnifiedIdGenerator.generate_base_id("agent")

# ------------------------------ after
def make():
    # late import: circular dependency with the session registry
    from netra_backend.app.core.unified_id_manager import IDType, get_id_manager
    return get_id_manager().generate_id(IDType.AGENT)
