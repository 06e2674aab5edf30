"""Fingerprints name a usage site across runs: stable under unrelated edits, new when the site changes."""

from __future__ import annotations

from migrate.gate.fingerprint import fingerprints, normalise

SOURCE = b'''from shared.id_generation import UnifiedIdGenerator


def make_user():
    return UnifiedIdGenerator.generate_base_id("user")


def other():
    return 1
'''
SITE = [(5, 12, "generate_base_id")]


def test_normalise_drops_comments_and_whitespace_but_keeps_strings():
    assert normalise('x = f( a,\n   b )  # note\n') == normalise("x=f(a,b)")
    assert normalise("x = 'a  # b'") == "x='a  # b'"
    assert normalise('x = """two\n  lines"""  # c') == 'x="""two\n  lines"""'
    assert normalise("x = 'a'") != normalise("x = 'b'")
    assert normalise("x = y \\\n  + z") == "x=y+z"


def test_stable_when_lines_are_inserted_above_and_code_elsewhere_changes():
    (before,) = fingerprints("svc", SOURCE, SITE)
    moved = b"import os\n\n# a comment\n" + SOURCE.replace(b"return 1", b"return os.sep")
    assert fingerprints("svc", moved, [(8, 12, "generate_base_id")]) == [before]
    reformatted = SOURCE.replace(b'generate_base_id("user")', b'generate_base_id(\n        "user",  # why\n    )')
    assert fingerprints("svc", reformatted, SITE) == [before]


def test_changes_with_the_statement_the_member_or_the_service():
    (before,) = fingerprints("svc", SOURCE, SITE)
    assert fingerprints("svc", SOURCE.replace(b'"user"', b'"thread"'), SITE) != [before]
    assert fingerprints("svc", SOURCE, [(5, 12, "other_member")]) != [before]
    assert fingerprints("other_svc", SOURCE, SITE) != [before]


def test_equal_statements_in_a_file_get_occurrence_indexes():
    source = SOURCE + b'\n\ndef again():\n    return UnifiedIdGenerator.generate_base_id("user")\n'
    first, second = fingerprints("svc", source, SITE + [(13, 12, "generate_base_id")])
    assert first.rsplit(":", 1) == [first.rsplit(":", 1)[0], "0"]
    assert second == first.rsplit(":", 1)[0] + ":1"


def test_a_compound_statement_is_keyed_by_its_header_only():
    source = b"if UnifiedIdGenerator.is_valid_id(x):\n    y = 1\n"
    (before,) = fingerprints("svc", source, [(1, 4, "is_valid_id")])
    assert fingerprints("svc", source.replace(b"y = 1", b"y = 2"), [(1, 4, "is_valid_id")]) == [before]


def test_a_file_python_cannot_parse_falls_back_to_the_line():
    source = b"X = UnifiedIdGenerator.generate_base_id('user')\ntype A = int\n print(\n"
    assert fingerprints("svc", source, [(1, 5, "generate_base_id")]) == \
        fingerprints("svc", b"# moved\n" + source, [(2, 5, "generate_base_id")])
