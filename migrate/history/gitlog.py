"""Read-only git plumbing for ``status --history``: the branch's log, a commit's files, blob bytes.

Nothing here writes to the repository or the work tree. It sits beside the history code
rather than in ``migrate.gitops`` (the module that moves branches and worktrees for
``run``), but runs git the same way: through GitPython's command wrapper, with hooks
off, every failure a one-line ``GitError``.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass

from migrate.gitops import GitError, _run, git


@dataclass(frozen=True)
class LogEntry:
    commit: str
    date: str  # committer date, ISO 8601
    #: (old blob, new blob, status letter, path) against the first parent.
    changes: tuple[tuple[str, str, str, str], ...]


def first_parent_log(repo: git.Repo, limit: int | None = None, since: str | None = None) -> list[LogEntry]:
    """The current branch's commits, newest first, following first parents, each with its raw changes."""
    args = ["--first-parent", "--diff-merges=first-parent", "--raw", "-z", "--no-renames", "--no-abbrev",
            "--format=%x01%H %cI"]
    if limit:
        args.append(f"--max-count={limit}")
    if since:
        args.append(f"--since={since}")
    out = _run(repo.git, "log", *args, "HEAD", "--", strip_newline_in_stdout=False)
    entries: list[LogEntry] = []
    header: tuple[str, str] | None = None
    changes: list[tuple[str, str, str, str]] = []
    tokens = out.split("\0")
    i = 0
    while i < len(tokens):
        token = tokens[i].lstrip("\n")
        if token.startswith("\x01"):
            if header:
                entries.append(LogEntry(*header, tuple(changes)))
            commit, _, date = token[1:].partition(" ")
            header, changes = (commit, date), []
        elif token.startswith(":"):
            _old_mode, _new_mode, old, new, status = token[1:].split(" ")
            changes.append((old, new, status[:1], tokens[i + 1]))
            i += 1
        i += 1
    if header:
        entries.append(LogEntry(*header, tuple(changes)))
    return entries


def tree_files(repo: git.Repo, commit: str) -> dict[str, str]:
    """path -> blob id of every regular file in ``commit`` (symlinks and submodules left out)."""
    out = _run(repo.git, "ls_tree", "-r", "-z", "--full-tree", commit, strip_newline_in_stdout=False)
    files = {}
    for record in out.split("\0"):
        meta, _, path = record.partition("\t")
        if meta.startswith(("100644 blob ", "100755 blob ")):
            files[path] = meta.rsplit(" ", 1)[1]
    return files


def read_blobs(repo: git.Repo, blob_ids: list[str]) -> dict[str, bytes]:
    """The bytes of each blob, read in one ``git cat-file --batch`` (nothing touches the work tree)."""
    if not blob_ids:
        return {}
    request = "".join(f"{b}\n" for b in blob_ids).encode()
    try:
        out = subprocess.run([git.Git.GIT_PYTHON_GIT_EXECUTABLE or "git", "cat-file", "--batch"],
                             cwd=repo.working_tree_dir, input=request, capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        raise GitError(f"git cat-file: {exc}") from None
    blobs: dict[str, bytes] = {}
    at = 0
    for blob in blob_ids:
        end = out.index(b"\n", at)
        fields = out[at:end].split(b" ")
        at = end + 1
        if len(fields) == 3 and fields[1] == b"blob":
            size = int(fields[2])
            blobs[blob] = out[at:at + size]
            at += size + 1
    return blobs
