"""``idmigrate status``: the burndown of generator sites per service and each batch's state."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import git
import pytest
from typer.testing import CliRunner

from migrate.cli import app
from migrate.workspace.config import load_config
from migrate.run.model import RunOptions
from migrate.run.runner import run_batches
from migrate.workspace.pipeline import build_plan
from migrate.output.report import summarize
from tests.reliability.reliability_support import hermetic_git

from migrate.demo.demo import EXAMPLE, init_repo

# Breaks under the migration: generate_base_id("req") becomes a REQUEST id ("request_...").
OLD_PREFIX_TEST = '''\
from netra_backend.app.services.request_context import RequestContext


def test_request_ids_keep_the_req_prefix():
    assert RequestContext(user_id="user-1").request_id.startswith("req_")
'''


@pytest.fixture(scope="module", autouse=True)
def git_env(tmp_path_factory):
    with hermetic_git(tmp_path_factory.mktemp("gitconfig")):
        yield


@pytest.fixture(scope="module")
def repo_after_runs(tmp_path_factory) -> Path:
    """Not exposed: auth_service/analytics_service/shared have only manual sites (boundary)."""
    root = tmp_path_factory.mktemp("status") / "repo"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".benchmarks",
                                                                 ".pytest_cache"))
    (root / "netra_backend" / "tests" / "test_old_prefix.py").write_text(OLD_PREFIX_TEST)
    init_repo(root, "Example monorepo")
    # run 1: scripts goes green
    first = run_batches(root, load_config(root), RunOptions(services=["scripts"], jobs=1), log=io.StringIO())
    assert first.exit_code == 0
    # run 2: auth_service has nothing to migrate, netra_backend goes red and the run stops,
    # so test_framework stays pending
    second = run_batches(root, load_config(root),
                         RunOptions(services=["auth_service", "netra_backend", "test_framework"], jobs=1),
                         log=io.StringIO())
    assert second.exit_code == 1
    return root


def status(root: Path, *args: str):
    result = CliRunner().invoke(app, ["status", str(root), "-j", "1", *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def test_status_json_states_and_remaining_sites(repo_after_runs):
    root = repo_after_runs
    out = status(root, "--json")
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    rows = {r["service"]: r for r in data["services"]}
    assert rows["scripts"]["state"] == "committed"
    repo = git.Repo(root)
    try:
        assert rows["scripts"]["commit"] == repo.commit("idmigrate/scripts").hexsha
    finally:
        repo.close()
    assert rows["scripts"]["branch_status"] == "ok"
    assert rows["netra_backend"]["state"] == "red"
    assert "test_request_ids_keep_the_req_prefix" in rows["netra_backend"]["reason"]
    assert rows["test_framework"]["state"] == "pending"
    assert rows["auth_service"]["state"] == "nothing"
    assert rows["tests"]["state"] == "pending"  # never run, has sites to migrate
    # remaining sites are counted on the checkout (the base): the same numbers as scan
    summary = summarize(build_plan(root, load_config(root), workers=1, use_cache=False))
    for service, usage in summary["services"].items():
        assert rows[service]["sites"] == usage["sites"], service
        assert rows[service]["files"] == usage["files"]
    assert data["totals"]["all"] == summary["totals"]["all"]
    assert data["run"]["status"] == "stopped"


def test_status_text_table(repo_after_runs):
    out = status(repo_after_runs)
    assert out.exit_code == 0, out.output
    lines = {line.split()[0]: line for line in out.stdout.splitlines() if line.strip()}
    assert "committed" in lines["scripts"] and "idmigrate/scripts" in lines["scripts"]
    assert "red:" in lines["netra_backend"]
    assert lines["test_framework"].rstrip().endswith("pending")
    assert "nothing to migrate" in lines["auth_service"]
    assert "generator call sites left in the checkout" in out.stdout


def test_status_reports_a_moved_branch_and_service_filter(repo_after_runs, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(repo_after_runs, copy, symlinks=True)
    repo = git.Repo(copy)
    repo.git.branch("-D", "idmigrate/scripts")
    repo.close()
    data = json.loads(status(copy, "--json", "--service", "scripts").stdout)
    assert [r["service"] for r in data["services"]] == ["scripts"]
    assert data["services"][0]["branch_status"] == "deleted"
    assert "(branch deleted)" in status(copy, "--service", "scripts").stdout


def test_status_without_git_still_counts(tmp_path):
    root = tmp_path / "plain"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".benchmarks"))
    out = status(root, "--json", "--no-cache")
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["note"].startswith("not a git repository")
    assert {r["state"] for r in data["services"]} <= {"-", "nothing"}  # without git no run can take them
    assert data["totals"]["all"] > 0
