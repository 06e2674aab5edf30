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
import tempfile
from pathlib import Path

from migrate import __version__

CACHE_FORMAT = "1"


@functools.lru_cache(maxsize=1)
def engine_fingerprint() -> str:
    """Hash of the codemod sources: a new rule (or a fixed bug) invalidates old entries."""
    import codemods

    h = hashlib.sha256()
    for path in sorted(Path(codemods.__file__).parent.glob("*.py")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def cache_dir(root: Path) -> Path:
    """``.git/idmigrate/cache`` in a git checkout, else a per-root dir under the user cache."""
    git_dir = root / ".git"
    if git_dir.is_dir():
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


class ResultCache:
    def __init__(self, directory: Path | None) -> None:
        self.directory = directory

    def _path(self, key: str) -> Path:
        assert self.directory is not None
        return self.directory / key[:2] / key

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
        target = self._path(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.chmod(tmp, 0o600)
            os.replace(tmp, target)
        except OSError:
            pass  # a cache that cannot be written only costs speed
