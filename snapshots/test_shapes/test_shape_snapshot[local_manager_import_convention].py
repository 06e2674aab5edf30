# idmigrate snapshot: local_manager_import_convention (changed)
# findings:
#   8:23 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.USER)
#   12:12 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.SESSION)

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator


def start(raw):
    from netra_backend.app.core.unified_id_manager import UnifiedIDManager

    thread_id = UnifiedIDManager.generate_thread_id()
    return thread_id, UnifiedIdGenerator.generate_base_id("user")


def other():
    return UnifiedIdGenerator.generate_base_id("session")

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


def start(raw):
    from netra_backend.app.core.unified_id_manager import (
        UnifiedIDManager,
        IDType,
        get_id_manager,
    )

    thread_id = UnifiedIDManager.generate_thread_id()
    return thread_id, get_id_manager().generate_id(IDType.USER)


def other():
    return get_id_manager().generate_id(IDType.SESSION)
