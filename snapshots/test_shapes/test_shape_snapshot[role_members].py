# idmigrate snapshot: role_members (changed)
# findings:
#   5:9 IDM020 format generate_websocket_connection_id
#       -> get_id_manager().generate_id(IDType.WEBSOCKET, context={"user_id": user_id, "connection_timestamp": ts})
#   6:9 IDM021 format generate_websocket_client_id
#       -> get_id_manager().generate_id(IDType.WEBSOCKET, prefix="client", context={"user_id": user_id})
#   7:9 IDM022 format generate_agent_execution_id
#       -> get_id_manager().generate_id(IDType.AGENT, context={"agent_type": agent_type, "user_id": user_id})
#   8:9 IDM023 format generate_tool_execution_id
#       -> get_id_manager().generate_id(IDType.TOOL, context={"tool_name": tool, "agent_id": "a1"})
#   9:9 IDM024 format generate_session_id
#       -> get_id_manager().generate_id(IDType.SESSION, context={"user_id": user_id, "session_type": "api"})
#   10:9 IDM025 format generate_message_id
#       -> get_id_manager().generate_id(IDType.EXECUTION, prefix="msg", context={"message_type": "chat", "user_id": user_id, "thread_id": thread_id})
#   11:9 IDM026 format generate_error_context_id
#       -> get_id_manager().generate_id(IDType.TRACE, prefix="error", context={"error_type": "db", "user_id": user_id})

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
        get_id_manager().generate_id(IDType.WEBSOCKET, context={"user_id": user_id, "connection_timestamp": ts}),
        get_id_manager().generate_id(IDType.WEBSOCKET, prefix="client", context={"user_id": user_id}),
        get_id_manager().generate_id(IDType.AGENT, context={"agent_type": agent_type, "user_id": user_id}),
        get_id_manager().generate_id(IDType.TOOL, context={"tool_name": tool, "agent_id": "a1"}),
        get_id_manager().generate_id(IDType.SESSION, context={"user_id": user_id, "session_type": "api"}),
        get_id_manager().generate_id(IDType.EXECUTION, prefix="msg", context={"message_type": "chat", "user_id": user_id, "thread_id": thread_id}),
        get_id_manager().generate_id(IDType.TRACE, prefix="error", context={"error_type": "db", "user_id": user_id}),
    ]
