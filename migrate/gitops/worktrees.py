"""The private worktrees ``run`` works in, and the commit objects it makes there."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from migrate.gitops import GitError, _gitpython, _run

if TYPE_CHECKING:
    import git


def registered_worktrees(repo: git.Repo) -> list[Path]:
    out = _run(repo.git, "worktree", "list", "--porcelain")
    return [Path(line[len("worktree "):]) for line in out.splitlines() if line.startswith("worktree ")]


def add_worktree(repo: git.Repo, path: Path, commit: str) -> None:
    """A detached worktree of ``commit`` at ``path`` (which must not exist)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)  # private: user-only like the rest of our state
    _run(repo.git, "worktree", "add", "--detach", "--quiet", str(path), commit)


def _force_rmtree(path: Path) -> None:
    def onerror(func, target, _exc):  # read-only dirs left behind by a test run
        try:
            os.chmod(os.path.dirname(target), stat.S_IRWXU)
            os.chmod(target, stat.S_IRWXU)
            func(target)
        except OSError:
            pass

    if path.is_symlink():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path, onerror=onerror)


def remove_worktree(repo: git.Repo, path: Path) -> None:
    """Remove the worktree at ``path`` and its registration; never raises for a missing one."""
    resolved = path.resolve()
    if any(w.resolve() == resolved for w in registered_worktrees(repo)):
        try:
            _run(repo.git, "worktree", "remove", "--force", "--force", str(path))
        except GitError:
            pass
    _force_rmtree(path)
    try:
        _run(repo.git, "worktree", "prune")
    except GitError:
        pass


def stage_tracked_changes(worktree: Path) -> str:
    """Stage every change to tracked files in ``worktree``; return the tree object's id."""
    g = _gitpython().Git(str(worktree))
    _run(g, "add", "--update", "--", ".")
    return _run(g, "write_tree")


def reset_worktree(worktree: Path, commit: str) -> None:
    """Make a (private) worktree exactly ``commit`` again, dropping every change and new file."""
    g = _gitpython().Git(str(worktree))
    _run(g, "reset", "--hard", "--quiet", commit)
    _run(g, "clean", "-ffdxq")


def commit_tree(repo: git.Repo, tree: str, parent: str, message: str) -> str:
    """A commit object (no branch moves, no hooks) with ``tree``, ``parent`` and ``message``."""
    fd, path = tempfile.mkstemp(prefix="idmigrate-msg-", suffix=".txt")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(message)
        return _run(repo.git, "commit_tree", tree, "-p", parent, "-F", path)
    finally:
        os.unlink(path)
