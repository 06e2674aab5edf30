# idmigrate snapshot: instance_dead_module_name (changed)
# findings:
#   3:8 IDM081 format UnifiedIdGenerator()
#       -> (assignment removed)
#   7:12 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.TRACE)

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

_gen = UnifiedIdGenerator()


def trace_id():
    return _gen.generate_base_id("trace")

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


def trace_id():
    return get_id_manager().generate_id(IDType.TRACE)
