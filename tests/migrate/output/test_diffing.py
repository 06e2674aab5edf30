"""Diffs must round-trip through real `git apply`, byte for byte."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from migrate.output.diffing import render_for_terminal, unified_diff
from migrate.output.terminal import escape_control, git_quote_path

# Isolate git from the user's and system config (autocrlf, quotePath, ...).
GIT_ENV = {
    **os.environ,
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
    "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid",
}


def git(repo: Path, *args: str, input: bytes | None = None) -> bytes:
    result = subprocess.run(
        ["git", *args], cwd=repo, env=GIT_ENV, input=input,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    return result.stdout


def make_repo(tmp_path: Path, rel_path: str, old: bytes) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    git(repo, "config", "core.autocrlf", "false")
    git(repo, "config", "core.quotePath", "true")
    target = repo / rel_path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(old)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "old")
    return repo


BODY = b"".join(b"line %d\n" % i for i in range(1, 21))

CASES = {
    "simple_edit": ("a.py", BODY, BODY.replace(b"line 10\n", b"line ten\n")),
    "two_hunks": ("a.py", BODY, BODY.replace(b"line 2\n", b"two\n").replace(b"line 18\n", b"x\n")),
    "insert_start": ("a.py", BODY, b"import os\n" + BODY),
    "insert_end": ("a.py", BODY, BODY + b"tail()\n"),
    "delete": ("a.py", BODY, BODY.replace(b"line 5\nline 6\n", b"")),
    "delete_all": ("a.py", b"x = 1\n", b""),
    "from_empty": ("a.py", b"", b"x = 1\ny = 2\n"),
    "crlf": ("a.py", BODY.replace(b"\n", b"\r\n"),
             BODY.replace(b"\n", b"\r\n").replace(b"line 7\r\n", b"seven\r\n")),
    "mixed_endings": ("a.py", b"a = 1\r\nb = 2\nc = 3\r\nd = '\r'\ne = 5\n",
                      b"a = 1\r\nb = 20\nc = 3\r\nd = '\r'\ne = 50\n"),
    "lone_cr_in_changed_line": ("a.py", b"x = 1\ns = 'a\rb'\ny = 2\n",
                                b"x = 1\ns = 'a\rc'\ny = 2\n"),
    "no_newline_edit_last": ("a.py", b"a\nb\nc", b"a\nb\nC"),
    "no_newline_context": ("a.py", b"a\nb\nc", b"A\nb\nc"),
    "add_trailing_newline": ("a.py", b"a\nb\nc", b"a\nb\nc\n"),
    "remove_trailing_newline": ("a.py", b"a\nb\nc\n", b"a\nb\nc"),
    "latin1_cookie": ("a.py", b"# -*- coding: latin-1 -*-\ns = '\xe9t\xe9'\nx = 1\n",
                      b"# -*- coding: latin-1 -*-\ns = '\xe9t\xe9'\nx = 2\n"),
    "utf8_bom": ("a.py", b"\xef\xbb\xbfx = 1\ny = 2\n", b"\xef\xbb\xbfx = 1\ny = 3\n"),
    "bom_line_edited": ("a.py", b"\xef\xbb\xbfx = 1\ny = 2\n", b"\xef\xbb\xbfx = 9\ny = 2\n"),
    "tabs": ("a.py", b"def f():\n\treturn 1\n\t# \tx\t\n", b"def f():\n\treturn 2\n\t# \tx\t\n"),
    "trailing_whitespace": ("a.py", b"x = 1   \ny = 2\n", b"x = 1   \ny = 3 \n"),
    "path_with_spaces": ("dir one/my file.py", BODY, BODY.replace(b"line 1\n", b"one\n")),
    "non_ascii_path": ("svc/naïve.py", BODY, BODY.replace(b"line 3\n", b"three\n")),
    "double_quote_path": ('q"uote.py', BODY, BODY.replace(b"line 3\n", b"three\n")),
    "backslash_and_space_path": ("b\\s p.py", BODY, BODY.replace(b"line 3\n", b"three\n")),
    "tab_in_path": ("t\tab.py", BODY, BODY.replace(b"line 3\n", b"three\n")),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_git_apply_round_trip(tmp_path: Path, case: str) -> None:
    rel_path, old, new = CASES[case]
    repo = make_repo(tmp_path, rel_path, old)
    patch = unified_diff(rel_path, old, new)
    assert patch.startswith(b"diff --git ")
    patch_file = tmp_path / "change.patch"
    patch_file.write_bytes(patch)
    git(repo, "apply", "--check", str(patch_file))
    git(repo, "apply", str(patch_file))
    assert (repo / rel_path).read_bytes() == new
    # and backwards, which exercises the same header/hunk parsing the other way
    git(repo, "apply", "-R", str(patch_file))
    assert (repo / rel_path).read_bytes() == old


@pytest.mark.parametrize("case", sorted(CASES))
def test_headers_match_git_diff(tmp_path: Path, case: str) -> None:
    rel_path, old, new = CASES[case]
    repo = make_repo(tmp_path, rel_path, old)
    (repo / rel_path).write_bytes(new)
    theirs = git(repo, "diff", "--no-color", "--no-ext-diff").splitlines(keepends=True)
    ours = unified_diff(rel_path, old, new).splitlines(keepends=True)
    # ours has no "index" line; everything before the first hunk must agree.
    their_header = [l for l in theirs[: next(i for i, l in enumerate(theirs) if l.startswith(b"@@"))]
                    if not l.startswith(b"index ")]
    our_header = ours[: next(i for i, l in enumerate(ours) if l.startswith(b"@@"))]
    assert our_header == their_header


def test_simple_edit_matches_git_diff_exactly(tmp_path: Path) -> None:
    rel_path, old, new = CASES["simple_edit"]
    repo = make_repo(tmp_path, rel_path, old)
    (repo / rel_path).write_bytes(new)
    theirs = git(repo, "diff", "--no-color").splitlines(keepends=True)
    theirs = b"".join(
        # git appends "function context" after the hunk header; we do not.
        l.split(b" @@ ", 1)[0] + b" @@\n" if l.startswith(b"@@") else l
        for l in theirs if not l.startswith(b"index ")
    )
    assert unified_diff(rel_path, old, new) == theirs


def test_quoted_header_literal() -> None:
    patch = unified_diff("naïve.py", b"a\n", b"b\n")
    assert patch.splitlines()[:3] == [
        b'diff --git "a/na\\303\\257ve.py" "b/na\\303\\257ve.py"',
        b'--- "a/na\\303\\257ve.py"',
        b'+++ "b/na\\303\\257ve.py"',
    ]


def test_hunk_ranges_follow_git_conventions() -> None:
    assert b"\n@@ -0,0 +1 @@\n" in unified_diff("a.py", b"", b"x\n")
    assert b"\n@@ -1 +0,0 @@\n" in unified_diff("a.py", b"x\n", b"")
    assert b"\n@@ -1,2 +1,3 @@\n" in unified_diff("a.py", b"a\nb\n", b"new\na\nb\n")


def test_crlf_kept_and_no_newline_marker() -> None:
    patch = unified_diff("a.py", b"a\r\nb", b"a\r\nc")
    assert b" a\r\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n" in patch


def test_identical_is_empty() -> None:
    assert unified_diff("a.py", b"same\n", b"same\n") == b""
    assert unified_diff("a.py", b"", b"") == b""


@pytest.mark.parametrize("path, expected", [
    ("a/plain.py", "a/plain.py"),
    ("a/with space.py", "a/with space.py"),
    ("a/naïve.py", '"a/na\\303\\257ve.py"'),
    ('a/q"t.py', '"a/q\\"t.py"'),
    ("a/b\\s.py", '"a/b\\\\s.py"'),
    ("a/t\tn\nr\r.py", '"a/t\\tn\\nr\\r.py"'),
    ("a/esc\x1b\x7f\x07.py", '"a/esc\\033\\177\\a.py"'),
])
def test_git_quote_path(path: str, expected: str) -> None:
    assert git_quote_path(path) == expected


def test_escape_control() -> None:
    assert escape_control("\x1b[2J") == "\\x1b[2J"
    assert escape_control("ok\rhidden") == "ok\\rhidden"
    assert escape_control("a\u202eb\u2066c\u2069") == "a\\u202eb\\u2066c\\u2069"
    assert escape_control("\x00\x7f\x85") == "\\x00\\x7f\\x85"
    plain = "def f(x):\n\treturn 'héllo ✓'\n"
    assert escape_control(plain) == plain


def test_render_for_terminal_escapes_payload() -> None:
    patch = unified_diff("a.py", b"x = 1\n", b"x = '\x1b[2J\xff'\n")
    for color in (False, True):
        shown = render_for_terminal(patch, color=color)
        assert "\x1b[2J" not in shown
        assert "\\x1b[2J" in shown
        assert "\\xff" in shown
    plain = render_for_terminal(patch, color=False)
    assert "\x1b" not in plain
    assert plain == patch.decode("utf-8", "backslashreplace").replace("\x1b", "\\x1b")


def test_render_colors_by_position() -> None:
    patch = unified_diff("a.py", b"--x\nkeep\n", b"++y\nkeep\n")
    lines = render_for_terminal(patch, color=True).splitlines()
    assert lines[0].startswith("\x1b[1m")  # diff --git header bold
    hunk = next(l for l in lines if "@@" in l)
    assert hunk.startswith("\x1b[36m")
    assert any(l.startswith("\x1b[31m---x") for l in lines)   # removed, not a header
    assert any(l.startswith("\x1b[32m+++y") for l in lines)
    assert " keep" in lines
