# idmigrate snapshot: try_import_in_function (changed)
# findings:
#   6:12 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.AGENT)

# ------------------------------ before
def make():
    try:
        from shared.id_generation import UnifiedIdGenerator
    except ImportError:
        return None
    return UnifiedIdGenerator.generate_base_id("agent")

# ------------------------------ after
def make():
    try:
        from netra_backend.app.core.unified_id_manager import IDType, get_id_manager
    except ImportError:
        return None
    return get_id_manager().generate_id(IDType.AGENT)
