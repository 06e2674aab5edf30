"""Helpers for the reliability and fault-injection tests: hermetic git, example repos, snapshots.

Not a test module (no ``test_`` prefix); imported by ``test_reliability_*.py`` and
``test_fault_injection.py``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import pytest
from typer.testing import CliRunner

from migrate.cli import app
from migrate.workspace.config import load_config
from migrate.compat.expose import expose_manager
from migrate.run.state import LOCK_FILE

from migrate.demo.demo import EXAMPLE, commit_all, init_repo
from tests.migrate.run.run_support import load_state  # noqa: F401  (re-exported for the reliability tests)
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", ".benchmarks", ".pytest_cache")
#: Upper bound for waiting on a subprocess event; a guard against hanging, never an assertion on speed.
PATIENCE = 120.0


@contextlib.contextmanager
def hermetic_git(config_dir: Path) -> Iterator[None]:
    """No user/system git config, a fixed identity (inherited by every subprocess)."""
    empty = config_dir / "gitconfig"
    empty.write_text("")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("GIT_CONFIG_GLOBAL", str(empty))
        mp.setenv("GIT_CONFIG_NOSYSTEM", "1")
        for who in ("AUTHOR", "COMMITTER"):
            mp.setenv(f"GIT_{who}_NAME", "Test Engineer")
            mp.setenv(f"GIT_{who}_EMAIL", "test@example.invalid")
        yield


def git(root: Path, *args: str, check: bool = True) -> str:
    proc = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
    if check and proc.returncode:
        raise AssertionError(f"git {' '.join(args)} failed: {proc.stderr}")
    return proc.stdout


def show_file(repo, rev: str, path: str) -> bytes:
    """The exact bytes of ``path`` at ``rev`` in a GitPython ``repo`` (no filters)."""
    return repo.git.show(f"{rev}:{path}", stdout_as_string=False, strip_newline_in_stdout=False)


def changed_paths(repo, old: str, new: str) -> list[str]:
    """Paths that differ between two commits of a GitPython ``repo``."""
    out = repo.git.diff("--name-only", "-z", "--no-renames", old, new, strip_newline_in_stdout=False)
    return [p for p in out.split("\0") if p]


def snapshot_example(dest: Path) -> Path:
    """A private copy of the bundled example (other people edit the original while tests run)."""
    shutil.copytree(EXAMPLE, dest, ignore=IGNORE)
    return dest


def make_repo(source: Path, dest: Path, *, expose: bool = True, pyproject_extra: str = "",
              files: dict[str, str] | None = None) -> Path:
    """``source`` copied to ``dest`` as a git repo; the manager exposed and committed (the README's step 1)."""
    shutil.copytree(source, dest, ignore=IGNORE)
    if pyproject_extra:
        with open(dest / "pyproject.toml", "a", encoding="utf-8") as fh:
            fh.write(pyproject_extra)
    for rel, text in (files or {}).items():
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        (dest / rel).write_text(text, encoding="utf-8")
    init_repo(dest, "Example monorepo")
    if expose:
        expose_manager(dest, load_config(dest))
        commit_all(dest, "Expose the manager under shared/")
    return dest


def service_config(service: str, argv: list[str], **extra) -> str:
    """A ``[tool.idmigrate.services.<service>]`` table (JSON strings and arrays are valid TOML)."""
    lines = [f"\n[tool.idmigrate.services.{service}]", f"test_command = {json.dumps(argv)}"]
    lines += [f"{key} = {json.dumps(value)}" for key, value in extra.items()]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- snapshots
def work_tree_files(root: Path) -> dict[str, bytes]:
    """Every file outside ``.git`` (tracked, modified, untracked and ignored alike), as bytes."""
    out = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if rel == ".git" or rel.startswith(".git/") or path.is_symlink() or not path.is_file():
            continue
        out[rel] = path.read_bytes()
    return out


def hashes(root: Path) -> dict[str, str]:
    return {rel: hashlib.sha256(data).hexdigest() for rel, data in work_tree_files(root).items()}


def history(root: Path) -> tuple[list[str], list[str]]:
    """(``git for-each-ref``, ``git log --all``): every ref and every reachable commit."""
    refs = git(root, "for-each-ref", "--format=%(refname) %(objectname)").splitlines()
    log = git(root, "log", "--all", "--format=%H %P %T %s").splitlines()
    return refs, log


def head(root: Path) -> tuple[str | None, str]:
    branch = git(root, "symbolic-ref", "-q", "--short", "HEAD", check=False).strip() or None
    return branch, git(root, "rev-parse", "HEAD").strip()


def branches(root: Path) -> dict[str, str]:
    out = git(root, "for-each-ref", "--format=%(refname:short) %(objectname)", "refs/heads/")
    return dict(line.split(" ", 1) for line in out.splitlines())


def status_porcelain(root: Path) -> str:
    return git(root, "status", "--porcelain", "--untracked-files=all")




def assert_no_leftovers(root: Path) -> None:
    """No extra worktree registered or on disk, and no lock."""
    listed = [ln for ln in git(root, "worktree", "list", "--porcelain").splitlines() if ln.startswith("worktree ")]
    assert len(listed) == 1, listed
    wt_dir = root / ".git" / "idmigrate" / "worktrees"
    assert not wt_dir.exists() or not any(wt_dir.iterdir()), list(wt_dir.iterdir())
    assert not (root / ".git" / "worktrees").exists() or not any((root / ".git" / "worktrees").iterdir())
    assert not (root / ".git" / "idmigrate" / LOCK_FILE).exists()


# ---------------------------------------------------------------- running it
def cli(*args: str):
    """``idmigrate`` in-process (monkeypatches apply); exceptions other than exits propagate."""
    result = CliRunner().invoke(app, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def console_script() -> str:
    """The installed ``idmigrate`` entry point: what a user runs (it does not put the cwd on sys.path)."""
    beside = Path(sys.executable).with_name("idmigrate")
    found = str(beside) if beside.exists() else shutil.which("idmigrate")
    assert found, "the idmigrate console script is not installed (pip install -e '.[test]')"
    return found


def idmigrate(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([console_script(), *args], cwd=cwd, env=env, capture_output=True, timeout=PATIENCE)


def wait_for(predicate, proc: subprocess.Popen | None = None, what: str = "the event") -> None:
    """Poll until ``predicate()``; fail (with the process output) if the process ends first."""
    deadline = time.monotonic() + PATIENCE
    while not predicate():
        if proc is not None and proc.poll() is not None:
            out, err = proc.communicate()
            pytest.fail(f"the process ended (exit {proc.returncode}) before {what}:\n{out!r}\n{err!r}")
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.02)


def process_gone(pid: int) -> bool:
    """True once ``pid`` no longer runs (a zombie counts as gone)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return False


def kill_quietly(pid: int) -> None:
    with contextlib.suppress(OSError):
        os.kill(pid, signal.SIGKILL)
