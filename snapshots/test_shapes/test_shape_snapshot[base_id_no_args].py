# idmigrate snapshot: base_id_no_args (changed)
# findings:
#   3:7 IDM004 format generate_base_id
#       -> get_id_manager().generate_id(IDType.EXECUTION, prefix="id")

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

ANY = UnifiedIdGenerator.generate_base_id()

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager

ANY = get_id_manager().generate_id(IDType.EXECUTION, prefix="id")
