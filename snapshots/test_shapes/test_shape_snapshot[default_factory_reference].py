# idmigrate snapshot: default_factory_reference (changed)
# findings:
#   8:44 IDM075 format generate_base_id
#       -> lambda: get_id_manager().generate_id(IDType.EXECUTION, prefix="id")
#   9:37 IDM004 format generate_base_id
#       -> get_id_manager().generate_id(IDType.EXECUTION, prefix="job")

# ------------------------------ before
from dataclasses import dataclass, field

from shared.id_generation import UnifiedIdGenerator


@dataclass
class Record:
    record_id: str = field(default_factory=UnifiedIdGenerator.generate_base_id)
    make_job = staticmethod(lambda: UnifiedIdGenerator.generate_base_id("job"))

# ------------------------------ after
from dataclasses import dataclass, field

from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


@dataclass
class Record:
    record_id: str = field(
        default_factory=lambda: get_id_manager().generate_id(
            IDType.EXECUTION, prefix="id"
        )
    )
    make_job = staticmethod(
        lambda: get_id_manager().generate_id(IDType.EXECUTION, prefix="job")
    )
