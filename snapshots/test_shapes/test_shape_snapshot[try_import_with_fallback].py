# idmigrate snapshot: try_import_with_fallback (changed)
# findings:
#   9:12 IDM004 format generate_base_id
#       -> get_id_manager().generate_id(IDType.EXECUTION, prefix="export")

# ------------------------------ before
try:
    from shared.id_generation import UnifiedIdGenerator
    IDS_AVAILABLE = True
except ImportError:  # the exporter also runs from a bare checkout
    IDS_AVAILABLE = False


def export_id():
    return UnifiedIdGenerator.generate_base_id("export") if IDS_AVAILABLE else "export_local"

# ------------------------------ after
try:
    from netra_backend.app.core.unified_id_manager import IDType, get_id_manager
    IDS_AVAILABLE = True
except ImportError:  # the exporter also runs from a bare checkout
    IDS_AVAILABLE = False


def export_id():
    return (
        get_id_manager().generate_id(IDType.EXECUTION, prefix="export")
        if IDS_AVAILABLE
        else "export_local"
    )
