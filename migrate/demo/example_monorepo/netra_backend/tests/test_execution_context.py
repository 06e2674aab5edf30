from netra_backend.app.services.execution_context import (
    ExecutionContext, connection_key, context_for_request, resume_run, start_execution,
)


def test_contexts_get_run_ids():
    ctx = ExecutionContext(user_id="user-1", thread_id="thread_1_0123abcd")
    assert ctx.run_id and ctx.run_id != ctx.thread_id
    assert start_execution("user-1", "thread_2_0123abcd").run_id
    assert start_execution("user-1", "thread_2_0123abcd", run_id="run-given").run_id == "run-given"
    assert context_for_request({"user_id": "user-2"}, "thread_3_0123abcd").run_id


def test_resume_with_and_without_thread():
    assert resume_run("user-1").startswith("run")
    assert resume_run("user-1", "thread_4_0123abcd")


def test_connection_keys_start_with_their_kind():
    assert connection_key("user-123456789").startswith("ws_conn_")
