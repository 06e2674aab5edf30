# idmigrate snapshot: base_id_secret_names (changed)
# findings:
#   3:5 IDM019 manual generate_base_id
#       -> keep the generator call, or use secrets.token_hex(n) if the ID must be unguessable
#   4:5 IDM005 format generate_base_id
#       -> get_id_manager().generate_id(IDType.EXECUTION, prefix=f"csrf_{user_id}")
#   5:11 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.USER)
#   6:16 IDM004 format generate_base_id
#       -> get_id_manager().generate_id(IDType.EXECUTION, prefix="job")
#   7:5 IDM004 format generate_base_id
#       -> get_id_manager().generate_id(IDType.EXECUTION, prefix="jti")
#   8:14 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.SESSION)

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

a = UnifiedIdGenerator.generate_base_id("token", random_length=16)
b = UnifiedIdGenerator.generate_base_id(f"csrf_{user_id}")
api_key = UnifiedIdGenerator.generate_base_id("user")
c = make(nonce=UnifiedIdGenerator.generate_base_id("job"))
e = UnifiedIdGenerator.generate_base_id("jti")
session_id = UnifiedIdGenerator.generate_base_id("session")

# ------------------------------ after
from shared.id_generation import UnifiedIdGenerator
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager

a = UnifiedIdGenerator.generate_base_id("token", random_length=16)
b = get_id_manager().generate_id(IDType.EXECUTION, prefix=f"csrf_{user_id}")
api_key = get_id_manager().generate_id(IDType.USER)
c = make(nonce=get_id_manager().generate_id(IDType.EXECUTION, prefix="job"))
e = get_id_manager().generate_id(IDType.EXECUTION, prefix="jti")
session_id = get_id_manager().generate_id(IDType.SESSION)
