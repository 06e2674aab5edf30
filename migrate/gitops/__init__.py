"""Every git operation idmigrate performs, in this package (the worktrees ``run`` uses: ``worktrees``).

Porcelain commands run as ``git`` subprocesses via GitPython's command wrapper
(``repo.git.<verb>``), so attributes, filters and worktrees behave exactly as
they do for the user's own git. Two helpers that every verb needs work without
GitPython, so that scanning never imports it: ``common_dir`` reads files and
``list_python_files`` runs ``git ls-files`` as a plain subprocess.

Hooks are switched off (``core.hooksPath`` to /dev/null): a hook may be code of
the target repository, and idmigrate runs no code of the target other than the
configured test commands. Nothing here ever checks out, resets or stages
anything in the user's working tree: ``run`` works in separate worktrees and
moves branches with compare-and-swap ``update-ref``.
Every failure is a ``GitError`` with a one-line message.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import git


@functools.lru_cache(maxsize=1)
def _gitpython():
    """GitPython, imported on first use and even when no ``git`` executable is installed.

    On first use: the verbs that only read files (scan, diff, a no-change re-run) never
    pay for importing it. Quietly: by default GitPython raises a multi-line ImportError
    at import time without a git executable, which crashed ``run`` and ``status`` with a
    traceback; imported quietly, ``open_repo`` says it in one line and the verbs that
    need no git still work.
    """
    key = "GIT_PYTHON_REFRESH"
    previous = os.environ.get(key)
    os.environ[key] = "quiet"
    try:
        import git as module
    finally:
        if previous is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = previous
    return module


ZERO_SHA = "0" * 40

#: Files/dirs in a worktree's git dir that mean "an operation is half done".
_IN_PROGRESS = (
    ("MERGE_HEAD", "merge"),
    ("rebase-merge", "rebase"),
    ("rebase-apply", "rebase (or am)"),
    ("CHERRY_PICK_HEAD", "cherry-pick"),
    ("REVERT_HEAD", "revert"),
    ("BISECT_LOG", "bisect"),
)


class GitError(Exception):
    """A git operation failed; the message is one line."""


class NotARepositoryError(GitError):
    pass


class GitNotFoundError(NotARepositoryError):
    """No usable ``git`` executable: nothing here can be a repository we can work in."""


def git_available() -> bool:
    """True when the git executable GitPython would run exists."""
    return shutil.which(_gitpython().Git.GIT_PYTHON_GIT_EXECUTABLE or "git") is not None


def _message(exc) -> str:
    """One line out of a GitPython ``GitCommandError``."""
    text = (exc.stderr if isinstance(exc.stderr, str) else str(exc)).strip()
    # GitPython wraps git's stderr as "stderr: '<text>'": unwrap exactly that, keeping git's own quotes.
    if text.startswith("stderr: '") and text.endswith("'"):
        text = text[len("stderr: '"):-1]
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    for ln in lines:  # git's own verdict, when it printed one
        if ln.startswith(("fatal:", "error:")):
            return ln
    return lines[-1] if lines else f"git {exc.command!r} failed"


_NO_HOOKS = {"GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "core.hooksPath", "GIT_CONFIG_VALUE_0": os.devnull}


def _run(g: git.Git, verb: str, *args: str, **kwargs) -> str:
    try:
        with g.custom_environment(**_NO_HOOKS):
            return getattr(g, verb)(*args, **kwargs)
    except _gitpython().GitCommandError as exc:
        raise GitError(f"git {verb.replace('_', '-')}: {_message(exc)}") from None


# ----------------------------------------------------------------- repository
def open_repo(root: Path) -> git.Repo:
    """The repository whose work tree is exactly ``root``."""
    root = Path(root)
    if not git_available():
        raise GitNotFoundError("git is not installed (no `git` executable on PATH)")
    git = _gitpython()
    not_a_repository = (git.InvalidGitRepositoryError, git.NoSuchPathError)
    try:
        repo = git.Repo(root)
    except not_a_repository:
        try:
            outer = git.Repo(root, search_parent_directories=True)
        except not_a_repository:
            raise NotARepositoryError(f"{root}: not a git repository") from None
        top = outer.working_tree_dir
        outer.close()
        raise NotARepositoryError(
            f"{root}: not a git repository (it is inside the work tree at {top}; pass that as ROOT)"
        ) from None
    if repo.bare or repo.working_tree_dir is None:
        repo.close()
        raise NotARepositoryError(f"{root}: not a git repository with a work tree (bare repository)")
    return repo


def common_dir(work_tree: Path) -> Path | None:
    """The repository's shared git directory, also from a linked worktree (where ``.git`` is
    a file); None when ``work_tree`` has no ``.git``. Reads files only: no git, no GitPython."""
    dot_git = Path(work_tree) / ".git"
    if dot_git.is_dir():
        return dot_git.resolve()
    try:
        text = dot_git.read_text(encoding="utf-8").strip()
    except OSError:
        return None
    if not text.startswith("gitdir:"):
        return None
    git_dir = (Path(work_tree) / text[len("gitdir:"):].strip()).resolve()
    try:
        common = (git_dir / (git_dir / "commondir").read_text(encoding="utf-8").strip()).resolve()
    except OSError:
        common = git_dir
    return common if common.is_dir() else None


def list_python_files(work_tree: Path) -> list[str] | None:
    """Tracked and untracked ``*.py`` files minus ignored ones (``git ls-files``), relative
    and posix; None when ``work_tree`` is not a checkout or git cannot list it.

    A plain subprocess, not GitPython: discovery runs on every verb, and importing GitPython
    would cost a no-change re-run more than the listing itself.
    """
    if not (Path(work_tree) / ".git").exists():
        return None
    try:
        out = subprocess.run(
            ["git", "-c", "core.quotepath=off", "ls-files", "-z", "--cached", "--others", "--exclude-standard",
             "--", "*.py"],
            cwd=work_tree, capture_output=True, check=True, timeout=120,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    # One decode for the whole listing (NUL never occurs inside an encoded name); a file
    # both tracked and untracked-listed (deleted, then re-created) appears twice: keep one.
    return list(dict.fromkeys(name for name in os.fsdecode(out).split("\0") if name))


@dataclass(frozen=True)
class HeadState:
    branch: str | None  # None: detached
    sha: str | None  # None: no commit yet

    def describe(self) -> str:
        short = self.sha[:10] if self.sha else "no commit"
        return f"{self.branch} ({short})" if self.branch else f"detached HEAD ({short})"


def head_state(repo: git.Repo) -> HeadState:
    try:
        sha = _run(repo.git, "rev_parse", "--verify", "-q", "HEAD^{commit}")
    except GitError:
        sha = None
    try:
        ref = _run(repo.git, "symbolic_ref", "-q", "HEAD")
        branch = ref[len("refs/heads/"):] if ref.startswith("refs/heads/") else ref
    except GitError:
        branch = None
    return HeadState(branch, sha or None)


def operation_in_progress(repo: git.Repo) -> str | None:
    """'merge', 'rebase', 'cherry-pick', ... when one is half done in ROOT's worktree."""
    git_dir = Path(repo.git_dir)
    for name, what in _IN_PROGRESS:
        if (git_dir / name).exists():
            return what
    return None


