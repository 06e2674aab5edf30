"""End to end: a user's chat request through supervisor, agents and tools."""

from netra_backend.app.agents.base_agent import TriageAgent
from netra_backend.app.agents.supervisor import SupervisorAgent
from netra_backend.app.agents.tool_dispatcher import ToolDispatcher
from netra_backend.app.services.execution_tracker import ExecutionTracker
from netra_backend.app.services.request_context import create_request_context
from netra_backend.app.services.thread_service import ThreadService
from shared.id_generation import UnifiedIdGenerator


def test_chat_request_flow(user):
    threads = ThreadService()
    thread = threads.create_thread(user.user_id, "e2e")
    supervisor = SupervisorAgent()
    handle = supervisor.start_supervised_run(user.user_id)
    agent = TriageAgent(user.user_id)
    agent.triage("invoice question")
    tools = ToolDispatcher()
    tools.register("echo", lambda text: text)
    result = tools.dispatch("echo", agent_id=agent.agent_id, text="hi")
    assert result["result"] == "hi"
    assert len({thread.thread_id, handle.thread_id, handle.run_id, agent.agent_id}) == 4


def test_context_ids_are_distinct_per_call():
    user_id = UnifiedIdGenerator.generate_base_id("user")  # expect: exact
    request_id = UnifiedIdGenerator.generate_base_id("req")  # expect: format
    context = create_request_context(user_id, "e2e")
    assert len({user_id, request_id, context.request_id, context.thread_id, context.run_id}) == 5


def test_fixture_user_has_context(user):
    assert user.user_id
    assert len({user.thread_id, user.run_id, user.request_id}) == 3


def test_tracker_keeps_thread_in_run_id():
    tracker = ExecutionTracker()
    thread_id = tracker.open_thread()
    assert tracker.thread_of(tracker.start_run(thread_id)) == thread_id


def test_execution_keys_are_unique():
    keys = [UnifiedIdGenerator.generate_base_id("execution") for _ in range(20)]  # expect: exact
    assert len(set(keys)) == 20


def _legacy_thread_id():
    # Helper from the 2023 suite; its tests were deleted, the helper was not.
    return UnifiedIdGenerator.generate_thread_id()  # expect: format
