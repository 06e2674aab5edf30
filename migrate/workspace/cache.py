"""Content-hash cache of per-file results, kept out of the work tree.

A key covers everything that can change a file's result: the tool version, the
effective rules, the file's own settings (import path, boundary) and its bytes.
Entries are written user-only; a broken or unreadable entry is just a miss.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import time
from pathlib import Path

from migrate import __version__
from migrate.gitops import common_dir
from migrate.workspace.fileio import replace_file

CACHE_FORMAT = "1"


@functools.lru_cache(maxsize=1)
def engine_fingerprint() -> str:
    """Hash of the codemod sources: a new rule (or a fixed bug) invalidates old entries."""
    import codemods

    h = hashlib.sha256()
    package = Path(codemods.__file__).parent
    for path in sorted(package.rglob("*.py")):
        h.update(path.relative_to(package).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def cache_dir(root: Path) -> Path:
    """``.git/idmigrate/cache`` in a git checkout (or any of its worktrees), else under the user cache."""
    git_dir = common_dir(root)
    if git_dir is not None:
        return git_dir / "idmigrate" / "cache"
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    digest = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16]
    return base / "idmigrate" / digest


def cache_key(source: bytes, *parts: str) -> str:
    h = hashlib.sha256()
    for part in (__version__, CACHE_FORMAT, engine_fingerprint(), *parts):
        h.update(part.encode())
        h.update(b"\0")
    h.update(source)
    return h.hexdigest()


#: Directories this process made sure of (a cold plan writes a cache entry per file, and four
#: ``mkdir`` calls each cost more than writing it).
_MADE: set[Path] = set()


def write_private(target: Path, value, owned_dirs: tuple[Path, ...]) -> None:
    """Pickle ``value`` to ``target``, user-only (0600 file, 0700 for ``owned_dirs``).

    A cache that cannot be written only costs speed, so failures are swallowed, and
    nothing is fsynced.
    """
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        for _ in range(2):
            if owned_dirs[0] not in _MADE:
                owned_dirs[0].parent.mkdir(parents=True, exist_ok=True)
            for directory in owned_dirs:
                if directory not in _MADE:
                    directory.mkdir(exist_ok=True, mode=0o700)
                    _MADE.add(directory)
            try:
                replace_file(target, data, private=True, durable=False)
                return
            except FileNotFoundError:  # removed since this process made it (the cache was cleared): once more
                _MADE.difference_update(owned_dirs)
    except (OSError, pickle.PickleError):
        pass


class ResultCache:
    def __init__(self, directory: Path | None) -> None:
        self.directory = directory

    def _path(self, key: str) -> Path:
        # One flat directory: a cold plan writes an entry per file, and a directory per key
        # prefix cost a ``mkdir`` for most of them (more than the write itself).
        assert self.directory is not None
        return self.directory / key

    def get(self, key: str):
        if self.directory is None:
            return None
        try:
            with open(self._path(key), "rb") as fh:
                return pickle.load(fh)
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, ValueError):
            return None

    def put(self, key: str, value) -> None:
        if self.directory is None:
            return
        write_private(self._path(key), value, (self.directory.parent, self.directory))


def stat_stamp(st: os.stat_result) -> tuple[int, int, int, int]:
    """What the prefilter index compares to tell a file unchanged."""
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino


class PrefilterIndex:
    """Files known not to mention the generator, by stat data: a re-run stats them instead of reading.

    Like git's index, an entry holds size, mtime, ctime and inode (ctime cannot be set back
    by tools that restore mtimes, such as ``cp -p`` or ``rsync -t``), and is only trusted
    when the file changed safely before the index was written, so an edit within the same
    clock tick is never missed.
    """

    _SLACK_NS = 2_000_000_000

    def __init__(self, path: Path | None, tokens: tuple[bytes, ...]) -> None:
        self.path = path
        self.tokens = tokens
        self.entries: dict[str, tuple[int, int, int, int]] = {}
        self.fresh: dict[str, tuple[int, int, int, int]] = {}
        if path is None:
            return
        try:
            with open(path, "rb") as fh:
                saved_tokens, entries = pickle.load(fh)
        except (OSError, pickle.PickleError, EOFError, ValueError, TypeError):
            return
        if saved_tokens == tokens:
            self.entries = entries

    def absorb(self, clean: dict[str, tuple[int, int, int, int]]) -> None:
        """Files found not to matter (``Matches.clean``): kept by ``save``."""
        self.fresh.update(clean)

    def save(self) -> None:
        if self.path is None or self.fresh == self.entries:
            return
        limit = time.time_ns() - self._SLACK_NS
        entries = {rel: v for rel, v in self.fresh.items() if v[1] < limit}  # racy: by mtime, like git
        write_private(self.path, (self.tokens, entries), (self.path.parent,))
