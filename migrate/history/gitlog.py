"""What ``status --history`` reads from git: the branch's log and a commit's files, parsed.

Read-only. git itself runs through ``migrate.gitops`` (hooks off, every failure a
one-line ``GitError``); this module only asks for the listings and parses them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from migrate.gitops import run_command

if TYPE_CHECKING:
    import git


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
    out = run_command(repo, "log", *args, "HEAD", "--", keep_newline=True)
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
    out = run_command(repo, "ls_tree", "-r", "-z", "--full-tree", commit, keep_newline=True)
    files = {}
    for record in out.split("\0"):
        meta, _, path = record.partition("\t")
        if meta.startswith(("100644 blob ", "100755 blob ")):
            files[path] = meta.rsplit(" ", 1)[1]
    return files
