# idmigrate snapshot: subclass_and_isinstance (unchanged)
# findings:
#   3:17 IDM072 manual class LegacyIds
#       -> wrap get_id_manager() instead of subclassing
#   8:26 IDM073 manual UnifiedIdGenerator
#       -> UnifiedIDManager

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

class LegacyIds(UnifiedIdGenerator):
    pass


def check(x) -> bool:
    return isinstance(x, UnifiedIdGenerator)

# ------------------------------ after
from shared.id_generation import UnifiedIdGenerator

class LegacyIds(UnifiedIdGenerator):
    pass


def check(x) -> bool:
    return isinstance(x, UnifiedIdGenerator)
