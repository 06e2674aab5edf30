"""ROOT found upwards when the command line names none, as ruff and git find theirs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from migrate.cli import app
from migrate.commands.root import find_project_root
from tests.conftest import git


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


def test_scan_from_a_service_folder_works_on_the_whole_repository(example_git: Path, monkeypatch):
    monkeypatch.chdir(example_git / "netra_backend")
    out = invoke("scan", "--json", "-j", "1")
    assert out.exit_code == 0, out.output
    services = set(json.loads(out.stdout)["services"])
    assert "netra_backend" in services and "app" not in services
    assert f"project root {example_git.resolve()}" in out.stderr


def test_diff_from_a_subfolder_prints_repository_paths(example_git: Path, monkeypatch):
    monkeypatch.chdir(example_git / "netra_backend" / "app")
    out = invoke("diff", "-j", "1")
    assert "--- a/netra_backend/" in out.stdout and "--- a/app/" not in out.stdout


@pytest.mark.parametrize("verb", ["scan", "diff", "apply", "report", "verify", "status"])
def test_a_broken_config_at_the_real_root_is_an_error_from_below(example_git: Path, monkeypatch, verb):
    with open(example_git / "pyproject.toml", "a", encoding="utf-8") as fh:
        fh.write("typo_key = 1\n")
    monkeypatch.chdir(example_git / "netra_backend")
    out = invoke(verb)
    assert out.exit_code == 2, out.output
    assert "unknown key 'typo_key'" in out.stderr


def test_invalid_toml_with_an_idmigrate_table_is_still_the_root(tmp_path: Path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("[tool.idmigrate]\nexclude = [\n")
    (tmp_path / "pkg").mkdir()
    assert find_project_root(tmp_path / "pkg") == tmp_path.resolve()
    monkeypatch.chdir(tmp_path / "pkg")
    out = invoke("scan")
    assert out.exit_code == 2 and "not valid TOML" in out.stderr


def test_nearest_idmigrate_pyproject_wins_else_the_git_top(tmp_path: Path):
    git(tmp_path, "init", "-q")
    inner = tmp_path / "sub" / "proj"
    (inner / "pkg").mkdir(parents=True)
    (tmp_path / "sub" / "pyproject.toml").write_text("[project]\nname = 'x'\n")  # no idmigrate table: skipped
    assert find_project_root(inner / "pkg") == tmp_path.resolve()
    (inner / "pyproject.toml").write_text("[tool.idmigrate]\n")
    assert find_project_root(inner / "pkg") == inner.resolve()


def test_outside_any_project_the_current_directory_is_root(tmp_path: Path):
    assert find_project_root(tmp_path) == tmp_path.resolve()
