# idmigrate snapshot: base_id_extra_args (changed)
# findings:
#   3:5 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.USER)
#   4:5 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.SESSION)
#   5:5 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.TRACE)

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

a = UnifiedIdGenerator.generate_base_id("user", include_random=False)
b = UnifiedIdGenerator.generate_base_id("session", random_length=8)
c = UnifiedIdGenerator.generate_base_id("trace", True, 8)

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager

a = get_id_manager().generate_id(IDType.USER)
b = get_id_manager().generate_id(IDType.SESSION)
c = get_id_manager().generate_id(IDType.TRACE)
