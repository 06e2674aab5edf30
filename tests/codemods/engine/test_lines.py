"""Finding the lines that mention a word by searching the whole text."""

from __future__ import annotations

import pytest

from codemods.engine.lines import lines_mentioning

LINES = ["import parse_id\n", "\n", "x = is_valid(parse_id(a)) or parse_id(b)\r\n", "is_valid", ""]


@pytest.mark.parametrize("words", [("parse_id",), ("is_valid", "parse_id"), ("nowhere",), ("",), ("\n",)])
def test_the_lines_are_those_a_line_by_line_test_finds(words):
    expected = {n for n, text in enumerate(LINES, 1) if any(w and w in text for w in words)}
    assert lines_mentioning(LINES, words) == expected


def test_a_file_without_a_final_newline():
    assert lines_mentioning(["a\n", "b word"], ("word",)) == {2}
    assert lines_mentioning([], ("word",)) == set()


def test_bytes_lines_and_words_as_the_wrapper_pass_gives_them():
    source = b"def f(x):\r\n    return parse_id(x)\n\n# parse_id\n"
    assert lines_mentioning(source.splitlines(keepends=True), (b"parse_id",)) == {2, 4}