def dirty_paths(repo: git.Repo) -> list[str]:
    """Modified, staged and untracked paths; files ignored by .gitignore do not count."""
    out = _run(repo.git, "status", "--porcelain=v1", "-z", "--untracked-files=all", strip_newline_in_stdout=False)
    paths: list[str] = []
    entries = out.split("\0")
    i = 0
    while i < len(entries):
        entry = entries[i]
        i += 1
        if len(entry) < 4:
            continue
        paths.append(entry[3:])
        if entry[0] in "RC":  # a rename/copy is followed by its source path
            i += 1
    return paths


def identity_problem(repo: git.Repo) -> str | None:
    """Why git could not make a commit here (no user.name/user.email), else None."""
    try:
        _run(repo.git, "var", "GIT_COMMITTER_IDENT")
        _run(repo.git, "var", "GIT_AUTHOR_IDENT")
    except GitError:
        return "git has no committer identity here; set user.name and user.email (git config)"
    return None


def resolve_commit(repo: git.Repo, ref: str) -> str:
    if ref.startswith("-"):
        raise GitError(f"{ref!r} is not a commit")
    try:
        return _run(repo.git, "rev_parse", "--verify", "-q", f"{ref}^{{commit}}")
    except GitError:
        raise GitError(f"{ref!r} is not a commit in this repository") from None


def tree_of(repo: git.Repo, rev: str) -> str:
    return _run(repo.git, "rev_parse", "--verify", f"{rev}^{{tree}}")


# ------------------------------------------------------------------- branches
def valid_branch_name(repo: git.Repo, name: str) -> bool:
    try:
        _run(repo.git, "check_ref_format", "--branch", name)
    except GitError:
        return False
    return not name.startswith("-")


