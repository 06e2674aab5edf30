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
from tests.conftest import git

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


def files_of(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and ".git" not in p.relative_to(root).parts and "__pycache__" not in p.parts}


@pytest.mark.parametrize("steps", [("expose",), ("expose", "shim")])
def test_diff_prints_what_the_step_would_write_and_writes_nothing(example_git: Path, tmp_path: Path, steps):
    import shutil

    for step in steps[:-1]:
        assert runner.invoke(app, [step, str(example_git)]).exit_code == 0
    git(example_git, "add", "-A")
    git(example_git, "commit", "-qm", "before", "--allow-empty")
    twin = tmp_path / "twin"
    shutil.copytree(example_git, twin)
    before = files_of(example_git)

    out = runner.invoke(app, [steps[-1], str(example_git), "--diff"])
    assert out.exit_code == 0, out.output
    assert files_of(example_git) == before and git(example_git, "status", "--porcelain") == ""
    assert out.stdout.startswith("diff --git a/") and "nothing written" in out.stderr
    assert len(out.stderr.splitlines()) == 1

    (tmp_path / "step.patch").write_text(out.stdout)
    git(example_git, "apply", str(tmp_path / "step.patch"))  # the patch is what the step writes
    assert runner.invoke(app, [steps[-1], str(twin)]).exit_code == 0
    assert files_of(example_git) == files_of(twin)

    again = runner.invoke(app, [steps[-1], str(twin), "--diff"])  # nothing left to write: an empty patch
    assert again.exit_code == 0 and again.stdout == "" and "already" in again.stderr


def test_shim_diff_before_expose_is_refused_in_one_line(example_copy: Path):
    out = runner.invoke(app, ["shim", str(example_copy), "--diff"])
    assert out.exit_code == 2 and out.stdout == ""
    assert out.stderr.startswith("error: ") and "idmigrate expose" in out.stderr and len(out.stderr.splitlines()) == 1


def test_expose_diff_through_the_installed_script_applies_from_the_root(example_git: Path):
    script = Path(sys.executable).parent / "idmigrate"
    out = subprocess.run([str(script), "expose", "--diff"], cwd=example_git / "netra_backend", capture_output=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr
    assert b"+++ b/shared/id_management/unified_id_manager.py" in out.stdout
    assert git(example_git, "status", "--porcelain") == ""
    subprocess.run(["git", "apply"], cwd=example_git, input=out.stdout, check=True)
    assert (example_git / "shared/id_management/__init__.py").read_bytes() == b""
    assert "Re-export written by `idmigrate expose`" in (
        example_git / "netra_backend/app/core/unified_id_manager.py").read_text()


def test_the_shims_docstring_is_self_contained(example_copy: Path):
    expose_manager(example_copy, load_config(example_copy))
    assert runner.invoke(app, ["shim", str(example_copy)]).exit_code == 0
    source = (example_copy / "shared/id_generation/unified_id_generator.py").read_text()
    assert "MIGRATION.md" not in source  # the user's repository has no such document
    import ast

    doc = ast.get_docstring(ast.parse(source))
    for words in ("generated", "`idmigrate shim`", "UnifiedIDManager", "forwards to it", "DeprecationWarning",
                  "shared/id_generation/_legacy_unified_id_generator.py", "delete this file",
                  "move ``shared/id_generation/_legacy_unified_id_generator.py`` back over this file"):
        assert words in " ".join(doc.split()), words
