import threading

import pytest

from netra_backend.app.core.unified_id_manager import (
    IDType,
    UnifiedIDManager,
    generate_agent_id,
    generate_execution_id,
    generate_id,
    generate_request_id,
    generate_session_id,
    generate_thread_id,
    generate_user_id,
    generate_websocket_id,
    get_id_manager,
    is_valid_id,
    is_valid_id_format,
)


def test_id_types():
    assert [t.value for t in IDType] == [
        "user", "session", "request", "agent", "tool", "transaction",
        "websocket", "execution", "trace", "metric", "thread",
    ]


def test_generate_id_shape_and_registration():
    manager = UnifiedIDManager()
    first = manager.generate_id(IDType.USER)
    second = manager.generate_id(IDType.USER, prefix="auth", context={"source": "test"})
    type_word, counter, suffix = first.split("_")
    assert (type_word, counter, len(suffix)) == ("user", "1", 8)
    assert second.startswith("auth_user_2_")
    assert manager.is_valid_id(first) and manager.is_valid_id(second, IDType.USER)
    assert not manager.is_valid_id(first, IDType.SESSION)
    assert manager.get_metadata(second).context == {"source": "test"}
    assert manager.release_id(first) and not manager.release_id(first)
    assert not manager.is_valid_id(first)
    with pytest.raises(TypeError):
        manager.generate_id("user")


def test_format_compatible_accepts_legacy_ids():
    manager = UnifiedIDManager()
    assert manager.is_valid_id_format_compatible("req_1700000000000_3_abcdef12")
    assert manager.is_valid_id_format_compatible("user_7_abcdef12", IDType.USER)
    assert manager.is_valid_id_format_compatible("5b0b5a8e-6d3f-4c39-9a4c-2f1f0c9d7e11", IDType.AGENT)
    assert not manager.is_valid_id_format_compatible("")
    assert not manager.is_valid_id_format_compatible("req_1_x", IDType.USER)


def test_reset_and_clear():
    manager = UnifiedIDManager()
    manager.generate_id(IDType.TOOL)
    manager.reset_counters()
    assert manager.generate_id(IDType.TOOL).startswith("tool_1_")
    assert manager.active_count() == 2
    manager.clear_all()
    assert manager.active_count() == 0


def test_thread_safe_counters():
    manager = UnifiedIDManager()
    out = []

    def work():
        out.extend(manager.generate_id(IDType.REQUEST) for _ in range(200))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(out)) == 800
    assert sorted(int(i.split("_")[1]) for i in out) == list(range(1, 801))


@pytest.mark.parametrize("thread_id", [None, "thread_abc", "a_b_c_d", "x", "session_12345_deadbeef"])
def test_run_id_round_trip(thread_id):
    thread_id = thread_id or UnifiedIDManager.generate_thread_id()
    run_id = UnifiedIDManager.generate_run_id(thread_id)
    assert UnifiedIDManager.extract_thread_id(run_id) == thread_id
    assert UnifiedIDManager.validate_run_id(run_id)
    parsed = UnifiedIDManager.parse_run_id(run_id)
    assert parsed["valid"] and parsed["thread_id"] == thread_id


def test_thread_id_shape():
    prefix, ts5, suffix = UnifiedIDManager.generate_thread_id().split("_")
    assert prefix == "session" and len(ts5) == 5 and ts5.isdigit() and len(suffix) == 8


def test_invalid_run_ids():
    for bad in ["", "thread_1", "run_", "run_x_1_2", "run_x_12345_nothex!!"]:
        assert not UnifiedIDManager.validate_run_id(bad)
        assert not UnifiedIDManager.parse_run_id(bad)["valid"]
    assert UnifiedIDManager.extract_thread_id("thread_1") is None
    with pytest.raises(ValueError):
        UnifiedIDManager.generate_run_id("")


def test_module_functions():
    assert get_id_manager() is get_id_manager()
    ids = [
        generate_id(IDType.METRIC, prefix="cpu"),
        generate_user_id(),
        generate_session_id(),
        generate_request_id(),
        generate_agent_id(),
        generate_websocket_id(),
        generate_execution_id(),
        generate_thread_id(),
    ]
    assert len(set(ids)) == len(ids)
    assert all(is_valid_id_format(i) for i in ids)
    assert is_valid_id(ids[1], IDType.USER)
    assert not is_valid_id(ids[1], IDType.SESSION)


def test_is_valid_id_format():
    assert is_valid_id_format("user_1_abcdef12")
    assert is_valid_id_format("req_1700000000000_3_abcdef12")
    assert is_valid_id_format("ws_conn_user-1_1700000000000_4_abcdef12")
    for bad in ["", "nounderscore", "has space_1", "semi;colon_1", None, 42]:
        assert not is_valid_id_format(bad)
