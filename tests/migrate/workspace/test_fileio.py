"""Safety of file reads/writes: atomic, mode-preserving, confined to ROOT."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from migrate.workspace import fileio
from migrate.workspace.fileio import UnsafePathError, atomic_write, read_source, resolve_inside


@pytest.fixture
def root(tmp_path: Path) -> Path:
    r = tmp_path / "root"
    (r / "pkg").mkdir(parents=True)
    return r


def listing(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def test_atomic_write_replaces_content_and_keeps_mode(root: Path) -> None:
    target = root / "pkg" / "tool.py"
    target.write_bytes(b"old\n")
    target.chmod(0o755)
    atomic_write(root, "pkg/tool.py", b"new\r\n\xe9")
    assert target.read_bytes() == b"new\r\n\xe9"
    assert stat.S_IMODE(target.stat().st_mode) == 0o755
    assert listing(root / "pkg") == ["tool.py"]


def test_atomic_write_creates_new_file(root: Path) -> None:
    atomic_write(root, Path("pkg/new.py"), b"x = 1\n")
    assert (root / "pkg" / "new.py").read_bytes() == b"x = 1\n"
    assert listing(root / "pkg") == ["new.py"]


def test_atomic_write_failure_leaves_original_and_no_temp(root: Path, monkeypatch) -> None:
    target = root / "pkg" / "a.py"
    target.write_bytes(b"original\n")

    def boom(src, dst):
        raise OSError("disk on fire")

    monkeypatch.setattr(fileio.os, "replace", boom)
    with pytest.raises(OSError, match="disk on fire"):
        atomic_write(root, "pkg/a.py", b"new\n")
    assert target.read_bytes() == b"original\n"
    assert listing(root / "pkg") == ["a.py"]


@pytest.mark.parametrize("umask", [0o022, 0o000])
def test_replace_file_private_is_user_only_whatever_the_umask(root: Path, umask: int) -> None:
    target = root / "pkg" / "state.json"
    target.write_bytes(b"old\n")
    target.chmod(0o644)
    old = os.umask(umask)
    try:
        fileio.replace_file(target, b"new\n", private=True)
        fileio.replace_file(root / "pkg" / "cache.bin", b"\x00", private=True, durable=False)
    finally:
        os.umask(old)
    assert target.read_bytes() == b"new\n" and (root / "pkg" / "cache.bin").read_bytes() == b"\x00"
    assert {stat.S_IMODE(p.stat().st_mode) for p in (root / "pkg").iterdir()} == {0o600}
    assert listing(root / "pkg") == ["cache.bin", "state.json"]


def test_atomic_write_refuses_symlink(root: Path) -> None:
    real = root / "pkg" / "real.py"
    real.write_bytes(b"real\n")
    (root / "pkg" / "link.py").symlink_to(real)
    with pytest.raises(UnsafePathError):
        atomic_write(root, "pkg/link.py", b"evil\n")
    assert real.read_bytes() == b"real\n"
    assert (root / "pkg" / "link.py").is_symlink()


def test_atomic_write_refuses_outside_root(root: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.py"
    outside.write_bytes(b"keep\n")
    with pytest.raises(UnsafePathError):
        atomic_write(root, "../outside.py", b"evil\n")
    with pytest.raises(UnsafePathError):
        atomic_write(root, outside, b"evil\n")
    # through a symlinked directory pointing out of root
    (root / "escape").symlink_to(tmp_path)
    with pytest.raises(UnsafePathError):
        atomic_write(root, "escape/outside.py", b"evil\n")
    assert outside.read_bytes() == b"keep\n"
    assert listing(tmp_path) == ["outside.py", "root"]


def test_atomic_write_refuses_read_only_file(root: Path) -> None:
    target = root / "pkg" / "ro.py"
    target.write_bytes(b"frozen\n")
    target.chmod(0o444)
    try:
        with pytest.raises(PermissionError, match="read-only"):
            atomic_write(root, "pkg/ro.py", b"changed\n")
        assert target.read_bytes() == b"frozen\n"
        assert stat.S_IMODE(target.stat().st_mode) == 0o444
        assert listing(root / "pkg") == ["ro.py"]
    finally:
        target.chmod(0o644)


def test_read_source_returns_raw_bytes(root: Path) -> None:
    data = b"\xef\xbb\xbf# coding: utf-8\r\nx = '\xc3\xa9'\r\n"
    (root / "pkg" / "a.py").write_bytes(data)
    assert read_source(root, "pkg/a.py") == data


def test_read_source_refuses_symlink_and_outside(root: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_bytes(b"secret\n")
    (root / "pkg" / "inner.py").write_bytes(b"x\n")
    (root / "pkg" / "link_out.py").symlink_to(secret)
    (root / "pkg" / "link_in.py").symlink_to(root / "pkg" / "inner.py")
    for rel in ("pkg/link_out.py", "pkg/link_in.py", "../secret.txt", str(secret)):
        with pytest.raises(UnsafePathError):
            read_source(root, rel)


def test_resolve_inside_accepts_paths_in_root(root: Path) -> None:
    assert resolve_inside(root, "pkg") == (root / "pkg").resolve()
    assert resolve_inside(root, "pkg/../pkg/x.py") == (root / "pkg" / "x.py").resolve()
    assert resolve_inside(root, root / "pkg") == (root / "pkg").resolve()


@pytest.mark.parametrize("candidate", ["..", "../root2", "pkg/../../x", "/etc/passwd"])
def test_resolve_inside_refuses_escapes(root: Path, candidate: str) -> None:
    with pytest.raises(UnsafePathError):
        resolve_inside(root, candidate)


def test_resolve_inside_refuses_symlink_out(root: Path, tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    (root / "svc").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(UnsafePathError):
        resolve_inside(root, "svc")
    with pytest.raises(UnsafePathError):
        resolve_inside(root, "svc/file.py")


def test_resolve_inside_rejects_sibling_with_common_prefix(tmp_path: Path) -> None:
    (tmp_path / "repo").mkdir()
    (tmp_path / "repo-evil").mkdir()
    with pytest.raises(UnsafePathError):
        resolve_inside(tmp_path / "repo", tmp_path / "repo-evil")


def test_read_listed_reads_whole_files_of_any_size(root: Path) -> None:
    for name, data in {"empty.py": b"", "small.py": b"x = 1\r\n\xe9", "big.py": os.urandom(300_000)}.items():
        (root / "pkg" / name).write_bytes(data)
        assert fileio.read_listed(root, f"pkg/{name}") == data


def test_read_listed_reads_past_a_size_that_grew_after_the_stat(root: Path, monkeypatch) -> None:
    """The first read asks for the size fstat gave; the rest of a growing file still comes."""
    (root / "pkg" / "grows.py").write_bytes(b"a" * 100_000)
    real_fstat = os.fstat
    monkeypatch.setattr(fileio.os, "fstat", lambda fd: os.stat_result((*real_fstat(fd)[:6], 10, *real_fstat(fd)[7:])))
    assert fileio.read_listed(root, "pkg/grows.py") == b"a" * 100_000


def test_read_listed_refuses_symlinks_and_non_files(root: Path) -> None:
    (root / "pkg" / "real.py").write_bytes(b"x = 1\n")
    (root / "pkg" / "link.py").symlink_to(root / "pkg" / "real.py")
    (root / "pkg" / "dir.py").mkdir()
    with pytest.raises(OSError):
        fileio.read_listed(root, "pkg/link.py")
    with pytest.raises((UnsafePathError, OSError)):
        fileio.read_listed(root, "pkg/dir.py")
