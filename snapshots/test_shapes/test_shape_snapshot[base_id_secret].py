# idmigrate snapshot: base_id_secret (changed)
# findings:
#   3:5 IDM019 manual generate_base_id
#       -> keep the generator call, or use secrets.token_hex(n) if the ID must be unguessable
#   4:5 IDM029 manual generate_base_id
#       -> use secrets.token_urlsafe() (or keep the call)
#   5:11 IDM029 manual generate_base_id
#       -> use secrets.token_urlsafe() (or keep the call)
#   6:16 IDM029 manual generate_base_id
#       -> use secrets.token_urlsafe() (or keep the call)
#   7:5 IDM029 manual generate_base_id
#       -> use secrets.token_urlsafe() (or keep the call)
#   8:5 IDM029 manual generate_base_id
#       -> use secrets.token_urlsafe() (or keep the call)
#   9:14 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.SESSION)

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

a = UnifiedIdGenerator.generate_base_id("token", random_length=16)
b = UnifiedIdGenerator.generate_base_id(f"csrf_{user_id}")
api_key = UnifiedIdGenerator.generate_base_id("user")
c = make(nonce=UnifiedIdGenerator.generate_base_id("job"))
d = UnifiedIdGenerator.generate_base_id("session_key")
e = UnifiedIdGenerator.generate_base_id("jti")
session_id = UnifiedIdGenerator.generate_base_id("session")

# ------------------------------ after
from shared.id_generation import UnifiedIdGenerator
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager

a = UnifiedIdGenerator.generate_base_id("token", random_length=16)
b = UnifiedIdGenerator.generate_base_id(f"csrf_{user_id}")
api_key = UnifiedIdGenerator.generate_base_id("user")
c = make(nonce=UnifiedIdGenerator.generate_base_id("job"))
d = UnifiedIdGenerator.generate_base_id("session_key")
e = UnifiedIdGenerator.generate_base_id("jti")
session_id = get_id_manager().generate_id(IDType.SESSION)
