# idmigrate snapshot: dropped_subscript_and_name_arguments (changed)
# findings:
#   5:12 IDM023 format generate_tool_execution_id
#       -> get_id_manager().generate_id(IDType.TOOL, prefix="tool_search")
#   6:15 IDM025 format generate_message_id
#       -> get_id_manager().generate_id(IDType.EXECUTION, prefix=f"msg_chat_{rows.user_id[:8]}")
#   7:12 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.USER)
#   8:15 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.SESSION)
#   9:13 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.TRACE)
#   10:13 IDM007 manual generate_tool_execution_id
#       -> fix the call, then re-run
#   11:12 IDM007 manual generate_tool_execution_id
#       -> fix the call, then re-run

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator


def from_rows(rows, ids, flags, random_ids):
    tool = UnifiedIdGenerator.generate_tool_execution_id("search", ids[0])
    message = UnifiedIdGenerator.generate_message_id("chat", rows.user_id, rows.thread_ids[-1])
    user = UnifiedIdGenerator.generate_base_id("user", include_random=flags["random"])
    session = UnifiedIdGenerator.generate_base_id("session", random_ids)
    trace = UnifiedIdGenerator.generate_base_id("trace", flags["length"]["trace"])
    agent = UnifiedIdGenerator.generate_tool_execution_id("search", agents[next_index()])
    call = UnifiedIdGenerator.generate_tool_execution_id("search", load_ids()[0])
    return tool, message, user, session, trace, agent, call

# ------------------------------ after
from shared.id_generation import UnifiedIdGenerator
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


def from_rows(rows, ids, flags, random_ids):
    tool = get_id_manager().generate_id(IDType.TOOL, prefix="tool_search")
    message = get_id_manager().generate_id(
        IDType.EXECUTION, prefix=f"msg_chat_{rows.user_id[:8]}"
    )
    user = get_id_manager().generate_id(IDType.USER)
    session = get_id_manager().generate_id(IDType.SESSION)
    trace = get_id_manager().generate_id(IDType.TRACE)
    agent = UnifiedIdGenerator.generate_tool_execution_id("search", agents[next_index()])
    call = UnifiedIdGenerator.generate_tool_execution_id("search", load_ids()[0])
    return tool, message, user, session, trace, agent, call
