"""The workspace: ROOT's files and services, looked at once per command."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from migrate.cli import app
from migrate.workspace import workspace as workspace_module
from migrate.workspace.config import load_config
from migrate.workspace.workspace import Workspace


def test_files_and_services_of_the_example(example_copy: Path):
    (example_copy / ".venv" / "lib").mkdir(parents=True)
    (example_copy / ".venv" / "lib" / "vendored.py").write_text("x = 1\n")
    ws = Workspace.open(example_copy, load_config(example_copy))
    assert "auth_service/auth_core/token_issuer.py" in ws.files
    assert not any(f.startswith(".venv/") for f in ws.files)
    assert ws.services.service_of("auth_service/auth_core/token_issuer.py").name == "auth_service"
    assert {"shared/id_generation/unified_id_generator.py",
            "netra_backend/app/core/unified_id_manager.py"} <= ws.api_files


def test_verify_walks_the_repository_once(example_copy: Path, monkeypatch):
    calls = []
    real = workspace_module.discover

    def counting(root, config):
        calls.append(root)
        return real(root, config)

    monkeypatch.setattr(workspace_module, "discover", counting)
    (example_copy / "auth_service" / "crosses.py").write_text("from analytics_service import analytics_core\n")
    result = CliRunner().invoke(app, ["verify", str(example_copy), "-j", "1", "--no-cache"])
    assert result.exit_code == 1, result.output  # the example still uses the generator
    assert "auth_service/crosses.py:1: boundary: auth_service imports analytics_service" in result.stdout
    assert len(calls) == 1
