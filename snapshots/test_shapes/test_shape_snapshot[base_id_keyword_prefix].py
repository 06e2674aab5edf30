# idmigrate snapshot: base_id_keyword_prefix (changed)
# findings:
#   3:10 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.THREAD)

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

THREAD = UnifiedIdGenerator.generate_base_id(prefix="thread")

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager

THREAD = get_id_manager().generate_id(IDType.THREAD)
