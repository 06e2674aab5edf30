# idmigrate snapshot: role_members (changed)
# findings:
#   5:9 IDM020 format generate_websocket_connection_id
#       -> get_id_manager().generate_id(IDType.WEBSOCKET, prefix=f"ws_conn_{user_id[:8]}")
#   6:9 IDM021 format generate_websocket_client_id
#       -> get_id_manager().generate_id(IDType.WEBSOCKET, prefix=f"ws_client_{user_id[:8]}")
#   7:9 IDM022 format generate_agent_execution_id
#       -> get_id_manager().generate_id(IDType.AGENT, prefix=f"agent_{agent_type}_{user_id[:8]}")
#   8:9 IDM023 format generate_tool_execution_id
#       -> get_id_manager().generate_id(IDType.TOOL, prefix=f"tool_{tool}")
#   9:9 IDM024 format generate_session_id
#       -> get_id_manager().generate_id(IDType.SESSION, prefix=f"session_api_{user_id[:8]}")
#   10:9 IDM025 format generate_message_id
#       -> get_id_manager().generate_id(IDType.EXECUTION, prefix=f"msg_chat_{user_id[:8]}")
#   11:9 IDM026 format generate_error_context_id
#       -> get_id_manager().generate_id(IDType.TRACE, prefix=f"error_db_{user_id[:8]}")

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

def all_roles(user_id, agent_type, tool, thread_id, ts):
    return [
        UnifiedIdGenerator.generate_websocket_connection_id(user_id, ts),
        UnifiedIdGenerator.generate_websocket_client_id(user_id),
        UnifiedIdGenerator.generate_agent_execution_id(agent_type, user_id),
        UnifiedIdGenerator.generate_tool_execution_id(tool, agent_id="a1"),
        UnifiedIdGenerator.generate_session_id(user_id, "api"),
        UnifiedIdGenerator.generate_message_id("chat", user_id, thread_id),
        UnifiedIdGenerator.generate_error_context_id("db", user_id),
    ]

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager

def all_roles(user_id, agent_type, tool, thread_id, ts):
    return [
        get_id_manager().generate_id(IDType.WEBSOCKET, prefix=f"ws_conn_{user_id[:8]}"),
        get_id_manager().generate_id(
            IDType.WEBSOCKET, prefix=f"ws_client_{user_id[:8]}"
        ),
        get_id_manager().generate_id(
            IDType.AGENT, prefix=f"agent_{agent_type}_{user_id[:8]}"
        ),
        get_id_manager().generate_id(IDType.TOOL, prefix=f"tool_{tool}"),
        get_id_manager().generate_id(
            IDType.SESSION, prefix=f"session_api_{user_id[:8]}"
        ),
        get_id_manager().generate_id(
            IDType.EXECUTION, prefix=f"msg_chat_{user_id[:8]}"
        ),
        get_id_manager().generate_id(IDType.TRACE, prefix=f"error_db_{user_id[:8]}"),
    ]
