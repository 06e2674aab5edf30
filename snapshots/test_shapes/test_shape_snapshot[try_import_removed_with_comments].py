# idmigrate snapshot: try_import_removed_with_comments (changed)
# findings:
#   15:12 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.USER)

# ------------------------------ before
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager

# optional IDs
try:
    # the package path
    from shared.id_generation import UnifiedIdGenerator
except ImportError:  # old layout
    # the module path
    from shared.id_generation.unified_id_generator import UnifiedIdGenerator

LIMIT = 1


def make():
    return UnifiedIdGenerator.generate_base_id("user")

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager

# optional IDs
# the package path
# the module path

LIMIT = 1


def make():
    return get_id_manager().generate_id(IDType.USER)
