# idmigrate snapshot: module_path_import (changed)
# findings:
#   6:12 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.USER)
#   6:61 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.TOOL)

# ------------------------------ before
import shared.id_generation.unified_id_generator as uig
from shared.id_generation.unified_id_generator import UnifiedIdGenerator


def both():
    return uig.UnifiedIdGenerator.generate_base_id("user"), UnifiedIdGenerator.generate_base_id("tool")

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


def both():
    return get_id_manager().generate_id(IDType.USER), get_id_manager().generate_id(
        IDType.TOOL
    )
