# idmigrate snapshot: reference_passed_on (unchanged)
# findings:
#   4:15 IDM074 manual generate_base_id
#       -> lambda: get_id_manager().generate_id(IDType.<TYPE>)

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

def register(registry):
    factory = UnifiedIdGenerator.generate_base_id
    registry.add(factory)

# ------------------------------ after
from shared.id_generation import UnifiedIdGenerator

def register(registry):
    factory = UnifiedIdGenerator.generate_base_id
    registry.add(factory)
