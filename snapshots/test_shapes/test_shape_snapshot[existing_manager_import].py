# idmigrate snapshot: existing_manager_import (changed)
# findings:
#   6:51 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.USER)

# ------------------------------ before
from netra_backend.app.core.unified_id_manager import UnifiedIDManager
from shared.id_generation import UnifiedIdGenerator


def pair():
    return UnifiedIDManager.generate_thread_id(), UnifiedIdGenerator.generate_base_id("user")

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import UnifiedIDManager
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


def pair():
    return UnifiedIDManager.generate_thread_id(), get_id_manager().generate_id(
        IDType.USER
    )
