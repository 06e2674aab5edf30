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
import re
import sqlite3
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


#: Directories this process made sure of (asked before every write of a private file, where a
#: ``mkdir`` per level costs more than the write).
_MADE: set[Path] = set()


def _make_private_dirs(owned_dirs: tuple[Path, ...]) -> None:
    """``owned_dirs`` (each inside the one before) exist, made 0700 when made here."""
    if owned_dirs[0] not in _MADE:
        owned_dirs[0].parent.mkdir(parents=True, exist_ok=True)
    for directory in owned_dirs:
        if directory not in _MADE:
            directory.mkdir(exist_ok=True, mode=0o700)
            _MADE.add(directory)


def write_private(target: Path, value, owned_dirs: tuple[Path, ...]) -> None:
    """Pickle ``value`` to ``target``, user-only (0600 file, 0700 for ``owned_dirs``).

    A cache that cannot be written only costs speed, so failures are swallowed, and
    nothing is fsynced.
    """
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        for _ in range(2):
            _make_private_dirs(owned_dirs)
            try:
                replace_file(target, data, private=True, durable=False)
                return
            except FileNotFoundError:  # removed since this process made it (the cache was cleared): once more
                _MADE.difference_update(owned_dirs)
    except (OSError, pickle.PickleError):
        pass


_ENTRIES = "entries.sqlite"
_SCHEMA = "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID"
#: How earlier versions named an entry's file (``_drop_entry_files``).
_ENTRY_NAME = re.compile(r"[0-9a-f]{64}")


def _drop_entry_files(directory: Path) -> None:
    """Remove the entries earlier versions kept as files (``<key>`` or ``<key[:2]>/<key>``):
    nothing reads them any more."""
    try:
        names = os.listdir(directory)
    except OSError:
        return
    for name in names:
        path = directory / name
        try:
            if _ENTRY_NAME.fullmatch(name):
                path.unlink()
            elif len(name) == 2 and path.is_dir() and not path.is_symlink():
                for inner in os.listdir(path):
                    if _ENTRY_NAME.fullmatch(inner):
                        (path / inner).unlink()
                path.rmdir()
        except OSError:
            continue


def _unreadable(exc: sqlite3.Error) -> bool:
    """Is the database itself broken (not merely busy)?"""
    return getattr(exc, "sqlite_errorcode", None) in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


class ResultCache:
    """Pickled values by key, in one SQLite database in ``directory`` (None: no cache).

    A cold plan writes an entry per affected file. A file per entry cost a file creation
    each, about a millisecond of system time on a busy machine and most of the parent
    process's work on a result; a row costs a few hundredths of that. The database is
    written in WAL mode without syncs: an entry may be lost, never half-written, and a
    database that cannot be read is started again. It is the user's alone (0600; SQLite
    gives its WAL files the database's mode).
    """

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        self._db: sqlite3.Connection | None = None

    def get(self, key: str):
        db = self._connection(create=False)
        if db is None:
            return None
        try:
            row = db.execute("SELECT value FROM entries WHERE key = ?", (key,)).fetchone()
            return None if row is None else pickle.loads(row[0])
        except (sqlite3.Error, pickle.PickleError, EOFError, AttributeError, ImportError, ValueError, TypeError):
            return None

    def put(self, key: str, value) -> None:
        if self.directory is None:
            return
        try:
            data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PickleError, TypeError, AttributeError):
            return
        for _ in range(2):
            db = self._connection(create=True)
            if db is None:
                return
            try:
                db.execute("INSERT OR REPLACE INTO entries (key, value) VALUES (?, ?)", (key, data))
                return
            except sqlite3.Error as exc:
                if not _unreadable(exc):  # e.g. locked by another process for too long: only speed lost
                    return
                self._start_again()

    def _connection(self, create: bool, again: bool = False) -> sqlite3.Connection | None:
        if self.directory is None:
            return None
        path = self.directory / _ENTRIES
        if self._db is not None:
            if not create or path.exists():
                return self._db
            self._close()  # the cache was removed since (``rm -rf .git/idmigrate``): made again
        try:
            if create:
                _make_private_dirs((self.directory.parent, self.directory))
                if not path.exists():
                    _drop_entry_files(self.directory)
                os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
            elif not path.exists():
                return None
            db = sqlite3.connect(path, isolation_level=None, timeout=2.0)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=OFF")
            db.execute(_SCHEMA)
        except sqlite3.Error as exc:
            if not _unreadable(exc) or not create or again:
                return None
            self._start_again()  # not a database: a write starts it again, once
            return self._connection(create, again=True)
        except OSError:
            _MADE.clear()  # removed since this process made them (the cache was cleared): once more
            return None if not create or again else self._connection(create, again=True)
        self._db = db
        return db

    def _close(self) -> None:
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
            self._db = None

    def _start_again(self) -> None:
        """Drop a database SQLite cannot read (the next write makes a new one)."""
        self._close()
        for suffix in ("", "-wal", "-shm"):
            try:
                os.unlink(self.directory / (_ENTRIES + suffix))
            except OSError:
                pass


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
