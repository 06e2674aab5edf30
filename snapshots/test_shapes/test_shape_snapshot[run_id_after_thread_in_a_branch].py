# idmigrate snapshot: run_id_after_thread_in_a_branch (changed)
# findings:
#   7:14 IDM015 manual generate_base_id
#       -> bind the thread ID on every path (or pass it in), then UnifiedIDManager.generate_run_id(thread_id)
#   16:12 IDM052 manual generate_run_id [latent open]
#       -> UnifiedIDManager.generate_run_id(thread_id)
#   22:16 IDM008 format generate_base_id
#       -> UnifiedIDManager.generate_run_id(thread_id)

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator


def start(user_id, resume):
    if resume:
        thread_id = load_thread(user_id)
    run_id = UnifiedIdGenerator.generate_base_id("run")
    return run_id


def resume_run(user_id, resume):
    try:
        thread_id = load_thread(user_id)
    except KeyError:
        pass
    return UnifiedIdGenerator.generate_run_id()


def bound_before_the_branch(user_id):
    thread_id, created = load_thread(user_id)
    if created:
        return UnifiedIdGenerator.generate_base_id("run")
    return thread_id

# ------------------------------ after
from shared.id_generation import UnifiedIdGenerator
from netra_backend.app.core.unified_id_manager import UnifiedIDManager


def start(user_id, resume):
    if resume:
        thread_id = load_thread(user_id)
    run_id = UnifiedIdGenerator.generate_base_id("run")
    return run_id


def resume_run(user_id, resume):
    try:
        thread_id = load_thread(user_id)
    except KeyError:
        pass
    return UnifiedIdGenerator.generate_run_id()


def bound_before_the_branch(user_id):
    thread_id, created = load_thread(user_id)
    if created:
        return UnifiedIDManager.generate_run_id(thread_id)
    return thread_id
