"""expose (manager reachable from shared/) and shim (the generator delegates and warns)."""

from __future__ import annotations

import json
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from typer.testing import CliRunner

from migrate.cli import app
from migrate.workspace.config import load_config
from migrate.compat.expose import ExposeError, expose_manager

runner = CliRunner()


def run_example_tests(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-W", "ignore::DeprecationWarning"],
        cwd=root, capture_output=True, text=True, timeout=300, env={"PYTHONDONTWRITEBYTECODE": "1", "PATH": "/usr/bin:/bin"},
    )


def fresh_import(root: Path, monkeypatch, name: str):
    monkeypatch.syspath_prepend(str(root))
    for mod in [m for m in sys.modules if m.split(".")[0] in ("shared", "netra_backend")]:
        monkeypatch.delitem(sys.modules, mod)
    import importlib

    return importlib.import_module(name)


def test_expose_moves_manager_and_keeps_old_path_working(example_copy: Path, monkeypatch):
    message = expose_manager(example_copy, load_config(example_copy))
    assert "exposed" in message
    assert (example_copy / "shared/id_management/unified_id_manager.py").is_file()
    assert (example_copy / "shared/id_management/__init__.py").is_file()
    old = fresh_import(example_copy, monkeypatch, "netra_backend.app.core.unified_id_manager")
    new = sys.modules["shared.id_management.unified_id_manager"]
    assert old is new, "the old path must be the same module (same singleton, patchable)"
    assert old.get_id_manager() is new.get_id_manager()
    assert run_example_tests(example_copy).returncode == 0


def test_expose_is_idempotent_and_refuses_conflicts(example_copy: Path):
    config = load_config(example_copy)
    expose_manager(example_copy, config)
    assert "already exposed" in expose_manager(example_copy, config)


def test_expose_refuses_a_manager_that_imports_a_service(example_copy: Path):
    manager = example_copy / "netra_backend/app/core/unified_id_manager.py"
    manager.write_text("from netra_backend.app.config import settings\n" + manager.read_text())
    with pytest.raises(ExposeError, match="imports netra_backend.app.config"):
        expose_manager(example_copy, load_config(example_copy))
    result = runner.invoke(app, ["expose", str(example_copy)])
    assert result.exit_code == 2 and "error:" in result.stderr


def test_after_expose_auth_service_imports_only_shared(example_copy: Path):
    expose_manager(example_copy, load_config(example_copy))
    assert runner.invoke(app, ["apply", str(example_copy), "--service", "auth_service", "--no-cache"]).exit_code == 0
    for path in (example_copy / "auth_service").rglob("*.py"):
        text = path.read_text()
        assert "netra_backend" not in text, path
    assert "shared.id_management.unified_id_manager import" in (
        example_copy / "auth_service/auth_core/token_issuer.py").read_text()


def test_shim_needs_expose_first(example_copy: Path):
    result = runner.invoke(app, ["shim", str(example_copy)])
    assert result.exit_code == 2 and "expose" in result.stderr


def test_shim_delegates_warns_and_keeps_unmigrated_tests_green(example_copy: Path, monkeypatch):
    expose_manager(example_copy, load_config(example_copy))
    assert runner.invoke(app, ["shim", str(example_copy)]).exit_code == 0
    assert runner.invoke(app, ["shim", str(example_copy)]).exit_code == 0  # idempotent
    assert (example_copy / "shared/id_generation/_legacy_unified_id_generator.py").is_file()
    assert run_example_tests(example_copy).returncode == 0

    gen_module = fresh_import(example_copy, monkeypatch, "shared.id_generation")
    manager = sys.modules["shared.id_management.unified_id_manager"]
    G = gen_module.UnifiedIdGenerator
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        request_id = G.generate_base_id("req")
        thread_id, run_id, _ = G.generate_user_context_ids("u1", "chat")
        ws = G.generate_websocket_connection_id("u1")
        session = G.get_or_create_user_session("u1")  # unmappable: old behaviour
        gen_module.reset_global_counter()
    assert all(issubclass(w.category, DeprecationWarning) for w in caught) and len(caught) == 5
    assert request_id.startswith("request_")
    assert manager.UnifiedIDManager.extract_thread_id(run_id) == thread_id
    assert thread_id.startswith("thread_")  # THREAD-typed, not the classmethod's session_ base
    assert ws.startswith("ws_conn_u1_websocket_")  # the caller's user stays in the ID text
    assert session


def test_shim_does_not_count_as_generator_usage(example_copy: Path):
    expose_manager(example_copy, load_config(example_copy))
    def sites():
        data = json.loads(runner.invoke(app, ["scan", str(example_copy), "--json", "--no-cache"]).stdout)
        return data["totals"], data["services"]

    before = sites()
    runner.invoke(app, ["shim", str(example_copy)])
    assert sites() == before
