"""Fault injection on the example migration: every fault leaves no file lost or corrupted.

The bundled example is copied to a tmp git repository, its manager exposed and
committed (README step 1). Then ``apply`` and ``run`` are driven while a fault is
injected: a full disk or I/O error on write (``os.replace`` / ``os.fsync`` /
a short write failing on the k-th file), a read-only file, a file edited by
another process between plan and write, KeyboardInterrupt half-way through
``apply`` and at each step of a ``run`` batch, a test command that crashes or
hangs, and a git commit that fails. After each:

* every file that should be untouched has the same hash as before;
* every file the migration changes is either exactly old or exactly new;
* ``git for-each-ref`` and ``git log --all`` differ only by the expected commits;
* no worktree, lock or temp file is left behind;
* re-running (``apply`` again, ``run --resume`` / ``--retry-failed``) completes,
  with the same end state as a run without the fault.
"""

from __future__ import annotations

import errno
import io
import os
import shutil
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from migrate import cli as cli_module
from migrate.workspace import fileio
from migrate import gitops
from migrate.run import state as state_module
from migrate.run import testrun
from migrate.workspace.config import load_config
from migrate.run.model import RunError, RunOptions
from migrate.run.runner import run_batches
from migrate.workspace.pipeline import build_plan
from tests.reliability.reliability_support import (
    assert_no_leftovers, branches, cli, git, hashes, head, hermetic_git, history, kill_quietly, load_state,
    make_repo, process_gone, service_config, show_file, snapshot_example, wait_for, work_tree_files,
)

SERVICES = ["scripts", "test_framework"]  # one batch, then the batch the faults hit
FAULTY = "test_framework"
TIMEOUT = 5

# test_framework's test command: passes, unless a flag says to crash or hang when the migration changed
# something (so the run on the unmodified base, if any, still passes).
PROBE = '''\
import os, subprocess, sys, time
flags = sys.argv[1]
migrated = subprocess.call(["git", "diff", "--quiet", "HEAD"]) != 0
if migrated and os.path.exists(os.path.join(flags, "crash")):
    os.abort()
if migrated and os.path.exists(os.path.join(flags, "hang")):
    with open(os.path.join(flags, "pid"), "w") as fh:
        fh.write(str(os.getpid()))
    time.sleep(300)
'''


@pytest.fixture(scope="module", autouse=True)
def env(tmp_path_factory):
    with hermetic_git(tmp_path_factory.mktemp("gitconfig")):
        yield


