# idmigrate snapshot: instance_handed_on (unchanged)
# findings:
#   5:19 IDM080 manual UnifiedIdGenerator()
#       -> get_id_manager()
#   9:12 IDM080 manual UnifiedIdGenerator()
#       -> get_id_manager()

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

from services import Service

service = Service(UnifiedIdGenerator())


def make():
    return UnifiedIdGenerator()

# ------------------------------ after
from shared.id_generation import UnifiedIdGenerator

from services import Service

service = Service(UnifiedIdGenerator())


def make():
    return UnifiedIdGenerator()
