"""The work tree's Python files, as one comparable value, without reading them.

git already knows which tracked files differ from its index: ``git diff-files`` compares each
file's stat data with the index entry (and the contents of entries git considers racy) and
lists every file whose stat data or contents differ; ``git ls-files --others`` lists the
untracked files that are not ignored. So the tree holds the same Python files with the same
bytes as when an earlier ``TreeState`` was taken when:

- the index is the same (its trailing checksum, read before and after git looked, so a
  checkout or ``git add`` meanwhile is seen), and so is HEAD;
- git lists the same files as differing from the index, even those whose stat data alone
  changed (a touched file stays listed until the index is refreshed, so a file edited, even
  edited back, after a state was taken is listed from then on);
- those files and the untracked ones have the same stat data (size, mtime, ctime, inode,
  mode), and that data was older than ``SLACK_NS`` when it was taken: an edit within the
  same clock tick cannot hide, and ctime cannot be set back by tools that restore mtimes.

These are the only git commands outside ``migrate/gitops/``: plain subprocesses that only
read, like its ``list_python_files``. Files git is told not to look at (``update-index
--assume-unchanged``, skip-worktree) are trusted the way git trusts them. Anything unexpected
(no git, no commit yet, a git command failing, an index being written) means no state: the
caller then takes the ordinary path.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

#: Stat data younger than this when taken is not trusted (coarse file system clocks, skew).
SLACK_NS = 2_000_000_000
_TIMEOUT = 120
_PATHSPEC = ("--", "*.py")

Stamp = tuple[int, int, int, int, int] | None


@dataclass(frozen=True)
class TreeState:
    index: bytes
    head: str
    #: (path, stamp) of the tracked files git lists as differing from the index, by path.
    dirty: tuple[tuple[str, Stamp], ...]
    #: (path, stamp) of the untracked, not ignored files, by path.
    untracked: tuple[tuple[str, Stamp], ...]
    #: Some stamp was too recent to be trusted later: a plan made now must not be reused.
    recent: bool = False
    #: When the state was taken (``time.time_ns()``).
    taken_ns: int = 0

    def same_tree(self, other: "TreeState") -> bool:
        return (self.index, self.head, self.dirty, self.untracked) == (
            other.index, other.head, other.dirty, other.untracked)


def _stamp(path: str, limit_ns: int) -> tuple[Stamp, bool]:
    """(stamp, too recent) of one file; a file that is gone has the stamp None."""
    try:
        st = os.lstat(path)
    except OSError:
        return None, False
    stamp = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_mode)
    return stamp, max(st.st_mtime_ns, st.st_ctime_ns) >= limit_ns


def _index_digest(index: Path) -> bytes | None:
    """The index's trailing checksum (the whole file's hash when git skips writing it)."""
    try:
        with open(index, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size < 64:
                return None
            fh.seek(size - 32)
            tail = fh.read(32)
            if tail.endswith(b"\0" * 20):  # index.skipHash: no checksum was written
                fh.seek(0)
                return hashlib.sha256(fh.read()).digest()
            return size.to_bytes(8, "big") + tail
    except OSError:
        return None


def _git(root: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(["git", *args], cwd=root, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)


def _output(proc: subprocess.Popen) -> bytes | None:
    try:
        out, _ = proc.communicate(timeout=_TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return None
    return out if proc.returncode == 0 else None


def _names(out: bytes, keep: Callable[[str], bool]) -> list[str]:
    return sorted({name for name in os.fsdecode(out).split("\0") if name and keep(name)})


def capture(root: Path, relevant: Callable[[str], bool]) -> TreeState | None:
    """The state of ROOT's Python files for which ``relevant(path)`` holds; None when it cannot be known."""
    if not (root / ".git").exists():
        return None
    started = time.time_ns()
    try:
        out = _output(_git(root, "rev-parse", "--git-path", "index", "HEAD"))
    except OSError:
        return None
    lines = os.fsdecode(out).splitlines() if out else []
    if len(lines) != 2:
        return None
    index = root / lines[0]
    if Path(f"{index}.lock").exists():  # git is writing the index: wait for a quieter moment
        return None
    before = _index_digest(index)
    try:
        # Full stat comparison whatever the repository's settings: ctime and inode too.
        dirty_proc = _git(root, "-c", "core.trustctime=true", "-c", "core.checkStat=default",
                          "diff-files", "-z", "--name-only", *_PATHSPEC)
        others_proc = _git(root, "ls-files", "-z", "--others", "--exclude-standard", *_PATHSPEC)
    except OSError:
        return None
    dirty_out, others_out = _output(dirty_proc), _output(others_proc)
    if before is None or dirty_out is None or others_out is None or _index_digest(index) != before:
        return None
    limit = started - SLACK_NS
    prefix = str(root) + os.sep
    recent = False
    stamped = []
    for names in (_names(dirty_out, relevant), _names(others_out, relevant)):
        entries = []
        for name in names:
            stamp, too_recent = _stamp(prefix + name, limit)
            recent |= too_recent
            entries.append((name, stamp))
        stamped.append(tuple(entries))
    return TreeState(before, lines[1], stamped[0], stamped[1], recent, started)


def changed_lately(path: str, state: TreeState) -> bool:
    """Did ``path`` change (or disappear) after ``state`` was taken, or just before?"""
    return changed_since(path, settle_limit(state))


def settle_limit(state: TreeState) -> int:
    """Files changed after this time (ns) may have changed after ``state`` was taken."""
    return state.taken_ns - SLACK_NS


def changed_since(path: str, limit_ns: int) -> bool:
    """Did ``path`` change (or disappear) after ``limit_ns``?"""
    stamp, recent = _stamp(path, limit_ns)
    return stamp is None or recent


def index_copy(root: Path, rel: str) -> bytes | None:
    """The bytes git's index holds for ``rel``, or None."""
    try:
        proc = subprocess.run(["git", "cat-file", "blob", f":{rel}"], cwd=root, capture_output=True,
                              timeout=_TIMEOUT)
    except (OSError, subprocess.SubprocessError):
        return None
    return proc.stdout if proc.returncode == 0 else None
