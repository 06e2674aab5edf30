# idmigrate snapshot: id_checked_by_a_member_without_rule (changed)
# findings:
#   9:25 IDM014 manual generate_websocket_connection_id
#       -> get_id_manager().generate_websocket_connection_id(user_id)
#   11:21 IDM021 format generate_websocket_client_id
#       -> get_id_manager().generate_id(IDType.WEBSOCKET, prefix=f"ws_client_{user_id[:8]}")
#   15:53 IDM053 manual ids_match_for_cleanup
#       -> [tool.idmigrate.members.ids_match_for_cleanup] with a kind, or counterpart = "<manager member>"
#   19:13 IDM014 manual generate_base_id
#       -> get_id_manager().generate_id(IDType.WEBSOCKET)
#   20:14 IDM014 manual generate_base_id
#       -> get_id_manager().generate_id(IDType.WEBSOCKET)
#   21:12 IDM053 manual ids_match_for_cleanup
#       -> [tool.idmigrate.members.ids_match_for_cleanup] with a kind, or counterpart = "<manager member>"
#   25:12 IDM053 manual extract_pattern_info
#       -> [tool.idmigrate.members.extract_pattern_info] with a kind, or counterpart = "<manager member>"
#   26:16 IDM014 manual generate_base_id
#       -> get_id_manager().generate_id(IDType.TRACE)

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator


class Registry:
    def __init__(self):
        self._connections = {}

    def open(self, user_id):
        connection_id = UnifiedIdGenerator.generate_websocket_connection_id(user_id)
        self._connections[connection_id] = user_id
        client_id = UnifiedIdGenerator.generate_websocket_client_id(user_id)
        return connection_id, client_id

    def close_like(self, pattern_id):
        return [cid for cid in self._connections if UnifiedIdGenerator.ids_match_for_cleanup(cid, pattern_id)]


def same_user(user_id):
    first = UnifiedIdGenerator.generate_base_id("ws")
    second = UnifiedIdGenerator.generate_base_id("ws")
    return UnifiedIdGenerator.ids_match_for_cleanup(first, second)


def described(id_value):
    info = UnifiedIdGenerator.extract_pattern_info(id_value)
    id_value = UnifiedIdGenerator.generate_base_id("trace")
    return info, id_value

# ------------------------------ after
from shared.id_generation import UnifiedIdGenerator
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


class Registry:
    def __init__(self):
        self._connections = {}

    def open(self, user_id):
        connection_id = UnifiedIdGenerator.generate_websocket_connection_id(user_id)
        self._connections[connection_id] = user_id
        client_id = get_id_manager().generate_id(
            IDType.WEBSOCKET, prefix=f"ws_client_{user_id[:8]}"
        )
        return connection_id, client_id

    def close_like(self, pattern_id):
        return [cid for cid in self._connections if UnifiedIdGenerator.ids_match_for_cleanup(cid, pattern_id)]


def same_user(user_id):
    first = UnifiedIdGenerator.generate_base_id("ws")
    second = UnifiedIdGenerator.generate_base_id("ws")
    return UnifiedIdGenerator.ids_match_for_cleanup(first, second)


def described(id_value):
    info = UnifiedIdGenerator.extract_pattern_info(id_value)
    id_value = UnifiedIdGenerator.generate_base_id("trace")
    return info, id_value
