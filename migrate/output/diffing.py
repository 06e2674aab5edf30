"""Git-compatible unified diffs built on raw bytes, plus safe terminal rendering.

The patch must round-trip through ``git apply`` byte for byte, so nothing is
ever decoded: latin-1 sources, a UTF-8 BOM, CRLF or mixed line endings all
pass through untouched.

Lines are split on ``\\n`` only, *not* with ``bytes.splitlines()``: that also
breaks at a lone ``\\r``, which git treats as an ordinary byte inside a line.
Splitting there would emit a patch line without its terminating ``\\n`` and
``git apply`` would read two lines as one (or reject the patch).
"""

from __future__ import annotations

import difflib
import functools
import os
import sys
from pathlib import Path

from migrate.output.terminal import escape_control, git_quote_path

_NO_NEWLINE = b"\\ No newline at end of file\n"


def _split_lines(data: bytes) -> list[bytes]:
    """Split like git: at ``\\n`` only, keeping it; the last line may lack it."""
    lines = data.split(b"\n")
    tail = lines.pop()  # b"" when data ends with "\n" (or is empty)
    out = [line + b"\n" for line in lines]
    if tail:
        out.append(tail)
    return out


def _range(start: int, count: int) -> bytes:
    """Hunk range as git/xdiff writes it: ``,1`` omitted; empty side is ``l,0``
    where ``l`` is the line *before* the (empty) change."""
    if count == 0:
        return b"%d,0" % start
    if count == 1:
        return b"%d" % (start + 1)
    return b"%d,%d" % (start + 1, count)


def _file_header(rel_path: str, new_file: bool = False) -> bytes:
    a = git_quote_path("a/" + rel_path)
    b = git_quote_path("b/" + rel_path)
    # git appends a TAB to ---/+++ names containing a space (even when quoted)
    # so that GNU patch knows where the name ends; `git diff` does the same.
    tab = "\t" if " " in rel_path else ""
    if new_file:
        text = f"diff --git {a} {b}\nnew file mode 100644\n--- /dev/null\n+++ {b}{tab}\n"
    else:
        text = f"diff --git {a} {b}\n--- {a}{tab}\n+++ {b}{tab}\n"
    return text.encode("ascii")


def _emit(prefix: bytes, line: bytes) -> bytes:
    if line.endswith(b"\n"):
        return prefix + line
    return prefix + line + b"\n" + _NO_NEWLINE


def unified_diff(rel_path: str | os.PathLike[str], old: bytes, new: bytes,
                 context: int = 3) -> bytes:
    """Return a git-style patch turning ``old`` into ``new`` for one modified file.

    ``rel_path`` is relative to the repository root, with ``/`` separators.
    Returns ``b""`` when nothing changed.  Hunks are grouped like git does
    (changes up to ``2 * context`` equal lines apart share a hunk).  difflib
    keeps its "autojunk" heuristic on: it only makes diffs of big files
    slightly less minimal, never wrong, and turning it off is ~40x slower.
    """
    if old == new:
        return b""
    rel_path = os.fspath(rel_path)
    a, b = _split_lines(old), _split_lines(new)
    matcher = difflib.SequenceMatcher(None, a, b)
    out = [_file_header(rel_path)]
    for group in matcher.get_grouped_opcodes(context):
        i1, j1 = group[0][1], group[0][3]
        i2, j2 = group[-1][2], group[-1][4]
        out.append(b"@@ -%s +%s @@\n" % (_range(i1, i2 - i1), _range(j1, j2 - j1)))
        for tag, ai, aj, bi, bj in group:
            if tag == "equal":
                out.extend(_emit(b" ", line) for line in a[ai:aj])
                continue
            out.extend(_emit(b"-", line) for line in a[ai:aj])
            out.extend(_emit(b"+", line) for line in b[bi:bj])
    return b"".join(out)


def new_file_diff(rel_path: str | os.PathLike[str], data: bytes) -> bytes:
    """A git-style patch that creates ``rel_path`` with ``data`` (an empty file: the header only,
    as git writes it)."""
    rel_path = os.fspath(rel_path)
    if not data:
        a, b = git_quote_path("a/" + rel_path), git_quote_path("b/" + rel_path)
        return f"diff --git {a} {b}\nnew file mode 100644\n".encode("ascii")
    lines = _split_lines(data)
    out = [_file_header(rel_path, new_file=True), b"@@ -0,0 +%s @@\n" % _range(0, len(lines))]
    out.extend(_emit(b"+", line) for line in lines)
    return b"".join(out)


@functools.lru_cache(maxsize=1)
def _patch_tag() -> str:
    """What a cached patch was made by: this module's code and difflib's Python."""
    import hashlib

    return "patch/" + hashlib.sha256(Path(__file__).read_bytes() + sys.version.encode()).hexdigest()


def patch_key(result_key: str) -> str:
    """The cache key of the patch of the result cached under ``result_key``."""
    from migrate.workspace.cache import cache_key

    return cache_key(b"", _patch_tag(), result_key)


def file_patch(path: str, original: bytes, new_source: bytes, cache=None, result_key: str = "") -> bytes:
    """The patch of one changed file, kept in ``cache`` under its result's key when it has one."""
    patch = unified_diff(path, original, new_source)
    if cache is not None and result_key:
        cache.put(patch_key(result_key), patch)
    return patch


def plan_patch(plan) -> bytes:
    """The patch of every changed file of ``plan``, by path.

    A file's patch is the one rendered as its result arrived (``build_plan(patches=True)``),
    else the one cached under its result's key (difflib costs ~1 ms per big file, the bulk
    of a no-change ``diff``), else rendered now.
    """
    from migrate.workspace.cache import ResultCache, cache_dir

    cache = None
    parts = []
    for outcome in sorted(plan.changed, key=lambda o: o.path):
        patch = getattr(outcome, "patch", None)
        key = getattr(outcome, "key", "")
        if patch is None and key:
            cache = cache or ResultCache(cache_dir(plan.root))
            patch = cache.get(patch_key(key))
        if not isinstance(patch, bytes):
            patch = file_patch(outcome.path, outcome.original, outcome.result.new_source, cache, key)
        parts.append(patch)
    return b"".join(parts)


_BOLD, _CYAN, _RED, _GREEN, _RESET = "\x1b[1m", "\x1b[36m", "\x1b[31m", "\x1b[32m", "\x1b[0m"


def render_for_terminal(patch: bytes, color: bool) -> str:
    """Render a patch for a human on a TTY: never byte-exact, always harmless.

    Invalid UTF-8 shows as ``\\xNN``, control and bidi characters as visible
    escapes (so a CRLF file shows a trailing ``\\r``).  Colors are added only
    *after* escaping, so they are the only escape sequences in the output.
    Header vs. removed line is decided by position (before the first ``@@``
    of a file), because a removed line may itself start with ``--``.
    """
    lines = patch.decode("utf-8", errors="backslashreplace").split("\n")
    trailing_newline = lines and lines[-1] == ""
    if trailing_newline:
        lines.pop()
    rendered = []
    in_header = False
    for raw in lines:
        line = escape_control(raw)
        if raw.startswith("diff --git "):
            in_header = True
        elif raw.startswith("@@"):
            in_header = False
        if not color:
            rendered.append(line)
            continue
        if in_header:
            style = _BOLD
        elif raw.startswith("@@"):
            style = _CYAN
        elif raw.startswith("-"):
            style = _RED
        elif raw.startswith("+"):
            style = _GREEN
        else:
            style = ""
        rendered.append(f"{style}{line}{_RESET}" if style else line)
    return "\n".join(rendered) + ("\n" if trailing_newline else "")
