# idmigrate snapshot: base_id_word_in_literal (changed)
# findings:
#   4:13 IDM003 format generate_base_id
#       -> get_id_manager().generate_id(IDType.USER, prefix="auth_user")
#   4:63 IDM003 format generate_base_id
#       -> get_id_manager().generate_id(IDType.REQUEST, prefix="ws_req")

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

def ids():
    return [UnifiedIdGenerator.generate_base_id("auth_user"), UnifiedIdGenerator.generate_base_id("ws_req")]

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager

def ids():
    return [
        get_id_manager().generate_id(IDType.USER, prefix="auth_user"),
        get_id_manager().generate_id(IDType.REQUEST, prefix="ws_req"),
    ]
