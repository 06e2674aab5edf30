# idmigrate snapshot: name_clash (unchanged)
# findings:
#   8:12 IDM091 manual generate_base_id
#       -> get_id_manager().generate_id(IDType.USER)

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

class IDType:
    pass


def make():
    return UnifiedIdGenerator.generate_base_id("user")

# ------------------------------ after
from shared.id_generation import UnifiedIdGenerator

class IDType:
    pass


def make():
    return UnifiedIdGenerator.generate_base_id("user")
