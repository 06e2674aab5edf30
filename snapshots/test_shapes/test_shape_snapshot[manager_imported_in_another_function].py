# idmigrate snapshot: manager_imported_in_another_function (changed)
# findings:
#   11:12 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.USER)

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator


def describe(kind):
    from netra_backend.app.core.unified_id_manager import IDType

    return IDType(kind).name


def make():
    return UnifiedIdGenerator.generate_base_id("user")

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


def describe(kind):
    from netra_backend.app.core.unified_id_manager import IDType

    return IDType(kind).name


def make():
    return get_id_manager().generate_id(IDType.USER)
