# idmigrate snapshot: comment_above_removed_local_import (changed)
# findings:
#   9:19 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.AGENT)

# ------------------------------ before
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


def make(kind):
    label = kind.lower()
    # imported here: the generator module pulls in the database layer
    from shared.id_generation import UnifiedIdGenerator

    return label, UnifiedIdGenerator.generate_base_id("agent"), get_id_manager()

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


def make(kind):
    label = kind.lower()
    # imported here: the generator module pulls in the database layer

    return label, get_id_manager().generate_id(IDType.AGENT), get_id_manager()
