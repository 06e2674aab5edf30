"""Make untrusted text safe to show on a terminal, and quote paths like git.

Source code and file names come from the repository being migrated, so they
are untrusted: an ESC sequence can clear or repaint the screen, a bare ``\\r``
can overwrite what was printed before it on the same line, and Unicode bidi
overrides ("Trojan Source", CVE-2021-42574) can make code read differently
from how it runs.  Everything shown to a human goes through
:func:`escape_control`; raw bytes are only ever written to a pipe or file.
"""

from __future__ import annotations

import re

# C0 controls except \t and \n, DEL, C1 controls, and the bidi embedding /
# override / isolate characters.  LRM, RLM and ALM (U+200E, U+200F, U+061C)
# are invisible direction marks too, so they are escaped as well.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def _escape_char(match: re.Match[str]) -> str:
    ch = match.group()
    if ch == "\r":
        return "\\r"
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_control(text: str) -> str:
    """Replace terminal-unsafe characters with visible escapes (``\\x1b``, ``\\u202e``).

    ``\\n`` and ``\\t`` are left alone; everything else printable is untouched.
    """
    return _UNSAFE.sub(_escape_char, text)


# git's quote_c_style(): these bytes get a C escape, other bytes that need
# quoting get a 3-digit octal escape (\033 for ESC, not \e).
_C_ESCAPES = {
    0x07: b"\\a", 0x08: b"\\b", 0x09: b"\\t", 0x0A: b"\\n",
    0x0B: b"\\v", 0x0C: b"\\f", 0x0D: b"\\r", 0x22: b'\\"', 0x5C: b"\\\\",
}


def _needs_quote(byte: int) -> bool:
    return byte < 0x20 or byte >= 0x7F or byte in (0x22, 0x5C)


def git_quote_path(path: str) -> str:
    """Quote ``path`` exactly as git does in diff headers (core.quotePath=true).

    A path containing a control byte, DEL, ``"``, ``\\`` or any non-ASCII byte
    is wrapped in double quotes with C / octal escapes (each UTF-8 byte of a
    non-ASCII character becomes its own ``\\ooo``); anything else, including
    spaces, is returned unchanged.  Pass the prefixed token (``"a/" + p``):
    git puts the prefix inside the quotes.  Undecodable names that Python
    carries as surrogate escapes are turned back into their original bytes.
    """
    raw = path.encode("utf-8", "surrogateescape")
    if not any(_needs_quote(b) for b in raw):
        return path
    out = bytearray(b'"')
    for b in raw:
        if b in _C_ESCAPES:
            out += _C_ESCAPES[b]
        elif _needs_quote(b):
            out += b"\\%03o" % b
        else:
            out.append(b)
    out += b'"'
    return out.decode("ascii")
