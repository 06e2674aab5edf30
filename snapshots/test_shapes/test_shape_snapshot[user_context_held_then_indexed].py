# idmigrate snapshot: user_context_held_then_indexed (changed)
# findings:
#   5:11 IDM018 format generate_user_context_ids
#       -> thread_id = get_id_manager().generate_id(IDType.THREAD)
#   11:11 IDM018 format generate_user_context_ids
#       -> request_id = get_id_manager().generate_id(IDType.REQUEST)

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator


def start(user_id):
    ids = UnifiedIdGenerator.generate_user_context_ids(user_id, "chat")
    log.info("context for %s", user_id)
    return Ctx(thread_id=ids[0], run_id=ids[1])


def request_only(user_id):
    ids = UnifiedIdGenerator.generate_user_context_ids(user_id)
    return {"request_id": ids[-1]}

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import (
    IDType,
    UnifiedIDManager,
    get_id_manager,
)


def start(user_id):
    thread_id = get_id_manager().generate_id(IDType.THREAD)
    run_id = UnifiedIDManager.generate_run_id(thread_id)
    log.info("context for %s", user_id)
    return Ctx(thread_id=thread_id, run_id=run_id)


def request_only(user_id):
    request_id = get_id_manager().generate_id(IDType.REQUEST)
    return {"request_id": request_id}
