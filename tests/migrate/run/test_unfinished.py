"""Batches a run never got to: they keep their site counts, make the exit code 1, and the summary
says how to continue (``--resume``, with ROOT and ``--recipe`` when needed); and run's ``--no-cache``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.migrate.run.run_support import cli, load_state, make_repo
from tests.migrate.run.test_runner import OLD_PREFIX_TEST

pytestmark = pytest.mark.usefixtures("git_env")

SCRIPT = Path(sys.executable).parent / "idmigrate"


def _script(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST"}
    return subprocess.run([str(SCRIPT), *args], cwd=root, capture_output=True, text=True, env=env, timeout=300)


def test_retry_failed_with_batches_never_run_exits_1_and_names_resume(tmp_path):
    root = make_repo(tmp_path / "repo", files={"auth_service/tests/test_old_prefix.py": OLD_PREFIX_TEST})
    selection = ("--service", "auth_service", "--service", "scripts", "-j", "1")
    stopped = cli("run", str(root), *selection)
    assert stopped.exit_code == 1, stopped.output
    assert f"1 batch not run yet: continue with `idmigrate run {root} --resume`" in stopped.stdout
    pending_sites = load_state(root)["batches"]["scripts"]["sites"]
    assert sum(pending_sites.values()) > 0  # recorded when the run planned it, not zeros

    retried = _script(root, "run", "--retry-failed", "--no-tests", "--json", "-j", "1")
    assert retried.returncode == 1, retried.stderr  # work is left: not a success
    data = json.loads(retried.stdout)
    rows = {b["service"]: b for b in data["batches"]}
    assert rows["auth_service"]["state"] == "committed"
    assert rows["scripts"]["state"] == "pending" and rows["scripts"]["sites"] == pending_sites

    table = _script(root, "run", "--retry-failed", "--no-tests", "-j", "1")
    assert "1 batch not run yet: continue with `idmigrate run --resume`" in table.stdout, table.stdout

    resumed = _script(root, "run", "--resume", "-j", "1", "--no-tests")
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert "not run yet" not in resumed.stdout


def test_run_takes_no_cache_like_every_planning_verb(small_repo):
    out = cli("run", str(small_repo), "--service", "scripts", "--no-tests", "--no-cache", "-j", "1")
    assert out.exit_code == 0, out.output
    assert not (small_repo / ".git" / "idmigrate" / "cache").exists()
    out = cli("run", str(small_repo), "--service", "scripts", "--no-tests", "-j", "1")
    assert (small_repo / ".git" / "idmigrate" / "cache").exists()
