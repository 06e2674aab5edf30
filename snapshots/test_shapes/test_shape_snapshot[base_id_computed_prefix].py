# idmigrate snapshot: base_id_computed_prefix (unchanged)
# findings:
#   4:12 IDM006 manual generate_base_id
#       -> get_id_manager().generate_id(IDType.<TYPE>, prefix=kind)
#   4:55 IDM006 manual generate_base_id
#       -> get_id_manager().generate_id(IDType.<TYPE>, prefix=kind.lower())

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

def make(kind):
    return UnifiedIdGenerator.generate_base_id(kind), UnifiedIdGenerator.generate_base_id(kind.lower())

# ------------------------------ after
from shared.id_generation import UnifiedIdGenerator

def make(kind):
    return UnifiedIdGenerator.generate_base_id(kind), UnifiedIdGenerator.generate_base_id(kind.lower())
