# idmigrate snapshot: base_id_more_random (changed)
# findings:
#   3:5 IDM019 manual generate_base_id
#       -> keep the generator call, or use secrets.token_hex(n) if the ID must be unguessable
#   4:5 IDM019 manual generate_base_id
#       -> keep the generator call, or use secrets.token_hex(n) if the ID must be unguessable
#   5:5 IDM019 manual generate_base_id
#       -> keep the generator call, or use secrets.token_hex(n) if the ID must be unguessable
#   6:5 IDM004 format generate_base_id
#       -> get_id_manager().generate_id(IDType.EXECUTION, prefix="job")

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

a = UnifiedIdGenerator.generate_base_id("job", random_length=16)
b = UnifiedIdGenerator.generate_base_id("user", True, 32)
c = UnifiedIdGenerator.generate_base_id("job", random_length=size)
d = UnifiedIdGenerator.generate_base_id("job", random_length=4)

# ------------------------------ after
from shared.id_generation import UnifiedIdGenerator
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager

a = UnifiedIdGenerator.generate_base_id("job", random_length=16)
b = UnifiedIdGenerator.generate_base_id("user", True, 32)
c = UnifiedIdGenerator.generate_base_id("job", random_length=size)
d = get_id_manager().generate_id(IDType.EXECUTION, prefix="job")
