"""Odd files and paths: migrated with bytes preserved outside the rewrite, or skipped with a reason."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from migrate.cli import app

runner = CliRunner()

USE = b"from shared.id_generation import UnifiedIdGenerator\nX = UnifiedIdGenerator.generate_base_id('user')  # note\n"
NEW_CALL = b"X = get_id_manager().generate_id(IDType.USER)  # note"


def apply(root: Path, *extra: str):
    return runner.invoke(app, ["apply", str(root), "--no-cache", "-j", "1", *extra])


def write(root: Path, rel: str, data: bytes) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# name -> (source bytes, bytes the result must contain, bytes the result must keep exactly)
MIGRATED = {
    "utf8_bom": (b"\xef\xbb\xbf" + USE.replace(b"note", b"caf\xc3\xa9"), b"\xef\xbb\xbffrom netra_backend", b"caf\xc3\xa9"),
    "latin1_cookie": (b"# -*- coding: latin-1 -*-\n" + USE.replace(b"note", b"caf\xe9"), b"# -*- coding: latin-1 -*-\n",
                      b"caf\xe9\n"),
    "crlf": (USE.replace(b"\n", b"\r\n") + b"Y = 1\r\n", NEW_CALL + b"\r\n", b"Y = 1\r\n"),
    "mixed_endings": (b"import os\r\n" + USE + b"Y = os.sep\r\n", b"import os\r\n", b"Y = os.sep\r\n"),
    "tabs": (USE.splitlines(keepends=True)[0] + b"if True:\n\tX = UnifiedIdGenerator.generate_base_id('user')\n",
             b"\tX = get_id_manager()", b"if True:\n"),
    "no_trailing_newline": (USE.rstrip(b"\n"), NEW_CALL, b""),
    "very_long": (USE + b"".join(b"def f%d(a, b):\n    return a + b\n\n\n" % i for i in range(3000)), NEW_CALL,
                  b"def f2999(a, b):\n    return a + b\n"),
}

SKIPPED = {
    "python2": (USE + b"print 'hello'\n", "does not parse"),
    "merge_conflict": (USE + b"<<<<<<< HEAD\nY = 1\n=======\nY = 2\n>>>>>>> branch\n", "does not parse"),
    "non_utf8_without_cookie": (USE.replace(b"note", b"caf\xe9"), "cannot decode"),
}


@pytest.mark.parametrize("name", sorted(MIGRATED))
def test_odd_files_are_migrated_with_bytes_preserved(tmp_path: Path, name: str):
    source, must_contain, must_keep = MIGRATED[name]
    path = write(tmp_path, "svc_a/mod.py", source)
    result = apply(tmp_path)
    assert result.exit_code == 0, result.output
    new = path.read_bytes()
    assert must_contain in new and must_keep in new
    assert b"UnifiedIdGenerator" not in new
    if name == "no_trailing_newline":
        assert not new.endswith(b"\n")
    # Every line outside the rewritten import and call is byte-identical, ending included.
    old_lines = [line for line in source.splitlines(keepends=True) if b"UnifiedIdGenerator" not in line]
    new_lines = new.splitlines(keepends=True)
    for line in old_lines:
        if line.strip():
            assert line in new_lines or line.lstrip(b"\xef\xbb\xbf") in new_lines, line


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="needs a Python older than the syntax")
def test_syntax_newer_than_the_running_python_is_skipped_not_failed(tmp_path: Path):
    """libcst parses 3.12's ``type`` statement, Python 3.11 does not: the guard could never
    accept the rewrite, so the file is skipped and says why."""
    source = USE + b"type Alias = int\n"
    path = write(tmp_path, "svc_a/new_syntax.py", source)
    result = apply(tmp_path)
    assert result.exit_code == 1
    python = "Python {}.{}".format(*sys.version_info)
    assert f"skipped: svc_a/new_syntax.py: does not parse with {python}: line 3" in result.stderr
    assert path.read_bytes() == source


@pytest.mark.parametrize("name", sorted(SKIPPED))
def test_unparseable_files_are_skipped_with_a_reason_and_untouched(tmp_path: Path, name: str):
    source, reason = SKIPPED[name]
    path = write(tmp_path, "svc_a/bad.py", source)
    good = write(tmp_path, "svc_a/good.py", USE)
    result = apply(tmp_path)
    assert result.exit_code == 1
    assert f"skipped: svc_a/bad.py: {reason}" in result.stderr
    assert "Traceback" not in result.output
    assert path.read_bytes() == source
    assert NEW_CALL in good.read_bytes(), "the other files still migrate"


def test_empty_file_is_left_alone(tmp_path: Path):
    path = write(tmp_path, "svc_a/empty.py", b"")
    write(tmp_path, "svc_a/good.py", USE)
    assert apply(tmp_path).exit_code == 0
    assert path.read_bytes() == b""


def test_file_mode_is_kept(tmp_path: Path):
    path = write(tmp_path, "scripts/tool.py", b"#!/usr/bin/env python\n" + USE)
    path.chmod(0o755)
    assert apply(tmp_path).exit_code == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o755
    assert not [p for p in tmp_path.rglob("*") if "tmp" in p.name and p.is_file()], "temp files left behind"


def test_read_only_file_is_reported_not_crashed_on(tmp_path: Path):
    path = write(tmp_path, "svc_a/locked.py", USE)
    other = write(tmp_path, "svc_a/open.py", USE)
    path.chmod(0o444)
    try:
        result = apply(tmp_path)
    finally:
        path.chmod(0o644)
    assert result.exit_code == 1
    assert "not written: svc_a/locked.py: read-only" in result.stderr
    assert path.read_bytes() == USE
    assert NEW_CALL in other.read_bytes()


def test_paths_with_spaces_and_non_ascii_names(tmp_path: Path):
    spaced = write(tmp_path, "svc a/my module.py", USE)
    accented = write(tmp_path, "svc_b/naïve.py", USE)
    diff = runner.invoke(app, ["diff", str(tmp_path), "--no-cache", "-j", "1"])
    assert diff.exit_code == 0
    assert b'"a/svc_b/na\\303\\257ve.py"' in diff.stdout_bytes  # quoted the way git quotes it
    assert apply(tmp_path).exit_code == 0
    assert NEW_CALL in spaced.read_bytes() and NEW_CALL in accented.read_bytes()


def test_symlinks_out_of_root_are_never_followed_or_written(tmp_path: Path):
    outside = tmp_path / "outside"
    outside.mkdir()
    target = write(outside, "victim.py", USE)
    root = tmp_path / "repo"
    write(root, "svc_a/real.py", USE)
    (root / "svc_a" / "link.py").symlink_to(target)
    (root / "linked_dir").symlink_to(outside, target_is_directory=True)
    result = apply(root)
    assert result.exit_code == 0, result.output
    assert target.read_bytes() == USE
    assert (root / "svc_a" / "link.py").is_symlink()


def test_path_and_service_filters_cannot_escape_root(tmp_path: Path):
    root = tmp_path / "repo"
    write(root, "svc_a/mod.py", USE)
    write(tmp_path, "elsewhere/mod.py", USE)
    for args in (["--path", str(tmp_path / "elsewhere")], ["--path", "../elsewhere"]):
        result = apply(root, *args)
        assert result.exit_code == 2 and "outside" in result.stderr
    assert (tmp_path / "elsewhere/mod.py").read_bytes() == USE


def test_terminal_output_neutralises_control_characters(tmp_path: Path):
    evil = "svc_a/e\x1b[2Jvil.py"
    write(tmp_path, evil, USE.replace(b"# note", b"# \x1b]0;pwned\x07 \xe2\x80\xae hidden"))
    result = runner.invoke(app, ["diff", str(tmp_path), "--no-cache", "-j", "1", "--color"])
    assert result.exit_code == 0
    assert "\x1b[2J" not in result.stdout and "\x1b]0;" not in result.stdout and "\u202e" not in result.stdout
    assert "\\x1b" in result.stdout
    scan = runner.invoke(app, ["report", str(tmp_path), "--no-cache", "-j", "1"])
    assert "\x1b" not in scan.stdout


def test_piped_diff_stays_byte_exact(tmp_path: Path):
    write(tmp_path, "svc_a/mod.py", USE.replace(b"# note", b"# \x1b[31m red"))
    result = runner.invoke(app, ["diff", str(tmp_path), "--no-cache", "-j", "1"])
    assert b"\x1b[31m red" in result.stdout_bytes, "a piped diff must stay applicable byte for byte"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads unreadable files")
def test_unreadable_file_is_reported(tmp_path: Path):
    path = write(tmp_path, "svc_a/secret.py", USE)
    path.chmod(0)
    try:
        result = apply(tmp_path)
    finally:
        path.chmod(0o644)
    assert result.exit_code == 1 and "unreadable: svc_a/secret.py" in result.stderr
