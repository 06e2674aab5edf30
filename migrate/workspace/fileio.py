"""Reading and writing repository files without escaping ROOT or losing data.

Every path that comes from the command line, a config file or the repository
walk is checked against ROOT after resolving symlinks, and a file that is
itself a symlink is never read or written: rewriting it would either change a
file outside the repository or silently turn the link into a regular file.

Writes are atomic (temp file in the same directory + ``os.replace``), so a
crash or a full disk leaves either the old file or the new one, never half of
each.  The temp file must live in the target's directory: ``os.replace`` is
only atomic within one filesystem.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from migrate.interrupts import deferred_interrupts

_TMP_SUFFIX = ".idmigrate-tmp"


class UnsafePathError(Exception):
    """A path is a symlink, not a regular file, or resolves outside ROOT."""


def resolve_inside(root: Path, candidate: Path | str) -> Path:
    """Resolve ``candidate`` (relative to ``root`` unless absolute), following
    symlinks, and return it; raise UnsafePathError if it lands outside root."""
    root_resolved = Path(root).resolve()
    resolved = (root_resolved / candidate).resolve()
    if not resolved.is_relative_to(root_resolved):
        raise UnsafePathError(f"{candidate}: resolves outside {root_resolved}")
    return resolved


def _checked_target(root: Path, rel_path: Path | str) -> Path:
    """Path of an existing-or-new file inside root; its last component must not
    be a symlink (parent directories may be, as long as they stay in root)."""
    path = Path(root) / rel_path
    if path.is_symlink():
        raise UnsafePathError(f"{rel_path}: is a symlink; refusing to follow it")
    resolved = resolve_inside(root, rel_path)
    if resolved.exists() and not resolved.is_file():
        raise UnsafePathError(f"{rel_path}: not a regular file")
    return resolved


def read_source(root: Path, rel_path: Path | str) -> bytes:
    """Return the raw bytes of ``root/rel_path`` (never decoded here)."""
    path = _checked_target(root, rel_path)
    # O_NOFOLLOW closes the window between the symlink check and the open.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as f:
        return f.read()


def read_listed(root: Path, rel_path: str) -> bytes:
    """Fast read for a file discovery listed: no symlink as the last component, regular files only.

    Discovery never descends into symlinked directories, so this skips the per-file
    ``resolve()`` (a syscall per path component, which dominates scanning 10,000 files);
    callers re-check files they go on to use with ``resolve_inside``. Plain ``os.read``
    calls, no file object: half the cost of ``open().read()`` over a whole repository.
    """
    fd = os.open(os.path.join(root, rel_path), os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise UnsafePathError(f"{rel_path}: not a regular file")
        chunks = [os.read(fd, st.st_size + 1)]
        while chunks[-1]:  # to end of file, however the size changed meanwhile
            chunks.append(os.read(fd, 1 << 16))
        return b"".join(chunks)
    finally:
        os.close(fd)


def _is_read_only(path: Path, st: os.stat_result) -> bool:
    # os.access alone is not enough: root may write to a 0o444 file, but a
    # read-only mode is the user's explicit "do not touch" and must be honoured.
    return not os.access(path, os.W_OK) or not st.st_mode & stat.S_IWUSR


def _default_mode() -> int:
    """Mode a newly created file would get: 0o666 minus the umask."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # no race-free way to read it elsewhere
    os.umask(mask)
    return 0o666 & ~mask


def _fsync_dir(directory: Path) -> None:
    """Persist the rename itself; not possible on every platform/filesystem."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write(root: Path, rel_path: str | Path, data: bytes) -> None:
    """Atomically replace the repository file ``root/rel_path`` with ``data``, keeping its
    mode bits (and owner/group when permitted).  Raises UnsafePathError for symlinks or
    paths outside root, PermissionError for a read-only target; in every failure case the
    target is untouched and no temp file is left behind."""
    target = _checked_target(root, rel_path)
    try:
        st = os.stat(target)
    except FileNotFoundError:
        st = None
    if st is not None and _is_read_only(target, st):
        raise PermissionError(
            f"{rel_path}: file is read-only (mode {oct(st.st_mode & 0o7777)}); "
            "refusing to overwrite it"
        )
    replace_file(target, data)


def replace_file(target: Path, data: bytes, *, private: bool = False, durable: bool = True) -> None:
    """Replace ``target`` with ``data`` atomically: the one writer of every file idmigrate writes.

    An existing file keeps its mode bits (and owner/group when permitted), a new one gets
    the umask's default; ``private`` makes it the user's alone (0600), for idmigrate's own
    state and cache. ``durable=False`` skips the fsyncs, for data that may be lost (a cache).
    On any failure, an interrupt included, the target is untouched and the temp file removed.
    """
    st = None
    if not private:
        try:
            st = os.stat(target)
        except FileNotFoundError:
            pass
    mode = 0o600 if private else st.st_mode & 0o7777 if st is not None else _default_mode()
    fd = tmp_name = None
    try:
        # Ctrl-C/SIGTERM wait until the temp file is created, so an interrupt cannot land
        # between its creation and this function knowing its name (a stray temp file).
        with deferred_interrupts():
            fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=_TMP_SUFFIX, dir=target.parent)
        with os.fdopen(fd, "wb") as f:
            fd = None  # closed with f
            f.write(data)
            if durable:
                f.flush()
                os.fsync(f.fileno())
        if st is not None and (st.st_uid, st.st_gid) != (os.getuid(), os.getgid()):
            try:
                os.chown(tmp_name, st.st_uid, st.st_gid)
            except OSError:
                pass  # not privileged: the file becomes ours, like any editor
        # chmod after chown: chown may clear setuid/setgid bits. (mkstemp made a private file 0600.)
        if not private:
            os.chmod(tmp_name, mode)
        os.replace(tmp_name, target)
    except BaseException:
        if fd is not None:
            os.close(fd)
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except FileNotFoundError:
                pass
        raise
    if durable:
        _fsync_dir(target.parent)
