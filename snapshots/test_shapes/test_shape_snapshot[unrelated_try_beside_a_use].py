# idmigrate snapshot: unrelated_try_beside_a_use (changed)
# findings:
#   8:29 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.USER)

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

def load(raw):
    try:
        import orjson as json
    except ImportError:  # the import fixes skip this try: it names nothing they remove
        import json
    return json.loads(raw), UnifiedIdGenerator.generate_base_id("user")

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager

def load(raw):
    try:
        import orjson as json
    except ImportError:  # the import fixes skip this try: it names nothing they remove
        import json
    return json.loads(raw), get_id_manager().generate_id(IDType.USER)
