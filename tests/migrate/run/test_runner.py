"""``idmigrate run`` end to end: real git repositories in tmp dirs, real pytest subprocesses.

The bundled example monorepo is copied, committed and (for most tests) exposed
first, so auth_service can migrate. Runs are limited with ``--service`` and
``-j 1`` to keep the file fast on two cores.
"""

from __future__ import annotations

import io
import json
import os
import signal
import stat
import sys
import time

import git
import pytest

from migrate.output.run_tables import render_summary
from migrate.run import testrun
from migrate.run.model import RunOptions
from migrate.run.runner import run_batches
from migrate.run.state import STATE_FILE
from migrate.workspace.config import load_config
from tests.migrate.run.run_support import (
    assert_clean_end, branches, cli, head, load_state, make_repo, refused, tree,
)
from tests.reliability.reliability_support import changed_paths, show_file

pytestmark = pytest.mark.usefixtures("git_env")

SERVICES_WITH_TESTS = {"netra_backend", "auth_service", "analytics_service", "tests"}

OLD_PREFIX_TEST = '''\
from auth_service.auth_core.session_store import SessionStore


def test_csrf_token_keeps_the_sess_prefix():
    assert SessionStore().login("user-1")["csrf"].startswith("sess_")
'''

KNOWN_BROKEN_TEST = '''\
def test_known_broken():
    assert 1 == 2, "broken before any migration"
'''

# ------------------------------------------------------------- happy path
@pytest.fixture(scope="module")
def migrated(tmp_path_factory):
    root = make_repo(tmp_path_factory.mktemp("happy") / "repo")
    start = head(root)
    log = io.StringIO()
    result = run_batches(root, load_config(root), RunOptions(keep_going=True, jobs=1), log=log)
    return root, start, result, log.getvalue()


def test_happy_path_one_green_commit_per_service(migrated):
    root, start, result, log = migrated
    assert result.exit_code == 0, render_summary(result)
    base = start[1]
    committed = {b.service: b for b in result.batches if b.state == "committed"}
    # every service of the example has something to migrate once the manager is exposed
    assert set(committed) == {"shared", "analytics_service", "auth_service", "netra_backend", "scripts",
                              "test_framework", "tests", "_root"}
    assert [b.service for b in result.batches][:1] == ["shared"] and result.batches[-1].service == "_root"
    heads = branches(root)
    repo = git.Repo(root)
    try:
        for service, batch in committed.items():
            branch = f"idmigrate/{service}"
            assert heads[branch] == batch.commit
            assert repo.git.rev_list(f"{base}..{branch}").split() == [batch.commit]
            assert repo.commit(batch.commit).parents[0].hexsha == base
            message = repo.commit(batch.commit).message
            assert "Rules applied:" in message and "Sites by safety class:" in message
            if service in SERVICES_WITH_TESTS:
                assert batch.tests["ran"] and batch.tests["status"] == "passed", batch.tests
                assert batch.tests["passed"] > 0 and batch.tests["failed"] == 0
                assert "passed, 0 failed" in message
            else:
                assert not batch.tests["ran"]
    finally:
        repo.close()
    assert_clean_end(root, start)
    state_file = root / ".git" / "idmigrate" / STATE_FILE
    assert stat.S_IMODE(state_file.stat().st_mode) == 0o600
    assert all(entry["state"] == "committed" for entry in load_state(root)["batches"].values())
    assert "[1/8] shared" in log and "committed" in log  # plain progress lines when not a TTY
    summary = render_summary(result)
    assert "idmigrate/auth_service" in summary and "8 committed, 0 red" in summary


def test_commit_message_lists_manual_review_items(migrated):
    root, _start, result, _log = migrated
    repo = git.Repo(root)
    try:
        message = repo.commit("idmigrate/auth_service").message
    finally:
        repo.close()
    assert "Review (manual sites, not applied):" in message
    assert "auth_service/auth_core/token_issuer.py:" in message and "get_id_age" in message
    assert "IDM004" in message  # rule codes with counts


def test_each_branch_equals_apply_on_a_fresh_copy(migrated, tmp_path):
    root, start, result, _log = migrated
    repo = git.Repo(root)
    try:
        for batch in result.batches:
            if batch.state != "committed":
                continue
            fresh = make_repo(tmp_path / batch.service)
            assert tree(fresh, "HEAD") == tree(root, start[1])
            applied = cli("apply", str(fresh), "--service", batch.service, "-j", "1", "--no-cache")
            assert applied.exit_code in (0, 1), applied.output
            fresh_repo = git.Repo(fresh)
            try:
                expected = sorted(fresh_repo.git.diff("--name-only").split())
            finally:
                fresh_repo.close()
            changed = changed_paths(repo, start[1], batch.commit)
            assert sorted(changed) == expected, batch.service
            for rel in changed:
                assert show_file(repo, batch.commit, rel) == (fresh / rel).read_bytes(), rel
    finally:
        repo.close()


