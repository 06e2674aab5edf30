import subprocess
import sys
from pathlib import Path

from auth_service import audit
from netra_backend.app import connections, context
from netra_backend.app.core.unified_id_manager import IDType, UnifiedIDManager, get_id_manager
from shared.id_generation import UnifiedIdGenerator

ROOT = Path(__file__).resolve().parents[1]


class TestEvolvedFlows:
    """One class for the whole flow, the way the large test modules of the monorepo are written."""

    def test_context_ids_are_distinct(self, id_generator):
        thread_id, run_id, request_id = id_generator.generate_user_context_ids("user-1", "chat")  # expect: format
        assert len({thread_id, run_id, request_id}) == 3

    def test_generate_id_keeps_the_prefix(self, id_generator):
        value = id_generator.generate_id("user")  # expect: format
        assert value.startswith("user_")

    def test_normalize_id_format(self, id_generator):
        assert id_generator.normalize_id_format(" WS-Conn 1 ") == "ws_conn_1"  # expect: manual

    def test_ids_of_one_user_match_for_cleanup(self):
        first = UnifiedIdGenerator.generate_websocket_connection_id("user-abc")  # expect: manual
        second = UnifiedIdGenerator.generate_websocket_connection_id("user-abc")  # expect: manual
        other = UnifiedIdGenerator.generate_websocket_connection_id("user-xyz")  # expect: manual
        assert UnifiedIdGenerator.ids_match_for_cleanup(first, second)  # expect: manual
        assert not UnifiedIdGenerator.ids_match_for_cleanup(first, other)  # expect: manual

    def test_pattern_info_and_legacy_keys(self):
        info = context.describe(UnifiedIdGenerator.generate_base_id("trace"))  # expect: manual
        assert info["valid"] and info["prefix"] == "trace"
        assert context.from_legacy({"thread": "t1", "other": 1}) == {"thread_id": "t1", "other": 1}

    def test_registry_opens_and_closes_by_user(self):
        registry = connections.ConnectionRegistry()
        first = registry.open("alice001")
        registry.open("alice001")
        registry.open("bob00002")
        assert registry.find(f" {first.connection_id.upper()} ") is first
        assert registry.close_all_like(first.connection_id) == 2
        assert isinstance(connections.presence_token("user-abc"), str)
        assert connections.manager_load() >= 0

    def test_contexts(self):
        fresh = context.new_context("user-1")
        resumed = context.resume_context("user-1", fresh.thread_id)
        assert resumed.thread_id == fresh.thread_id and resumed.run_id != fresh.run_id

    def test_stamp_with_an_injected_generator(self, id_generator):
        ids = context.stamp(id_generator, "user-9")
        assert set(ids) == {"session_id", "agent_id"} and all(ids.values())

    def test_audit_record(self):
        entry = audit.record("login", "user-1", "ok")
        assert entry in audit.AUDIT_LOG and entry["id"]

    def test_the_evolved_manager(self):
        manager = UnifiedIDManager()
        thread_id, run_id, _ = manager.generate_user_context_ids_compatible("user-5", "chat")
        assert UnifiedIDManager.extract_thread_id(run_id) == thread_id
        assert UnifiedIDManager.extract_thread_id(UnifiedIDManager.generate_run_id()).startswith("thread_")
        assert manager.generate_websocket_connection_id("user-5").startswith("ws_conn_user-5_websocket_")
        assert manager.cleanup_user_resources("user-5") == 3
        assert set(UnifiedIDManager.generate_compatible_context_ids("user-6")) == {"thread_id", "run_id", "request_id"}
        assert get_id_manager().active_count(IDType.THREAD) >= 1

    def test_bootstrap_script_runs_from_the_checkout(self):
        out = subprocess.run([sys.executable, str(ROOT / "bootstrap_ids.py"), "2"], capture_output=True, text=True,
                             check=True, cwd="/").stdout.split()
        assert len(out) == 3 and out[0].startswith("fixture_") and out[2].startswith("session_")
