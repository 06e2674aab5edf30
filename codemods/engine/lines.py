"""Which lines of a file mention a word: found by searching the whole text once per word.

Testing every line against every word costs a Python-level check per (line, word) pair, about
half a millisecond for a big file; a search of the whole text per word costs a C scan.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate


def lines_mentioning(lines: list, words) -> set[int]:
    """Numbers (1-based) of the ``lines`` (each with its line ending; all ``str`` or all ``bytes``,
    as ``words`` are) holding one of ``words`` (none of which spans lines)."""
    text = lines[0][:0].join(lines) if lines else ""
    ends = list(accumulate(map(len, lines)))  # offset just past each line
    found: set[int] = set()
    for word in words:
        if not word:
            continue
        at = text.find(word)
        while at != -1:
            number = bisect_right(ends, at) + 1
            found.add(number)
            at = text.find(word, ends[number - 1]) if number <= len(ends) else -1
    return found
