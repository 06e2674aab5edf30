# idmigrate snapshot: base_id_multiline_call (changed)
# findings:
#   3:5 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.USER)

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

x = UnifiedIdGenerator.generate_base_id(
    "user",
    include_random=True,
)

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager

x = get_id_manager().generate_id(
    IDType.USER,
)
