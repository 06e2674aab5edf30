"""``idmigrate run``: real git repositories in tmp dirs, real pytest subprocesses.

The bundled example monorepo is copied, committed and (for most tests) exposed
first, so auth_service can migrate. Runs are limited with ``--service`` and
``-j 1`` to keep the file fast on two cores.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import stat
import sys
import time
from pathlib import Path

import git
import pytest
from typer.testing import CliRunner

from migrate.run import testrun
from migrate.cli import app
from migrate.workspace.config import load_config
from migrate.compat.expose import expose_manager
from migrate.output.run_tables import render_summary
from migrate.run.model import RunError, RunOptions, order_services
from migrate.run.runner import run_batches
from migrate.run.state import STATE_FILE
from tests.reliability.reliability_support import changed_paths, hermetic_git, show_file

from migrate.demo.demo import EXAMPLE, commit_all, init_repo
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


# ------------------------------------------------------------------ helpers
_SOURCE: dict[str, Path] = {}


@pytest.fixture(scope="module", autouse=True)
def git_env(tmp_path_factory):
    """Hermetic git: no user/system config, a fixed identity; one snapshot of the example for the module."""
    config_dir = tmp_path_factory.mktemp("gitconfig")
    pristine = tmp_path_factory.mktemp("example") / "example_monorepo"
    shutil.copytree(EXAMPLE, pristine, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".benchmarks",
                                                                     ".pytest_cache"))
    _SOURCE["example"] = pristine
    with hermetic_git(config_dir):
        yield


def make_repo(dest: Path, *, expose: bool = True, files: dict[str, str] | None = None,
              pyproject_extra: str = "") -> Path:
    shutil.copytree(_SOURCE["example"], dest)
    init_repo(dest, "Example monorepo")
    if expose:
        expose_manager(dest, load_config(dest))
        commit_all(dest, "Expose the manager under shared/")
    if files or pyproject_extra:
        for rel, text in (files or {}).items():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            (dest / rel).write_text(text)
        if pyproject_extra:
            with open(dest / "pyproject.toml", "a", encoding="utf-8") as fh:
                fh.write(pyproject_extra)
        commit_all(dest, "Test setup")
    return dest


def head(root: Path) -> tuple[str | None, str]:
    repo = git.Repo(root)
    try:
        branch = None if repo.head.is_detached else repo.active_branch.name
        return branch, repo.head.commit.hexsha
    finally:
        repo.close()


def branches(root: Path) -> dict[str, str]:
    repo = git.Repo(root)
    try:
        return {h.name: h.commit.hexsha for h in repo.heads}
    finally:
        repo.close()


def tree(root: Path, rev: str) -> str:
    repo = git.Repo(root)
    try:
        return repo.commit(rev).tree.hexsha
    finally:
        repo.close()


def snapshot(root: Path) -> dict:
    """Everything a refused run must leave alone."""
    files = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if rel == ".git" or rel.startswith(".git/") or not path.is_file():
            continue
        files[rel] = path.read_bytes()
    repo = git.Repo(root)
    try:
        status = repo.git.status("--porcelain", "--untracked-files=all")
    finally:
        repo.close()
    return {"head": head(root), "branches": branches(root), "files": files, "status": status,
            "state": (root / ".git" / "idmigrate" / STATE_FILE).exists()}


def assert_clean_end(root: Path, start: tuple[str | None, str]) -> None:
    assert head(root) == start
    repo = git.Repo(root)
    try:
        assert len(repo.git.worktree("list", "--porcelain").split("\n\n")) == 1
    finally:
        repo.close()
    wt_dir = root / ".git" / "idmigrate" / "worktrees"
    assert not wt_dir.exists() or not any(wt_dir.iterdir())
    assert not (root / ".git" / "idmigrate" / "run.lock").exists()


def cli(*args: str):
    result = CliRunner().invoke(app, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def load_state(root: Path) -> dict:
    return json.loads((root / ".git" / "idmigrate" / STATE_FILE).read_text())


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
        "auth_service.tests.test_old_prefix::test_csrf_token_keeps_the_sess_prefix"]
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
    broken = "auth_service.tests.test_known_broken::test_known_broken"
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


def test_timeout_kills_the_whole_process_group(tmp_path):
    pid_file = tmp_path / "grandchild.pid"
    code = (
        "import subprocess, sys, time\n"
        "p = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
        f"open({str(pid_file)!r}, 'w').write(str(p.pid))\n"
        "time.sleep(60)\n"
    )
    command = testrun.TestCommand((sys.executable, "-c", code), timeout=1)
    run = testrun.run_tests(command, tmp_path)
    assert run.status == "timeout"
    grandchild = int(pid_file.read_text())
    for _ in range(50):
        try:
            os.kill(grandchild, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        pytest.fail("the grandchild survived the timeout")


def test_shell_is_opt_in_and_test_env(tmp_path):
    marker = tmp_path / "env.txt"
    code = f"import os; open({str(marker)!r}, 'w').write(os.environ.get('PYTHONDONTWRITEBYTECODE', ''))"
    run = testrun.run_tests(testrun.TestCommand((sys.executable, "-c", code), timeout=30), tmp_path)
    assert run.status == "passed" and marker.read_text() == "1"
    # without shell = true, a string with shell syntax is one argv element, never interpreted
    run = testrun.run_tests(testrun.TestCommand(("true; exit 3",), timeout=30), tmp_path)
    assert run.status == "error"
    run = testrun.run_tests(testrun.TestCommand(("exit 3",), shell=True, timeout=30), tmp_path)
    assert run.status == "failed" and run.exit_code == 3


# ------------------------------------------------------------------ refusals
def refused(root: Path, *args: str) -> str:
    before = snapshot(root)
    out = cli("run", str(root), *args)
    assert out.exit_code == 2, out.output
    assert snapshot(root) == before
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), out.stderr
    return lines[0]


@pytest.fixture
def small_repo(tmp_path) -> Path:
    return make_repo(tmp_path / "repo")


def test_dirty_worktree_is_refused(small_repo):
    (small_repo / "scripts" / "seed_demo_data.py").write_text("# local edit\n", encoding="utf-8")
    assert "uncommitted changes" in refused(small_repo, "--no-tests")


def test_untracked_file_counts_but_ignored_file_does_not(small_repo):
    (small_repo / ".gitignore").write_text("*.log\n")
    commit_all(small_repo, "ignore logs")
    (small_repo / "notes.txt").write_text("untracked\n")
    assert "notes.txt" in refused(small_repo, "--no-tests")
    (small_repo / "notes.txt").unlink()
    (small_repo / "debug.log").write_text("ignored\n")
    start = head(small_repo)
    out = cli("run", str(small_repo), "--service", "scripts", "--no-tests", "-j", "1")
    assert out.exit_code == 0, out.output
    assert (small_repo / "debug.log").read_text() == "ignored\n"
    assert_clean_end(small_repo, start)


def test_detached_head_is_refused_unless_forced(small_repo):
    repo = git.Repo(small_repo)
    repo.git.checkout("--detach", "HEAD")
    repo.close()
    assert "detached" in refused(small_repo, "--no-tests")
    start = head(small_repo)
    out = cli("run", str(small_repo), "--service", "scripts", "--no-tests", "--force", "-j", "1")
    assert out.exit_code == 0, out.output
    assert_clean_end(small_repo, start)


def test_not_a_git_repository(tmp_path):
    (tmp_path / "plain").mkdir()
    out = cli("run", str(tmp_path / "plain"))
    assert out.exit_code == 2
    assert "not a git repository" in out.stderr
    with pytest.raises(RunError, match="not a git repository"):
        run_batches(tmp_path / "plain", load_config(tmp_path / "plain"), RunOptions())


def test_mid_merge_is_refused_even_with_force(small_repo):
    repo = git.Repo(small_repo)
    main = repo.active_branch.name
    repo.git.checkout("-q", "-b", "other")
    (small_repo / "conflict.txt").write_text("other\n")
    repo.git.add("conflict.txt")
    repo.git.commit("-q", "-m", "other")
    repo.git.checkout("-q", main)
    (small_repo / "conflict.txt").write_text("main\n")
    repo.git.add("conflict.txt")
    repo.git.commit("-q", "-m", "main")
    with pytest.raises(git.GitCommandError):
        repo.git.merge("other")
    repo.close()
    before = snapshot(small_repo)
    out = cli("run", str(small_repo), "--force")
    assert out.exit_code == 2 and "merge is in progress" in out.stderr
    assert snapshot(small_repo) == before


def test_foreign_branch_is_refused_unless_forced(small_repo):
    repo = git.Repo(small_repo)
    repo.git.branch("idmigrate/scripts", "HEAD~1")
    foreign = repo.commit("idmigrate/scripts").hexsha
    repo.close()
    assert "idmigrate/scripts already exists" in refused(small_repo, "--service", "scripts", "--no-tests")
    assert branches(small_repo)["idmigrate/scripts"] == foreign
    start = head(small_repo)
    out = cli("run", str(small_repo), "--service", "scripts", "--no-tests", "--force", "-j", "1")
    assert out.exit_code == 0, out.output
    new = branches(small_repo)["idmigrate/scripts"]
    assert new != foreign
    repo = git.Repo(small_repo)
    assert repo.commit(new).parents[0].hexsha == start[1]
    repo.close()
    # the branch is now ours: a second run replaces it without --force
    out = cli("run", str(small_repo), "--service", "scripts", "--no-tests", "-j", "1")
    assert out.exit_code == 0, out.output
    assert_clean_end(small_repo, start)


def test_branch_moved_by_the_user_is_foreign_again(small_repo):
    start = head(small_repo)
    assert cli("run", str(small_repo), "--service", "scripts", "--no-tests", "-j", "1").exit_code == 0
    repo = git.Repo(small_repo)
    repo.git.branch("-f", "idmigrate/scripts", start[1])  # the user points it elsewhere
    repo.close()
    assert "already exists" in refused(small_repo, "--service", "scripts", "--no-tests")


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


def test_order_services():
    names = ["analytics_service", "auth_service", "netra_backend", "shared", "tests", "_root"]
    assert order_services(names, ("shared",)) == [
        "shared", "analytics_service", "auth_service", "netra_backend", "tests", "_root"]


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
