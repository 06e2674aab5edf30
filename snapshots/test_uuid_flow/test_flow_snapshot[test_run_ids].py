# idmigrate snapshot: test_run_ids (changed)
# findings:
#   5:14 IDM204 format [test-ids] run_id = uuid4() (test, thread in reach)
#       why: the name 'run_id' says execution: the run ID embeds thread_id
#       ->   UnifiedIDManager.generate_run_id(thread_id)
#   10:14 IDM219 manual [test-ids] run_id = uuid4() (test, no thread)
#       why: run ID without a thread in reach: the name 'run_id' says execution; no thread_id / *_thread_id parameter, earlier local or self.thread_id
#       ->   create the thread first, then UnifiedIDManager.generate_run_id(thread_id)

# ------------------------------ before
import uuid


def test_run(thread_id, scheduler):
    run_id = str(uuid.uuid4())[:8]
    assert scheduler.start(thread_id, run_id)


def test_orphan_run(scheduler):
    run_id = str(uuid.uuid4())[:8]
    assert scheduler.start(None, run_id)

# ------------------------------ after
import uuid
from netra_backend.app.core.unified_id_manager import UnifiedIDManager


def test_run(thread_id, scheduler):
    run_id = UnifiedIDManager.generate_run_id(thread_id)
    assert scheduler.start(thread_id, run_id)


def test_orphan_run(scheduler):
    run_id = str(uuid.uuid4())[:8]
    assert scheduler.start(None, run_id)
