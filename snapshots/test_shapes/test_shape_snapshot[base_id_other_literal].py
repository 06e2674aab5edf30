# idmigrate snapshot: base_id_other_literal (changed)
# findings:
#   4:12 IDM004 format generate_base_id
#       -> get_id_manager().generate_id(IDType.EXECUTION, prefix="audit")

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

def audit():
    return UnifiedIdGenerator.generate_base_id("audit")

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager

def audit():
    return get_id_manager().generate_id(IDType.EXECUTION, prefix="audit")
