# idmigrate snapshot: thread_then_run (changed)
# findings:
#   4:17 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.THREAD)
#   5:14 IDM008 format generate_base_id
#       -> UnifiedIDManager.generate_run_id(thread_id)
#   10:12 IDM013 format generate_base_id
#       -> get_id_manager().generate_id(IDType.EXECUTION, prefix="run")

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

def start():
    thread_id = UnifiedIdGenerator.generate_base_id("thread")
    run_id = UnifiedIdGenerator.generate_base_id("run")
    return thread_id, run_id


def lone_run():
    return UnifiedIdGenerator.generate_base_id("run")

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import (
    IDType,
    UnifiedIDManager,
    get_id_manager,
)

def start():
    thread_id = get_id_manager().generate_id(IDType.THREAD)
    run_id = UnifiedIDManager.generate_run_id(thread_id)
    return thread_id, run_id


def lone_run():
    return get_id_manager().generate_id(IDType.EXECUTION, prefix="run")
