import pytest

from netra_backend.app.agents.base_agent import BaseAgent, TriageAgent
from netra_backend.app.agents.supervisor import SupervisorAgent
from netra_backend.app.agents.tool_dispatcher import ToolDispatcher, with_retries
from shared.types.core_types import ensure_thread_id


def test_base_agent_ids_are_set_and_distinct():
    agent = BaseAgent("user-1234567890")
    ensure_thread_id(agent.thread_id)
    described = agent.describe()
    assert all(isinstance(v, str) and v for v in described.values())
    assert len(set(described.values())) == 4
    assert agent.instance_key


def test_agent_steps_get_fresh_ids():
    agent = TriageAgent("user-2")
    first = agent.triage("Where is my invoice?")
    second = agent.record_step("answer", "done")
    assert first["output"] == {"category": "billing"}
    assert first["step_id"] != second["step_id"]
    assert agent.tool_call_id("search") != agent.tool_call_id("search")


def test_supervisor_runs():
    supervisor = SupervisorAgent()
    plain = supervisor.start_run("user-3")
    supervised = supervisor.start_supervised_run("user-3")
    for handle in (plain, supervised):
        assert ensure_thread_id(handle.thread_id) and handle.run_id
        assert handle.thread_id != handle.run_id
    assert plain.run_id != supervised.run_id
    assert set(supervisor.runs) == {plain.run_id, supervised.run_id}


def test_supervisor_delegates_to_each_sub_agent():
    supervisor = SupervisorAgent()
    handles = supervisor.delegate("user-4", ["research", "writer"])
    assert len(handles) == 2
    for handle in handles:
        ensure_thread_id(handle.thread_id)
        assert len({handle.thread_id, handle.run_id, handle.request_id}) == 3
    assert handles[0].run_id != handles[1].run_id
    assert supervisor.new_execution_id() != supervisor.new_execution_id()


def test_tool_dispatch_with_and_without_agent():
    dispatcher = ToolDispatcher()
    dispatcher.register("add", lambda a, b: a + b)
    plain = dispatcher.dispatch("add", a=1, b=2)
    owned = dispatcher.dispatch("add", agent_id="agent-77", a=2, b=2)
    assert plain["result"] == 3 and owned["result"] == 4
    assert plain["execution_id"] != owned["execution_id"]
    assert plain["call_id"] != owned["call_id"]
    assert len(plain["attempt_keys"]) == 1 and plain["attempt_keys"][0]
    assert dispatcher.dispatcher_id


def test_tool_dispatch_retries_get_fresh_keys():
    dispatcher = ToolDispatcher()

    def flaky():
        raise RuntimeError("tool down")

    dispatcher.register("flaky", flaky)
    entry = dispatcher.dispatch("flaky")
    assert entry["error"] == "tool down"
    assert len(set(entry["attempt_keys"])) == 2


def test_fan_out_returns_unique_job_ids():
    jobs = ToolDispatcher().fan_out("search")
    assert len(jobs) == 3 and len(set(jobs)) == 3
    assert all(isinstance(j, str) and j for j in jobs)


def test_with_retries_success_first_time():
    counter = iter(range(10))
    outcome = with_retries(lambda: "ok", 3, lambda: f"k{next(counter)}")
    assert outcome == {"result": "ok", "attempt_keys": ["k0"]}


@pytest.mark.parametrize("user_id", ["u", "a-very-long-user-identifier"])
def test_agent_ids_for_short_and_long_user_ids(user_id):
    assert BaseAgent(user_id).agent_id