@pytest.fixture(scope="module")
def flags(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("flags")
    (directory / "probe.py").write_text(PROBE)
    return directory


@pytest.fixture(scope="module")
def pristine(tmp_path_factory, flags) -> Path:
    example = snapshot_example(tmp_path_factory.mktemp("example") / "example_monorepo")
    probe = service_config(FAULTY, [sys.executable, str(flags / "probe.py"), str(flags)], test_timeout=TIMEOUT)
    return make_repo(example, tmp_path_factory.mktemp("pristine") / "repo", pyproject_extra=probe)


@pytest.fixture(scope="module")
def expected(pristine) -> dict[str, tuple[str, bytes, bytes]]:
    """path -> (service, old bytes, new bytes) for every file the migration changes."""
    plan = build_plan(pristine, load_config(pristine), workers=1, use_cache=False)
    return {o.path: (o.service, o.original, o.result.new_source) for o in plan.changed}


@pytest.fixture
def repo(pristine, flags, tmp_path) -> Path:
    for name in ("crash", "hang", "pid"):
        (flags / name).unlink(missing_ok=True)
    root = tmp_path / "repo"
    shutil.copytree(pristine, root, symlinks=True)
    return root


@dataclass
class Before:
    files: dict[str, bytes]
    hashes: dict[str, str]
    refs: list[str]
    log: list[str]
    head: tuple[str | None, str]


def before(root: Path) -> Before:
    refs, log = history(root)
    return Before(work_tree_files(root), hashes(root), refs, log, head(root))


# ------------------------------------------------------------- assertions
def assert_files_old_or_new(root: Path, was: Before, expected, *, new_count: int | None = None,
                            kept: dict[str, bytes] | None = None) -> list[str]:
    """Untouched files keep their hash; migrated files are exactly old or new. Returns the new ones."""
    now = work_tree_files(root)
    assert set(now) == set(was.files), sorted(set(now) ^ set(was.files))  # nothing lost, no temp file left
    now_hashes = hashes(root)
    rewritten = []
    for rel in now:
        if kept and rel in kept:
            assert now[rel] == kept[rel], f"{rel}: the other process's edit was lost"
        elif rel in expected:
            _service, old, new = expected[rel]
            assert now[rel] in (old, new), f"{rel} is neither the old nor the new file"
            if now[rel] == new:
                rewritten.append(rel)
        else:
            assert now_hashes[rel] == was.hashes[rel], f"{rel} changed but should be untouched"
    if new_count is not None:
        assert len(rewritten) == new_count, rewritten
    return rewritten


def assert_history(root: Path, was: Before, committed: list[str]) -> None:
    """Refs and reachable commits are as before plus exactly one commit per ``committed`` service."""
    refs, log = history(root)
    tips = branches(root)
    added = {f"refs/heads/idmigrate/{s} {tips[f'idmigrate/{s}']}" for s in committed}
    assert set(refs) == set(was.refs) | added and len(refs) == len(was.refs) + len(committed)
    new_lines = [line for line in log if line not in was.log]
    assert len(log) == len(was.log) + len(committed)
    base_tree = git(root, "rev-parse", f"{was.head[1]}^{{tree}}").strip()
    for line in new_lines:
        sha, parent, tree, subject = line.split(" ", 3)
        assert parent == was.head[1] and tree != base_tree
        assert subject.startswith("idmigrate: migrate ")


def assert_branches_match_apply(root: Path, expected, services: list[str]) -> None:
    """Each batch branch holds exactly what ``apply --service S`` writes (the run without faults)."""
    base = head(root)[1]
    for service in services:
        branch = f"idmigrate/{service}"
        changed = set(git(root, "diff", "--name-only", base, branch).split())
        wanted = {rel for rel, (svc, _old, _new) in expected.items() if svc == service}
        assert changed == wanted, service
        repo = gitops.open_repo(root)
        try:
            for rel in wanted:
                assert show_file(repo, branch, rel) == expected[rel][2], rel
        finally:
            repo.close()


def assert_run_left_checkout_alone(root: Path, was: Before) -> None:
    assert head(root) == was.head
    assert hashes(root) == was.hashes
    assert_no_leftovers(root)


def apply(root: Path):
    return cli("apply", str(root), "-j", "1", "--no-cache")


def assert_reapply_completes(root: Path, expected) -> None:
    again = apply(root)
    assert again.exit_code == 0, again.output
    for rel, (_service, _old, new) in expected.items():
        assert (root / rel).read_bytes() == new, rel
    assert apply(root).stderr.startswith("0 files rewritten")


def nth_py_write(counter: list, k: int, dst) -> bool:
    """True for the k-th rename onto a .py file (temp files of state/cache are not .py)."""
    if not str(dst).endswith(".py"):
        return False
    counter.append(dst)
    return len(counter) == k


# ------------------------------------------------------------ apply faults
class ShortWrite:
    """A file object whose disk fills up half-way through the data."""

    def __init__(self, real):
        self.real = real

    def write(self, data):
        self.real.write(data[: len(data) // 2])
        self.real.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name):
        return getattr(self.real, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.real.close()
        return False


def inject_write_fault(monkeypatch, fault: str, k: int) -> None:
    calls: list = []
    if fault == "ENOSPC on rename":
        real_replace = os.replace

        def replace(src, dst, *a, **kw):
            if nth_py_write(calls, k, dst):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return real_replace(src, dst, *a, **kw)

        monkeypatch.setattr(fileio.os, "replace", replace)
    elif fault == "EIO on fsync":
        real_fsync = os.fsync

        def fsync(fd):
            if stat.S_ISREG(os.fstat(fd).st_mode):
                calls.append(fd)
                if len(calls) == k:
                    raise OSError(errno.EIO, os.strerror(errno.EIO))
            return real_fsync(fd)

        monkeypatch.setattr(fileio.os, "fsync", fsync)
    elif fault == "disk full half-way through a file":
        real_fdopen = os.fdopen

        def fdopen(fd, mode="r", *a, **kw):
            handle = real_fdopen(fd, mode, *a, **kw)
            if "w" in mode:
                calls.append(fd)
                if len(calls) == k:
                    return ShortWrite(handle)
            return handle

        monkeypatch.setattr(fileio.os, "fdopen", fdopen)
    else:
        raise AssertionError(fault)


WRITE_FAULTS = {
    "ENOSPC on rename": "No space left on device",
    "EIO on fsync": "Input/output error",
    "disk full half-way through a file": "No space left on device",
}


@pytest.mark.parametrize("fault", sorted(WRITE_FAULTS))
def test_apply_write_fault_on_the_kth_file(repo, expected, monkeypatch, fault):
    was = before(repo)
    inject_write_fault(monkeypatch, fault, k=3)
    out = apply(repo)
    monkeypatch.undo()
    assert out.exit_code == 1
    failed = sorted(expected)[2]  # files are written in path order
    assert f"not written: {failed}: {WRITE_FAULTS[fault]}" in out.stderr
    rewritten = assert_files_old_or_new(repo, was, expected, new_count=len(expected) - 1)
    assert failed not in rewritten
    assert history(repo) == (was.refs, was.log)
    assert_reapply_completes(repo, expected)


def test_apply_skips_a_read_only_file(repo, expected):
    locked = repo / sorted(expected)[0]
    locked.chmod(0o444)
    was = before(repo)
    out = apply(repo)
    assert out.exit_code == 1
    assert f"not written: {sorted(expected)[0]}: read-only" in out.stderr
    assert sorted(expected)[0] not in assert_files_old_or_new(repo, was, expected, new_count=len(expected) - 1)
    assert stat.S_IMODE(locked.stat().st_mode) == 0o444
    assert history(repo) == (was.refs, was.log)
    locked.chmod(0o644)
    assert_reapply_completes(repo, expected)


def test_apply_keeps_a_file_another_process_changed_after_the_plan(repo, expected, monkeypatch):
    victim = sorted(expected)[1]
    edit = b"# edited by another process meanwhile\n"
    real_build_plan = cli_module.build_plan

    def plan_then_edit(*args, **kwargs):
        plan = real_build_plan(*args, **kwargs)
        with open(repo / victim, "ab") as fh:
            fh.write(edit)
        return plan

    was = before(repo)
    monkeypatch.setattr(cli_module, "build_plan", plan_then_edit)
    out = apply(repo)
    monkeypatch.undo()
    assert out.exit_code == 1
    assert f"not written: {victim}: the file changed while idmigrate was running" in out.stderr
    edited = expected[victim][1] + edit
    assert_files_old_or_new(repo, was, expected, new_count=len(expected) - 1, kept={victim: edited})
    again = apply(repo)
    assert again.exit_code == 0, again.output
    assert (repo / victim).read_bytes() == expected[victim][2] + edit  # migrated, and the edit kept
    assert history(repo) == (was.refs, was.log)


_DOOMED: list[str] = []  # the file whose worker dies (module level: the pool pickles the function)


def _run_jobs_dying_on_doomed(jobs, *args):
    from migrate.workspace import workers

    if any(job.path in _DOOMED for job in jobs):
        os._exit(9)  # the forked worker vanishes without a word
    return workers.__dict__["_real_run_jobs"](jobs, *args)


@pytest.mark.parametrize("early_fork_files", [1, 100_000], ids=["forked-before-reading", "forked-to-transform"])
def test_a_worker_process_that_dies_is_one_line_and_nothing_is_written(repo, expected, monkeypatch, early_fork_files):
    """A worker killed mid-plan (OOM killer, a crash in native code): exit 2, one line, no file touched."""
    from migrate.workspace import pipeline, workers

    monkeypatch.setattr(pipeline, "EARLY_FORK_FILES", early_fork_files)
    victim = sorted(expected)[0]
    monkeypatch.setattr(sys.modules[__name__], "_DOOMED", [victim])
    monkeypatch.setattr(workers, "_real_run_jobs", workers._run_jobs, raising=False)
    monkeypatch.setattr(workers, "_run_jobs", _run_jobs_dying_on_doomed)
    was = before(repo)
    out = cli("apply", str(repo), "-j", "2", "--no-cache")
    monkeypatch.undo()
    assert out.exit_code == 2, out.output
    (line,) = out.stderr.splitlines()
    assert line.startswith("error: a worker process died") and line.endswith("unfinished; nothing was written")
    assert "Traceback" not in out.output
    assert_files_old_or_new(repo, was, expected, new_count=0)
    assert history(repo) == (was.refs, was.log)
    assert_reapply_completes(repo, expected)


def test_keyboard_interrupt_in_the_middle_of_apply(repo, expected, monkeypatch):
    calls: list = []
    real_replace = os.replace

    def replace(src, dst, *a, **kw):
        if nth_py_write(calls, 5, dst):
            raise KeyboardInterrupt
        return real_replace(src, dst, *a, **kw)

    was = before(repo)
    monkeypatch.setattr(fileio.os, "replace", replace)
    out = apply(repo)
    monkeypatch.undo()
    assert out.exit_code != 0
    assert sorted(assert_files_old_or_new(repo, was, expected)) == sorted(expected)[:4]
    assert history(repo) == (was.refs, was.log)
    assert_reapply_completes(repo, expected)


# -------------------------------------------------------------- run faults
def run(root: Path, **options):
    return run_batches(root, load_config(root), RunOptions(services=SERVICES, jobs=1, **options), log=io.StringIO())


def resume_and_check(root: Path, was: Before, expected, **options) -> None:
    result = run(root, **options)
    assert result.exit_code == 0
    assert {b.service: b.state for b in result.batches} == {s: "committed" for s in SERVICES}
    assert_run_left_checkout_alone(root, was)
    assert_history(root, was, SERVICES)
    assert_branches_match_apply(root, expected, SERVICES)
    assert all(entry["state"] == "committed" for entry in load_state(root)["batches"].values())


def after_batch(service: str):
    """A predicate: is this call for ``service``'s batch? (works out which from the worktree path)."""
    return lambda *args: any(f"worktrees/{service}" in str(a) for a in args)


def interrupt_points(monkeypatch) -> dict[str, callable]:
    def after_call(module, name, is_target):
        real = getattr(module, name)

        def wrapper(*args, **kwargs):
            result = real(*args, **kwargs)
            if is_target(*args):
                raise KeyboardInterrupt
            return result

        return lambda: monkeypatch.setattr(module, name, wrapper)

    calls: list = []
    real_replace = os.replace

    def replace(src, dst, *a, **kw):  # the first file of the batch is written, the second is not
        if f"worktrees/{FAULTY}/" in str(dst) and nth_py_write(calls, 2, dst):
            raise KeyboardInterrupt
        return real_replace(src, dst, *a, **kw)

    commits: list = []
    return {
        "worktree created": after_call(gitops, "add_worktree", after_batch(FAULTY)),
        "half the files written": lambda: monkeypatch.setattr(fileio.os, "replace", replace),
        "changes staged": after_call(gitops, "stage_tracked_changes", after_batch(FAULTY)),
        "tests running": after_call(testrun, "run_tests", after_batch(FAULTY)),
        "commit object made": after_call(gitops, "commit_tree", lambda *a: commits.append(1) or len(commits) == 2),
    }


@pytest.mark.parametrize("point", ["worktree created", "half the files written", "changes staged", "tests running",
                                   "commit object made"])
def test_keyboard_interrupt_in_the_middle_of_a_run_batch(repo, expected, monkeypatch, point):
    was = before(repo)
    interrupt_points(monkeypatch)[point]()
    with pytest.raises(KeyboardInterrupt):
        run(repo)
    monkeypatch.undo()
    assert_run_left_checkout_alone(repo, was)
    assert_history(repo, was, ["scripts"])
    state = load_state(repo)
    assert state["run"]["status"] == "interrupted"
    assert (state["batches"]["scripts"]["state"], state["batches"][FAULTY]["state"]) == ("committed", "running")
    resume_and_check(repo, was, expected, resume=True)


@pytest.mark.parametrize("fault", ["crash", "hang"])
def test_a_test_command_that_crashes_or_hangs_makes_the_batch_red(repo, expected, flags, fault):
    (flags / fault).touch()
    was = before(repo)
    result = run(repo, keep_going=True)
    assert result.exit_code == 1
    batch = {b.service: b for b in result.batches}[FAULTY]
    assert batch.state == "red" and batch.commit is None
    if fault == "crash":
        assert batch.reason == "tests failed (exit -6; exit 0 on the base)"
    else:
        assert batch.reason == "timeout" and batch.tests["status"] == "timeout"
        pid = int((flags / "pid").read_text())
        try:
            wait_for(lambda: process_gone(pid), what="the hanging test command to be killed")
        finally:
            kill_quietly(pid)
    assert f"idmigrate/{FAULTY}" not in branches(repo)
    assert_run_left_checkout_alone(repo, was)
    assert_history(repo, was, ["scripts"])
    (flags / fault).unlink()
    resume_and_check(repo, was, expected, retry_failed=True)


def lock_the_ref(root: Path, monkeypatch) -> None:
    lock = root / ".git" / "refs" / "heads" / "idmigrate" / f"{FAULTY}.lock"  # another git holds the ref
    lock.parent.mkdir(parents=True, exist_ok=True)
    lock.write_text("")


def failing_commit_tree(root: Path, monkeypatch) -> None:
    real = gitops.commit_tree
    calls: list = []

    def commit_tree(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise gitops.GitError("git commit-tree: fatal: unable to write commit object (disk quota exceeded)")
        return real(*args, **kwargs)

    monkeypatch.setattr(gitops, "commit_tree", commit_tree)


@pytest.mark.parametrize("fault", [lock_the_ref, failing_commit_tree], ids=["ref locked", "commit-tree fails"])
def test_a_failing_git_commit_stops_the_run_in_one_line_and_resume_finishes(repo, expected, monkeypatch, fault):
    was = before(repo)
    fault(repo, monkeypatch)
    out = cli("run", str(repo), *[a for s in SERVICES for a in ("--service", s)], "-j", "1")
    monkeypatch.undo()
    assert out.exit_code == 2
    (line,) = [ln for ln in out.stderr.splitlines() if ln.startswith("error: ")]
    if fault is lock_the_ref:  # git's own reason, not the last line of its advice
        assert line.startswith("error: git update-ref: fatal: ") and f"{FAULTY}.lock': File exists" in line
    else:
        assert line.startswith("error: git commit-tree: fatal: unable to write commit object")
    (repo / ".git" / "refs" / "heads" / "idmigrate" / f"{FAULTY}.lock").unlink(missing_ok=True)
    assert_run_left_checkout_alone(repo, was)
    assert_history(repo, was, ["scripts"])
    state = load_state(repo)
    assert state["run"]["status"] == "failed"
    assert state["batches"][FAULTY]["state"] == "running"
    assert "failed (continue it with `idmigrate run --resume`)" in cli("status", str(repo), "-j", "1").stdout
    resume_and_check(repo, was, expected, resume=True)


def test_disk_full_in_the_batch_worktree_commits_nothing_and_resume_finishes(repo, expected, monkeypatch):
    was = before(repo)
    calls: list = []
    real_replace = os.replace

    def replace(src, dst, *a, **kw):
        if f"worktrees/{FAULTY}/" in str(dst) and nth_py_write(calls, 2, dst):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_replace(src, dst, *a, **kw)

    monkeypatch.setattr(fileio.os, "replace", replace)
    with pytest.raises(RunError, match=f"{FAULTY}: cannot write .* No space left on device; "
                                                   "nothing was committed"):
        run(repo)
    monkeypatch.undo()
    assert_run_left_checkout_alone(repo, was)
    assert_history(repo, was, ["scripts"])  # never a commit with half of the batch
    assert load_state(repo)["batches"][FAULTY]["state"] == "running"
    resume_and_check(repo, was, expected, resume=True)


def test_disk_full_while_saving_the_state_is_one_line_and_a_rerun_finishes(repo, expected, monkeypatch):
    was = before(repo)
    real_save = state_module.replace_file
    calls: list = []

    def save(path, data, **kwargs):
        calls.append(1)
        if len(calls) == 4:  # 1 run pending, 2 scripts running, 3 scripts committed, 4 test_framework running
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        return real_save(path, data, **kwargs)

    monkeypatch.setattr(state_module, "replace_file", save)
    out = cli("run", str(repo), *[a for s in SERVICES for a in ("--service", s)], "-j", "1")
    monkeypatch.undo()
    assert out.exit_code == 2
    assert out.stderr.splitlines()[-1] == f"error: {repo / '.git' / 'idmigrate' / 'state.json'}: No space left on device"
    assert_run_left_checkout_alone(repo, was)
    assert_history(repo, was, ["scripts"])
    resume_and_check(repo, was, expected, resume=True)
