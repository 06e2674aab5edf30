"""Git states ``run`` must survive or refuse, and real interrupts of real ``idmigrate`` processes.

Complements ``test_run.py`` (dirty tree, detached HEAD, foreign branch, mid-merge,
not a repository, monkeypatched interrupts): here a rebase, cherry-pick, revert or
bisect in progress, no git executable at all, branches a run must not overwrite,
SIGINT/SIGTERM sent to a real ``idmigrate run`` while its tests run (and a second
Ctrl-C while it stops them), and ``apply`` interrupted half-way.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from migrate.workspace import fileio
from migrate.workspace.apply import write_changes
from migrate.workspace.config import load_config
from migrate.workspace.pipeline import build_plan
from tests.reliability.reliability_support import (
    PATIENCE, assert_no_leftovers, branches, cli, console_script, git, hashes, head, hermetic_git, history,
    idmigrate, kill_quietly, load_state, make_repo, process_gone, service_config, snapshot_example,
    status_porcelain, wait_for, work_tree_files,
)

SERVICES = ("scripts", "test_framework")  # two small batches without tests of their own, in this order

# The test command of test_framework: passes at once, unless the flag file "hang" exists; then it
# reports its pid and waits (ignoring SIGTERM when "ignore-term" exists).
PROBE = '''\
import os, signal, sys, time
flags = sys.argv[1]
if not os.path.exists(os.path.join(flags, "hang")):
    sys.exit(0)
def on_term(signum, frame):
    open(os.path.join(flags, "got-term"), "w").close()
    if not os.path.exists(os.path.join(flags, "ignore-term")):
        sys.exit(143)
signal.signal(signal.SIGTERM, on_term)
with open(os.path.join(flags, "pid.tmp"), "w") as fh:
    fh.write(str(os.getpid()))
os.replace(os.path.join(flags, "pid.tmp"), os.path.join(flags, "started"))
deadline = time.time() + 300
while time.time() < deadline:
    time.sleep(0.05)
'''


@pytest.fixture(scope="module", autouse=True)
def env(tmp_path_factory):
    with hermetic_git(tmp_path_factory.mktemp("gitconfig")):
        yield


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> Path:
    return snapshot_example(tmp_path_factory.mktemp("example") / "example_monorepo")


@pytest.fixture(scope="module")
def flags(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("flags")
    (directory / "probe.py").write_text(PROBE)
    return directory


@pytest.fixture
def probe_flags(flags: Path) -> Path:
    for name in ("hang", "ignore-term", "got-term", "started"):
        (flags / name).unlink(missing_ok=True)
    return flags


def probe_config(flags: Path) -> str:
    return service_config("test_framework", [sys.executable, str(flags / "probe.py"), str(flags)])


@pytest.fixture(scope="module")
def reference(example, flags, tmp_path_factory) -> dict[str, str]:
    """branch -> tree of an uninterrupted run of the same repository."""
    root = make_repo(example, tmp_path_factory.mktemp("reference") / "repo", pyproject_extra=probe_config(flags))
    out = idmigrate("run", str(root), *[a for s in SERVICES for a in ("--service", s)], "-j", "1", cwd=root)
    assert out.returncode == 0, out.stderr
    return {f"idmigrate/{s}": git(root, "rev-parse", f"idmigrate/{s}^{{tree}}").strip() for s in SERVICES}


def small_repo(root: Path) -> Path:
    """One service with one generator call; enough for every refusal (they happen before planning)."""
    (root / "svc_a").mkdir(parents=True)
    (root / "svc_a" / "mod.py").write_text(
        "from shared.id_generation import UnifiedIdGenerator\n\nX = UnifiedIdGenerator.generate_base_id('user')\n")
    (root / "conflict.txt").write_text("base\n")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    return root


def commit_file(root: Path, rel: str, text: str, message: str) -> None:
    (root / rel).write_text(text)
    git(root, "add", rel)
    git(root, "commit", "-q", "-m", message)


def everything(root: Path) -> dict:
    """What a refused run must leave exactly as it was."""
    state = root / ".git" / "idmigrate" / "state.json"
    return {"head": head(root), "history": history(root), "files": hashes(root), "status": status_porcelain(root),
            "git_files": sorted(p.name for p in (root / ".git").iterdir() if p.name != "idmigrate"),
            "state": state.read_bytes() if state.exists() else None}


def refused(root: Path, *args: str) -> str:
    before = everything(root)
    out = cli("run", str(root), *args)
    assert out.exit_code == 2, out.output
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), out.stderr
    assert everything(root) == before
    return lines[0]


# ------------------------------------------------------ operations in progress
def _rebase_conflict(root: Path) -> None:
    git(root, "checkout", "-q", "-b", "topic")
    commit_file(root, "conflict.txt", "topic\n", "topic")
    git(root, "checkout", "-q", "main")
    commit_file(root, "conflict.txt", "main\n", "main")
    git(root, "checkout", "-q", "topic")
    git(root, "rebase", "main", check=False)


def _rebase_stopped_at_edit(root: Path) -> None:
    commit_file(root, "other.txt", "one\n", "one")
    subprocess.run(["git", "-c", "sequence.editor=sed -i 1s/^pick/edit/", "rebase", "-q", "-i", "HEAD~1"],
                   cwd=root, check=True, capture_output=True)


def _cherry_pick_conflict(root: Path) -> None:
    git(root, "checkout", "-q", "-b", "topic")
    commit_file(root, "conflict.txt", "topic\n", "topic")
    git(root, "checkout", "-q", "main")
    commit_file(root, "conflict.txt", "main\n", "main")
    git(root, "cherry-pick", "topic", check=False)


def _revert_conflict(root: Path) -> None:
    commit_file(root, "conflict.txt", "one\n", "one")
    commit_file(root, "conflict.txt", "two\n", "two")
    git(root, "revert", "--no-edit", "HEAD~1", check=False)


def _bisect(root: Path) -> None:
    commit_file(root, "other.txt", "one\n", "one")
    git(root, "bisect", "start", "HEAD", "HEAD~1")


def _am_conflict(root: Path) -> None:
    git(root, "checkout", "-q", "-b", "topic")
    commit_file(root, "conflict.txt", "topic\n", "topic")
    patch = git(root, "format-patch", "-1", "--stdout")
    git(root, "checkout", "-q", "main")
    commit_file(root, "conflict.txt", "main\n", "main")
    subprocess.run(["git", "am"], input=patch, text=True, cwd=root, capture_output=True)


IN_PROGRESS = {
    "rebase (conflict)": (_rebase_conflict, "rebase is in progress"),
    "rebase -i (stopped at edit)": (_rebase_stopped_at_edit, "rebase is in progress"),
    "cherry-pick": (_cherry_pick_conflict, "cherry-pick is in progress"),
    "revert": (_revert_conflict, "revert is in progress"),
    "bisect": (_bisect, "bisect is in progress"),
    "am": (_am_conflict, "rebase (or am) is in progress"),
}


@pytest.mark.parametrize("operation", sorted(IN_PROGRESS))
def test_run_refuses_a_half_done_git_operation_even_with_force(tmp_path, operation):
    make, message = IN_PROGRESS[operation]
    root = small_repo(tmp_path / "repo")
    make(root)
    line = refused(root, "--force", "--no-tests")
    assert message in line
    assert not (root / ".git" / "idmigrate").exists()


# ---------------------------------------------------------------- no git at all
def test_without_a_repository_scan_diff_apply_work_and_run_refuses_in_one_line(example, tmp_path):
    root = tmp_path / "plain"
    shutil.copytree(example, root)
    assert cli("scan", str(root), "-j", "1").exit_code == 0
    diff = cli("diff", str(root), "-j", "1")
    assert diff.exit_code == 0 and diff.stdout_bytes.startswith(b"diff --git ")
    before = work_tree_files(root)
    out = cli("run", str(root), "--no-tests")
    assert out.exit_code == 2
    assert out.stderr == f"error: {root}: not a git repository\n"
    assert work_tree_files(root) == before
    assert cli("apply", str(root), "-j", "1").exit_code == 0
    assert work_tree_files(root) != before


def test_without_a_git_executable_only_run_needs_it(example, tmp_path):
    root = make_repo(example, tmp_path / "repo")
    with_git = idmigrate("diff", str(root), "-j", "1", "--no-cache", cwd=root)
    no_git_path = tmp_path / "empty-bin"
    no_git_path.mkdir()
    env = dict(os.environ, PATH=str(no_git_path))
    before = everything(root)

    run = idmigrate("run", str(root), "--no-tests", cwd=root, env=env)
    assert run.returncode == 2
    assert run.stderr.decode() == "error: git is not installed (no `git` executable on PATH)\n"
    assert everything(root) == before

    status = idmigrate("status", str(root), "--json", "-j", "1", cwd=root, env=env)
    assert status.returncode == 0, status.stderr
    assert json.loads(status.stdout)["note"].startswith("git is not installed")
    for verb in ("scan", "report", "verify"):
        out = idmigrate(verb, str(root), "-j", "1", cwd=root, env=env)
        assert out.returncode in (0, 1) and b"Traceback" not in out.stderr, (verb, out.stderr)
    diff = idmigrate("diff", str(root), "-j", "1", "--no-cache", cwd=root, env=env)
    assert diff.returncode == 0 and diff.stdout == with_git.stdout  # the file walk finds what git ls-files finds
    apply = idmigrate("apply", str(root), "-j", "1", cwd=root, env=env)
    assert apply.returncode == 0, apply.stderr
    assert status_porcelain(root) != before["status"]


# ------------------------------------------------------------- batch branches
def test_a_branch_whose_state_was_lost_is_not_overwritten_without_force(example, tmp_path):
    root = make_repo(example, tmp_path / "repo")
    made = cli("run", str(root), "--service", "scripts", "--no-tests", "--base", "HEAD~1", "-j", "1")
    assert made.exit_code == 0, made.output
    first = branches(root)["idmigrate/scripts"]
    (root / ".git" / "idmigrate" / "state.json").unlink()  # e.g. a fresh clone of .git, or a removed state
    line = refused(root, "--service", "scripts", "--no-tests")
    assert "idmigrate/scripts already exists" in line
    out = cli("run", str(root), "--service", "scripts", "--no-tests", "--force", "-j", "1")
    assert out.exit_code == 0, out.output
    assert branches(root)["idmigrate/scripts"] != first
    # even --force does not lose the replaced tip: it is in the branch's reflog
    assert git(root, "rev-parse", "idmigrate/scripts@{1}").strip() == first


def test_forced_run_with_a_red_batch_keeps_the_foreign_branch(example, tmp_path):
    # The test command fails exactly when the migration changed something.
    failing = [sys.executable, "-c", "import subprocess, sys; sys.exit(subprocess.call(['git', 'diff', '--quiet', 'HEAD']))"]
    root = make_repo(example, tmp_path / "repo", pyproject_extra=service_config("test_framework", failing))
    git(root, "checkout", "-q", "-b", "idmigrate/test_framework")
    commit_file(root, "NOTES.md", "the user's own work\n", "user work on a branch with our name")
    user_tip = head(root)[1]
    git(root, "checkout", "-q", "-")
    start = head(root)
    out = cli("run", str(root), "--service", "test_framework", "--force", "-j", "1", "--json")
    assert out.exit_code == 1, out.output
    (batch,) = json.loads(out.stdout)["batches"]
    assert batch["state"] == "red" and batch["commit"] is None
    assert branches(root)["idmigrate/test_framework"] == user_tip  # not deleted: nothing replaced it
    assert head(root) == start
    assert_no_leftovers(root)


def test_a_branch_checked_out_in_another_worktree_is_refused_even_with_force(example, tmp_path):
    root = make_repo(example, tmp_path / "repo")
    git(root, "worktree", "add", "-q", "-b", "idmigrate/scripts", str(tmp_path / "elsewhere"))
    line = refused(root, "--service", "scripts", "--no-tests", "--force")
    assert "idmigrate/scripts is checked out in" in line


# ----------------------------------------------- real signals to a real run
def start_run(root: Path, *args: str) -> subprocess.Popen:
    # A session of its own, so the test can signal the whole group the way a terminal's Ctrl-C does.
    return subprocess.Popen([console_script(), "run", str(root), *args], cwd=root, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_signal_during_a_test_run_restores_everything_and_resume_finishes(example, probe_flags, reference,
                                                                         tmp_path, signum):
    root = make_repo(example, tmp_path / "repo", pyproject_extra=probe_config(probe_flags))
    # the user's uncommitted and untracked work (hence --force), also inside the batch's own service
    with open(root / "test_framework" / "fixtures.py", "a", encoding="utf-8") as fh:
        fh.write("# work in progress\n")
    (root / "notes.txt").write_text("untracked notes\n")
    start, files, status = head(root), hashes(root), status_porcelain(root)
    refs_before, _log = history(root)
    (probe_flags / "hang").touch()

    proc = start_run(root, *[a for s in SERVICES for a in ("--service", s)], "--force", "-j", "1")
    try:
        wait_for(lambda: (probe_flags / "started").exists(), proc, "the test command to start")
        test_pid = int((probe_flags / "started").read_text())
        os.killpg(proc.pid, signum)
        out, err = proc.communicate(timeout=PATIENCE)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, err
    assert f"Continue with: idmigrate run {shlex.quote(str(root))} --resume".encode() in err
    assert err.count(b"interrupted") == 1, err  # said once
    wait_for(lambda: process_gone(test_pid), what="the test process to be gone")
    assert head(root) == start and hashes(root) == files and status_porcelain(root) == status
    assert_no_leftovers(root)
    state = load_state(root)
    assert state["run"]["status"] == "interrupted"
    assert state["batches"]["scripts"]["state"] == "committed"
    assert state["batches"]["test_framework"]["state"] == "running"
    refs_after, _log = history(root)
    assert sorted(set(refs_after) - set(refs_before)) == [
        f"refs/heads/idmigrate/scripts {branches(root)['idmigrate/scripts']}"]

    (probe_flags / "hang").unlink()
    resumed = subprocess.run([console_script(), "run", str(root), "--resume", "--force", "-j", "1", "--json"],
                             cwd=root, capture_output=True, timeout=PATIENCE)
    assert resumed.returncode == 0, resumed.stderr
    data = json.loads(resumed.stdout)
    assert [(b["service"], b["state"], b["earlier"]) for b in data["batches"]] == [
        ("scripts", "committed", True), ("test_framework", "committed", False)]
    for branch, tree in reference.items():  # the same end state as an uninterrupted run
        assert git(root, "rev-parse", f"{branch}^{{tree}}").strip() == tree
        assert git(root, "rev-list", f"{start[1]}..{branch}").split() == [branches(root)[branch]]
    assert head(root) == start and hashes(root) == files and status_porcelain(root) == status
    assert_no_leftovers(root)


def test_a_second_ctrl_c_while_stopping_the_tests_still_kills_them(example, probe_flags, tmp_path):
    root = make_repo(example, tmp_path / "repo", pyproject_extra=probe_config(probe_flags))
    start = head(root)
    (probe_flags / "hang").touch()
    (probe_flags / "ignore-term").touch()  # a test process that needs the SIGKILL
    proc = start_run(root, "--service", "test_framework", "-j", "1")
    test_pid = None
    try:
        wait_for(lambda: (probe_flags / "started").exists(), proc, "the test command to start")
        test_pid = int((probe_flags / "started").read_text())
        os.killpg(proc.pid, signal.SIGINT)
        wait_for(lambda: (probe_flags / "got-term").exists(), proc, "the test command to get SIGTERM")
        os.killpg(proc.pid, signal.SIGINT)  # the impatient second Ctrl-C, during the grace period
        _out, err = proc.communicate(timeout=PATIENCE)
        assert proc.returncode == 130, err
        assert process_gone(test_pid), "the test process outlived idmigrate run"
    finally:
        if proc.poll() is None:
            proc.kill()
        if test_pid is not None:
            kill_quietly(test_pid)
    assert head(root) == start
    assert_no_leftovers(root)


# --------------------------------------------------------- interrupted apply
def generated_tree(root: Path, count: int) -> Path:
    for i in range(count):
        path = root / f"svc_{i % 4}" / f"mod_{i:04d}.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            "from shared.id_generation import UnifiedIdGenerator\n\n\n"
            f"def make_{i}():\n    return UnifiedIdGenerator.generate_base_id('user')\n")
    return root


def expected_after_apply(root: Path, scratch: Path) -> dict[str, bytes]:
    """The bytes ``idmigrate diff`` says every file will have (its patch applied with ``git apply``)."""
    patch = subprocess.run([console_script(), "diff", str(root), "-j", "1", "--no-cache"], capture_output=True,
                           check=True).stdout
    shutil.copytree(root, scratch)
    subprocess.run(["git", "apply", "-"], input=patch, cwd=scratch, check=True, capture_output=True)
    return work_tree_files(scratch)


def assert_each_file_old_or_new(root: Path, old: dict[str, bytes], new: dict[str, bytes]) -> int:
    now = work_tree_files(root)
    assert set(now) == set(old), "files appeared or vanished (a temp file left behind?)"
    for rel, data in now.items():
        assert data in (old[rel], new[rel]), f"{rel} is neither the old nor the new file"
    return sum(1 for rel, data in now.items() if data != old[rel])


def test_keyboard_interrupt_in_the_middle_of_a_write_leaves_old_or_new_files(tmp_path, monkeypatch):
    root = generated_tree(tmp_path / "tree", 24)
    old = work_tree_files(root)
    new = expected_after_apply(root, tmp_path / "expected")
    assert all(new[rel] != old[rel] for rel in old)
    real_replace = os.replace
    calls = []

    def replace(src, dst, *args, **kwargs):
        if str(dst).endswith(".py"):
            calls.append(dst)
            if len(calls) == 10:  # the temp file of the 10th file is complete, the rename never happens
                raise KeyboardInterrupt
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(fileio.os, "replace", replace)
    out = cli("apply", str(root), "-j", "1", "--no-cache")
    assert out.exit_code != 0
    monkeypatch.setattr(fileio.os, "replace", real_replace)
    assert assert_each_file_old_or_new(root, old, new) == 9
    again = cli("apply", str(root), "-j", "1", "--no-cache")
    assert again.exit_code == 0, again.output
    assert work_tree_files(root) == new
    assert cli("apply", str(root), "-j", "1", "--no-cache").stderr.startswith("0 files rewritten")


def test_sigint_to_an_apply_process_leaves_old_or_new_files_and_a_second_apply_finishes(tmp_path):
    root = generated_tree(tmp_path / "tree", 250)
    old = work_tree_files(root)
    new = expected_after_apply(root, tmp_path / "expected")
    proc = subprocess.Popen([console_script(), "apply", str(root), "-j", "1", "--no-cache"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        # as soon as the first file is rewritten (files are written in path order)
        first = root / sorted(old)[0]
        wait_for(lambda: proc.poll() is not None or first.read_bytes() != old[sorted(old)[0]],
                 what="apply to start writing")
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=PATIENCE)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert_each_file_old_or_new(root, old, new)
    again = subprocess.run([console_script(), "apply", str(root), "-j", "1", "--no-cache"], capture_output=True,
                           timeout=PATIENCE)
    assert again.returncode == 0, again.stderr
    assert work_tree_files(root) == new


def test_an_interrupt_just_as_the_temp_file_is_created_leaves_no_temp_file(tmp_path, monkeypatch):
    root = generated_tree(tmp_path / "tree", 4)
    old = work_tree_files(root)
    plan = build_plan(root, load_config(root), workers=1, use_cache=False)
    real_mkstemp = tempfile.mkstemp
    calls = []

    def mkstemp(*args, **kwargs):
        made = real_mkstemp(*args, **kwargs)
        calls.append(made)
        if len(calls) == 2:  # Ctrl-C lands after the temp file exists, before its name is returned
            os.kill(os.getpid(), signal.SIGINT)
        return made

    monkeypatch.setattr(fileio.tempfile, "mkstemp", mkstemp)
    with pytest.raises(KeyboardInterrupt):
        write_changes(plan)
    now = work_tree_files(root)
    assert set(now) == set(old), sorted(set(now) - set(old))
    assert sum(1 for rel in now if now[rel] != old[rel]) == 1