def branch_tip(repo: git.Repo, name: str) -> str | None:
    try:
        return _run(repo.git, "rev_parse", "--verify", "-q", f"refs/heads/{name}^{{commit}}") or None
    except GitError:
        return None


def commit_parent_and_message(repo: git.Repo, sha: str) -> tuple[str | None, str]:
    """The first parent of ``sha`` (None for a root commit) and its message."""
    out = _run(repo.git, "log", "-1", "--format=%P%n%B", sha)
    parents, _, message = out.partition("\n")
    return (parents.split() or [None])[0], message


def checked_out_branches(repo: git.Repo) -> dict[str, str]:
    """branch name -> path of the worktree that has it checked out."""
    out = _run(repo.git, "worktree", "list", "--porcelain")
    result: dict[str, str] = {}
    current = ""
    for line in out.splitlines():
        if line.startswith("worktree "):
            current = line[len("worktree "):]
        elif line.startswith("branch refs/heads/"):
            result[line[len("branch refs/heads/"):]] = current
    return result


def set_branch(repo: git.Repo, name: str, new_sha: str, old_sha: str | None, reason: str) -> None:
    """Point ``name`` at ``new_sha`` only if it still is at ``old_sha`` (None: must not exist)."""
    _run(repo.git, "update_ref", "-m", reason, f"refs/heads/{name}", new_sha, old_sha or ZERO_SHA)


def delete_branch(repo: git.Repo, name: str, old_sha: str) -> None:
    """Delete ``name`` only if it still points at ``old_sha``."""
    _run(repo.git, "update_ref", "-d", f"refs/heads/{name}", old_sha)


def run_command(repo: git.Repo, verb: str, *args: str, keep_newline: bool = False) -> str:
    """``git VERB ARGS`` in ``repo`` (``rev_parse`` for rev-parse), hooks off, one-line errors.

    For one-off steps (setting up the ``idmigrate demo`` repository) and the read-only
    listings ``status --history`` parses; ``run`` uses the verbs above.
    """
    return _run(repo.git, verb, *args, strip_newline_in_stdout=not keep_newline)


def read_blobs(repo: git.Repo, blob_ids: list[str]) -> dict[str, bytes]:
    """The bytes of each blob, read in one ``git cat-file --batch`` (the work tree is not touched)."""
    if not blob_ids:
        return {}
    request = "".join(f"{b}\n" for b in blob_ids).encode()
    try:
        out = subprocess.run([_gitpython().Git.GIT_PYTHON_GIT_EXECUTABLE or "git", "cat-file", "--batch"],
                             cwd=repo.working_tree_dir, input=request, capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        raise GitError(f"git cat-file: {exc}") from None
    blobs: dict[str, bytes] = {}
    at = 0
    for blob in blob_ids:  # "<id> blob <size>\n<bytes>\n", or "<id> missing\n"
        end = out.index(b"\n", at)
        fields = out[at:end].split(b" ")
        at = end + 1
        if len(fields) == 3 and fields[1] == b"blob":
            size = int(fields[2])
            blobs[blob] = out[at:at + size]
            at += size + 1
    return blobs


def init_repository(path: Path) -> None:
    """``git init`` at ``path``, on a ``main`` branch where git can name it (2.28+)."""
    git = _gitpython()
    try:
        git.Repo.init(path, initial_branch="main").close()
    except git.GitCommandError:  # git older than 2.28
        try:
            git.Repo.init(path).close()
        except git.GitCommandError as exc:
            raise GitError(f"git init: {_message(exc)}") from None


# The worktree half lives in its own module; callers keep using ``gitops.<name>``.
from migrate.gitops.worktrees import (  # noqa: E402
    add_worktree, commit_tree, registered_worktrees, remove_worktree, reset_worktree, stage_tracked_changes,
)

__all__ = [
    "GitError", "GitNotFoundError", "HeadState", "NotARepositoryError", "ZERO_SHA", "add_worktree",
    "branch_tip", "checked_out_branches", "commit_parent_and_message", "commit_tree", "common_dir",
    "delete_branch", "dirty_paths", "git_available", "head_state", "identity_problem", "init_repository",
    "list_python_files", "open_repo", "operation_in_progress", "read_blobs", "registered_worktrees",
    "remove_worktree", "reset_worktree", "resolve_commit", "run_command", "set_branch",
    "stage_tracked_changes", "tree_of", "valid_branch_name",
]
