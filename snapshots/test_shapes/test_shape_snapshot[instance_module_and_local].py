# idmigrate snapshot: instance_module_and_local (changed)
# findings:
#   3:8 IDM081 format UnifiedIdGenerator()
#       -> (assignment removed)
#   7:12 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.TRACE)
#   11:11 IDM081 format UnifiedIdGenerator()
#       -> (assignment removed)
#   12:12 IDM024 format generate_session_id
#       -> get_id_manager().generate_id(IDType.SESSION, prefix="session_web_u1")

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

_gen = UnifiedIdGenerator()


def module_level():
    return _gen.generate_base_id("trace")


def local():
    gen = UnifiedIdGenerator()
    return gen.generate_session_id("u1")

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


def module_level():
    return get_id_manager().generate_id(IDType.TRACE)


def local():
    return get_id_manager().generate_id(IDType.SESSION, prefix="session_web_u1")
