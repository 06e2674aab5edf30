# idmigrate snapshot: manager_only_under_type_checking (changed)
# findings:
#   10:12 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.USER)

# ------------------------------ before
from typing import TYPE_CHECKING

from shared.id_generation import UnifiedIdGenerator

if TYPE_CHECKING:
    from netra_backend.app.core.unified_id_manager import IDType


def make() -> str:
    return UnifiedIdGenerator.generate_base_id("user")

# ------------------------------ after
from typing import TYPE_CHECKING

from netra_backend.app.core.unified_id_manager import IDType, get_id_manager

if TYPE_CHECKING:
    from netra_backend.app.core.unified_id_manager import IDType


def make() -> str:
    return get_id_manager().generate_id(IDType.USER)
