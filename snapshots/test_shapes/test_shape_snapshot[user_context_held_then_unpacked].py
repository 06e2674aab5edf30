# idmigrate snapshot: user_context_held_then_unpacked (changed)
# findings:
#   5:19 IDM018 format generate_user_context_ids
#       -> context_ids_thread_id = get_id_manager().generate_id(IDType.THREAD)

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator


def start(user_id, thread_id=None):
    context_ids = UnifiedIdGenerator.generate_user_context_ids(user_id, "chat")  # one per request
    if thread_id is None:
        t, _, q = context_ids
        return t, q
    first, second, third = context_ids
    return context_ids[1], first, second, third

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import (
    IDType,
    UnifiedIDManager,
    get_id_manager,
)


def start(user_id, thread_id=None):
    context_ids_thread_id = get_id_manager().generate_id(IDType.THREAD)
    context_ids_run_id = UnifiedIDManager.generate_run_id(context_ids_thread_id)
    context_ids_request_id = get_id_manager().generate_id(IDType.REQUEST)  # one per request
    if thread_id is None:
        t, q = context_ids_thread_id, context_ids_request_id
        return t, q
    first, second, third = context_ids_thread_id, context_ids_run_id, context_ids_request_id
    return context_ids_run_id, first, second, third
