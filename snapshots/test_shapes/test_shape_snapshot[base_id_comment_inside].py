# idmigrate snapshot: base_id_comment_inside (changed)
# findings:
#   3:5 IDM017 format generate_base_id
#       -> get_id_manager().generate_id(IDType.USER)

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

x = UnifiedIdGenerator.generate_base_id(
    "user",  # the account id
)

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager

# the account id
x = get_id_manager().generate_id(
    IDType.USER,
)
