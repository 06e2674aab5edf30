# idmigrate snapshot: run_ids (changed)
# findings:
#   5:14 IDM105 format [adhoc-ids] run_id = <uuid4 ID> (thread in reach)
#       why: the name 'run_id' says execution: the run ID embeds thread_id
#       ->   UnifiedIDManager.generate_run_id(thread_id)
#   13:14 IDM118 manual [adhoc-ids] run_id = <uuid4 ID> (no thread)
#       why: run ID without a thread in reach: the name 'run_id' says execution; child_thread_id may be unbound here (assigned in a branch)
#       ->   pass the thread ID in, then UnifiedIDManager.generate_run_id(thread_id)
#   18:14 IDM118 manual [adhoc-ids] run_id = <uuid4 ID> (no thread)
#       why: run ID without a thread in reach: the name 'run_id' says execution; no thread_id / *_thread_id parameter, earlier local or self.thread_id
#       ->   pass the thread ID in, then UnifiedIDManager.generate_run_id(thread_id)

# ------------------------------ before
import uuid


def start(thread_id, agent):
    run_id = f"run_{uuid.uuid4().hex[:8]}"
    return agent.start(thread_id, run_id)


def resume(request):
    parent_thread_id = request.thread
    if request.fork:
        child_thread_id = request.fork
    run_id = str(uuid.uuid4())
    return parent_thread_id, run_id


def warmup(user_id):
    run_id = f"run_{uuid.uuid4().hex[:8]}"
    return user_id, run_id

# ------------------------------ after
import uuid
from netra_backend.app.core.unified_id_manager import UnifiedIDManager


def start(thread_id, agent):
    run_id = UnifiedIDManager.generate_run_id(thread_id)
    return agent.start(thread_id, run_id)


def resume(request):
    parent_thread_id = request.thread
    if request.fork:
        child_thread_id = request.fork
    run_id = str(uuid.uuid4())
    return parent_thread_id, run_id


def warmup(user_id):
    run_id = f"run_{uuid.uuid4().hex[:8]}"
    return user_id, run_id