def test_json_summary_and_nothing_to_do_on_resume(migrated):
    root, start, _result, _log = migrated
    out = cli("run", str(root), "--resume", "--json", "-j", "1")
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["counts"]["committed"] == 8 and data["exit_code"] == 0
    assert all(b["earlier"] for b in data["batches"])
    assert_clean_end(root, start)


# --------------------------------------------------------------- red batches
def test_red_batch_no_commit_keep_going_and_stop(tmp_path):
    root = make_repo(tmp_path / "repo", files={"auth_service/tests/test_old_prefix.py": OLD_PREFIX_TEST})
    start = head(root)
    out = cli("run", str(root), "--service", "auth_service", "--service", "scripts", "--keep-going",
              "--json", "-j", "1")
    assert out.exit_code == 1, out.output
    data = json.loads(out.stdout)
    by_service = {b["service"]: b for b in data["batches"]}
    red = by_service["auth_service"]
    assert red["state"] == "red" and red["commit"] is None
    assert "test_csrf_token_keeps_the_sess_prefix" in red["reason"]
    assert "sess_" in red["output_tail"] or "AssertionError" in red["output_tail"]
    assert red["tests"]["new_failures"] == [
        "auth_service/tests/test_old_prefix.py::test_csrf_token_keeps_the_sess_prefix"]
    assert by_service["scripts"]["state"] == "committed"
    heads = branches(root)
    assert "idmigrate/auth_service" not in heads  # red: the branch is deleted, no commit left behind
    assert heads["idmigrate/scripts"] == by_service["scripts"]["commit"]
    assert_clean_end(root, start)
    state = load_state(root)
    assert state["batches"]["auth_service"]["state"] == "red"
    assert "sess_" in state["batches"]["auth_service"]["output_tail"] or state["batches"]["auth_service"]["output_tail"]

    # Without --keep-going the run stops after the red batch (the baseline now comes from the cache).
    out = cli("run", str(root), "--service", "auth_service", "--service", "scripts", "-j", "1")
    assert out.exit_code == 1, out.output
    assert "stopped after the red batch auth_service" in out.stdout
    state = load_state(root)
    assert state["batches"]["auth_service"]["state"] == "red"
    assert state["batches"]["scripts"]["state"] == "pending"
    assert "last test output" in out.stdout
    assert_clean_end(root, start)

    # --retry-failed re-runs only the red batch.
    log = io.StringIO()
    result = run_batches(root, load_config(root), RunOptions(retry_failed=True, no_tests=True, jobs=1), log=log)
    assert [(b.service, b.state, b.earlier) for b in result.batches] == [
        ("auth_service", "committed", False), ("scripts", "pending", True)]
    assert "[1/1] auth_service" in log.getvalue()


def test_already_failing_test_is_not_blamed(tmp_path):
    root = make_repo(tmp_path / "repo", files={"auth_service/tests/test_known_broken.py": KNOWN_BROKEN_TEST})
    start = head(root)
    result = run_batches(root, load_config(root), RunOptions(services=["auth_service"], jobs=1),
                         log=io.StringIO())
    assert result.exit_code == 0, render_summary(result)
    (batch,) = result.batches
    assert batch.state == "committed"
    broken = "auth_service/tests/test_known_broken.py::test_known_broken"
    assert batch.tests["already_failing"] == [broken] and batch.tests["new_failures"] == []
    assert batch.tests["baseline"]["failed"] == 1
    assert "already failing on the base" in render_summary(result)
    repo = git.Repo(root)
    try:
        assert f"already failing on the base: {broken}" in repo.commit(batch.commit).message
    finally:
        repo.close()
    baselines = load_state(root)["baselines"]
    assert any(key.startswith(f"{start[1]}:auth_service:") for key in baselines)
    assert_clean_end(root, start)


def test_hanging_tests_are_killed_at_the_timeout(tmp_path):
    hang = json.dumps([sys.executable, "-c", "import time; time.sleep(60)"])
    root = make_repo(tmp_path / "repo", pyproject_extra=(
        f"\n[tool.idmigrate.services.scripts]\ntest_command = {hang}\ntest_timeout = 2\n"))
    start = head(root)
    began = time.monotonic()
    result = run_batches(root, load_config(root), RunOptions(services=["scripts"], jobs=1), log=io.StringIO())
    assert time.monotonic() - began < 30
    (batch,) = result.batches
    assert batch.state == "red" and batch.reason == "timeout"
    assert batch.tests["status"] == "timeout"
    assert result.exit_code == 1
    assert "idmigrate/scripts" not in branches(root)
    assert_clean_end(root, start)

