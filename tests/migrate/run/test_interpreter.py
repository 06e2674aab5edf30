"""Which interpreter the default test command runs, and a batch whose tests never ran is never green."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import git
import pytest

from migrate.run import testrun
from migrate.run.interpreter import first_error
from migrate.run.model import RunOptions
from migrate.run.runner import run_batches
from migrate.workspace.config import Config, ConfigError, load_config, parse_config
from tests.migrate.run.run_support import branches, cli, make_repo

NEEDS_A_MISSING_PACKAGE = "import requests_that_is_not_installed\n\n\ndef test_x():\n    assert True\n"


def _service_with_tests(tree: Path) -> None:
    (tree / "svc" / "tests").mkdir(parents=True)
    (tree / "svc" / "tests" / "test_a.py").write_text("def test_a():\n    pass\n")


def _fake_python(path: Path, marker: Path) -> Path:
    """An interpreter that notes it ran, then is this Python."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'#!/bin/sh\necho ran >> "{marker}"\nexec "{sys.executable}" "$@"\n')
    path.chmod(0o755)
    return path


def test_the_default_command_runs_the_projects_venv_and_shows_it(tmp_path):
    _service_with_tests(tmp_path)
    python = _fake_python(tmp_path / ".venv" / "bin" / "python", tmp_path / "marker")
    command = testrun.resolve_test_command("svc", "svc", None, Config(), tmp_path, tmp_path)
    assert command.argv[0] == str(python)
    assert command.label.startswith(".venv/bin/python -m pytest")


def test_without_a_venv_it_is_idmigrates_own_python_shown_by_its_path(tmp_path):
    _service_with_tests(tmp_path)
    command = testrun.resolve_test_command("svc", "svc", None, Config(), tmp_path, tmp_path)
    assert command.argv[0] == sys.executable
    assert command.label.startswith(f"{sys.executable} -m pytest")  # never a bare "python" it did not run


def test_test_python_in_the_config_wins(tmp_path):
    _service_with_tests(tmp_path)
    _fake_python(tmp_path / ".venv" / "bin" / "python", tmp_path / "marker")
    _fake_python(tmp_path / "env311" / "bin" / "python", tmp_path / "marker")
    config = parse_config({"test_python": "env311/bin/python"}, tmp_path)
    command = testrun.resolve_test_command("svc", "svc", None, config, tmp_path, tmp_path)
    assert command.argv[0] == str(tmp_path / "env311/bin/python") and command.label.startswith("env311/bin/python ")
    with pytest.raises(ConfigError, match="test_python: 'nope/bin/python' does not exist"):
        parse_config({"test_python": "nope/bin/python"}, tmp_path)


def test_first_error_names_the_exception_line():
    out = "ERROR collecting x.py\nE   ModuleNotFoundError: No module named 'requests'\nE   more\n"
    assert first_error("", out) == "ModuleNotFoundError: No module named 'requests'"
    assert first_error("all good") == ""


def test_no_test_passing_on_the_base_makes_the_batch_red_not_already_failing():
    after = testrun.TestRun("failed", 1, 1.0, passed=0, failed=2, failing=["a::t1", "a::t2"])
    base = testrun.TestRun("failed", 1, 1.0, passed=0, failed=2, failing=["a::t1", "a::t2"],
                           first_error="ModuleNotFoundError: No module named 'requests'")
    verdict = testrun.compare(base, after, expect_results=True)
    assert verdict.red and verdict.blocked
    assert verdict.reason == ("tests could not run: no test passes on the base either "
                              "(ModuleNotFoundError: No module named 'requests')")
    some_pass = testrun.TestRun("failed", 1, 1.0, passed=3, failed=2, failing=["a::t1", "a::t2"])
    assert not testrun.compare(some_pass, after, expect_results=True).red  # a real "already failing"
    no_results = testrun.TestRun("failed", 1, 1.0, tail="/usr/bin/python: No module named pytest")
    assert testrun.compare(no_results, testrun.TestRun("failed", 1, 1.0), expect_results=True).blocked
    assert not testrun.compare(no_results, testrun.TestRun("failed", 1, 1.0)).red  # other commands: exit codes


@pytest.mark.usefixtures("git_env")
def test_a_batch_whose_tests_cannot_import_is_red_with_the_error(tmp_path):
    root = make_repo(tmp_path / "repo", files={"auth_service/tests/test_needs_requests.py": NEEDS_A_MISSING_PACKAGE})
    out = cli("run", str(root), "--service", "auth_service", "--json", "-j", "1")
    assert out.exit_code == 1, out.output
    (batch,) = json.loads(out.stdout)["batches"]
    assert batch["state"] == "red" and batch["commit"] is None
    assert "tests could not run: no test passes on the base either" in batch["reason"]
    assert "ModuleNotFoundError: No module named 'requests_that_is_not_installed'" in batch["reason"]
    assert "test_python" in batch["reason"] and "[tool.idmigrate.services.auth_service]" in batch["reason"]
    assert "idmigrate/auth_service" not in branches(root)


@pytest.mark.usefixtures("git_env")
def test_run_uses_the_repositorys_venv(tmp_path):
    marker = tmp_path / "marker"
    root = make_repo(tmp_path / "repo", files={".gitignore": ".venv/\n"})
    _fake_python(root / ".venv" / "bin" / "python", marker)
    result = run_batches(root, load_config(root), RunOptions(services=["auth_service"], jobs=1), log=io.StringIO())
    (batch,) = result.batches
    assert batch.state == "committed" and marker.read_text().strip() == "ran"
    repo = git.Repo(root)
    try:
        assert ".venv/bin/python -m pytest" in repo.commit(batch.commit).message
    finally:
        repo.close()
    assert os.access(root / ".venv" / "bin" / "python", os.X_OK)
