# idmigrate snapshot: alias_import (changed)
# findings:
#   5:12 IDM002 format generate_base_id
#       -> get_id_manager().generate_id(IDType.WEBSOCKET)

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator as IdGen


def new_ws(user_id):
    return IdGen.generate_base_id("ws")

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


def new_ws(user_id):
    return get_id_manager().generate_id(IDType.WEBSOCKET)