# ------------------------------------------------------- interrupt and resume
def test_interrupt_then_resume_matches_an_uninterrupted_run(migrated, tmp_path, monkeypatch):
    reference_root = migrated[0]
    root = make_repo(tmp_path / "repo")
    start = head(root)
    real = testrun.run_tests
    calls = []

    def flaky_runner(command, cwd):
        calls.append(command.label)
        if len(calls) == 2:  # the second batch (auth_service) is interrupted while its tests run
            raise KeyboardInterrupt
        return real(command, cwd)

    monkeypatch.setattr(testrun, "run_tests", flaky_runner)
    options = RunOptions(services=["analytics_service", "auth_service"], jobs=1)
    with pytest.raises(KeyboardInterrupt):
        run_batches(root, load_config(root), options, log=io.StringIO())
    assert_clean_end(root, start)
    state = load_state(root)
    assert state["batches"]["analytics_service"]["state"] == "committed"
    assert state["batches"]["auth_service"]["state"] == "running"
    assert state["run"]["status"] == "interrupted"
    assert "idmigrate/auth_service" not in branches(root)
    monkeypatch.setattr(testrun, "run_tests", real)

    out = cli("run", str(root), "--resume", "-j", "1", "--json")
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert [(b["service"], b["state"], b["earlier"]) for b in data["batches"]] == [
        ("analytics_service", "committed", True), ("auth_service", "committed", False)]
    assert_clean_end(root, start)
    ours = {k: v for k, v in branches(root).items() if k.startswith("idmigrate/")}
    assert set(ours) == {"idmigrate/analytics_service", "idmigrate/auth_service"}
    for branch in ours:
        assert tree(root, branch) == tree(reference_root, branch)
        assert len(git.Repo(root).git.rev_list(f"{start[1]}..{branch}").split()) == 1


def test_sigterm_unwinds_like_ctrl_c(tmp_path, monkeypatch):
    root = make_repo(tmp_path / "repo")
    start = head(root)

    def terminated(command, cwd):
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)
        raise AssertionError("SIGTERM did not interrupt the run")

    monkeypatch.setattr(testrun, "run_tests", terminated)
    previous = signal.getsignal(signal.SIGTERM)
    with pytest.raises(KeyboardInterrupt):
        run_batches(root, load_config(root), RunOptions(services=["auth_service"], jobs=1), log=io.StringIO())
    assert signal.getsignal(signal.SIGTERM) == previous
    assert_clean_end(root, start)
    assert load_state(root)["batches"]["auth_service"]["state"] == "running"

# ------------------------------------------------------------ more safety
def test_force_on_a_dirty_tree_migrates_the_base_and_keeps_local_edits(small_repo):
    target = small_repo / "scripts" / "seed_demo_data.py"
    original = target.read_bytes()
    edited = original.replace(b'"""Seed a development', b'"""LOCAL EDIT. Seed a development')
    target.write_bytes(edited)
    start = head(small_repo)
    out = cli("run", str(small_repo), "--service", "scripts", "--no-tests", "--force", "-j", "1")
    assert out.exit_code == 0, out.output
    assert target.read_bytes() == edited  # the user's uncommitted work is untouched
    repo = git.Repo(small_repo)
    try:
        committed = show_file(repo, "idmigrate/scripts", "scripts/seed_demo_data.py")
        assert b"LOCAL EDIT" not in committed and b"UnifiedIdGenerator.generate_base_id" not in committed
        assert repo.git.status("--porcelain") == " M scripts/seed_demo_data.py"
    finally:
        repo.close()
    assert_clean_end(small_repo, start)


def test_base_option_branches_from_another_commit(small_repo):
    start = head(small_repo)
    out = cli("run", str(small_repo), "--service", "scripts", "--no-tests", "--base", "HEAD~1",
              "--branch-prefix", "mig/", "-j", "1")
    assert out.exit_code == 0, out.output
    repo = git.Repo(small_repo)
    try:
        parent = repo.commit("mig/scripts").parents[0].hexsha
        assert parent == repo.commit("HEAD~1").hexsha
    finally:
        repo.close()
    assert "idmigrate/scripts" not in branches(small_repo)
    assert_clean_end(small_repo, start)
    assert "error:" in cli("run", str(small_repo), "--base", "no-such-ref").stderr


def test_another_live_run_holds_the_lock(small_repo):
    lock = small_repo / ".git" / "idmigrate" / "run.lock"
    lock.parent.mkdir(parents=True, exist_ok=True)
    lock.write_text(f"{os.getppid()}\n")
    assert "another idmigrate run" in refused(small_repo, "--no-tests")
    lock.unlink()


def test_leftovers_of_a_killed_run_are_cleaned_up(small_repo):
    import subprocess

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    lock = small_repo / ".git" / "idmigrate" / "run.lock"
    lock.parent.mkdir(parents=True, exist_ok=True)
    lock.write_text(f"{dead.pid}\n")
    repo = git.Repo(small_repo)
    stale = small_repo / ".git" / "idmigrate" / "worktrees" / "scripts"
    repo.git.worktree("add", "--detach", str(stale), "HEAD")
    repo.close()
    (stale / "scripts" / "seed_demo_data.py").write_text("half-applied\n")
    start = head(small_repo)
    out = cli("run", str(small_repo), "--service", "scripts", "--no-tests", "-j", "1")
    assert out.exit_code == 0, out.output
    assert_clean_end(small_repo, start)
