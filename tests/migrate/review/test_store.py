"""The decisions file: round trip, malformed entries, concurrent edits."""

from __future__ import annotations

import pytest

from migrate.review.store import (
    FILE_NAME, DecisionsError, ReviewDecision, load_decisions, parse_decisions, render_decisions, update_decisions,
)

A = ReviewDecision("aaaaaaaaaaaaaaaaaaaa:0", "type", "request", 'session-scoped "quoted" é')
B = ReviewDecision("bbbbbbbbbbbbbbbbbbbb:1", "reject")
C = ReviewDecision("cccccccccccccccccccc:0", "accept", note="fine")


def test_round_trip_is_stable_and_sorted(tmp_path):
    update_decisions(tmp_path, {C.fingerprint: C, A.fingerprint: A, B.fingerprint: B})
    text = (tmp_path / FILE_NAME).read_text(encoding="utf-8")
    assert load_decisions(tmp_path) == {d.fingerprint: d for d in (A, B, C)}
    assert text.index(A.fingerprint) < text.index(B.fingerprint) < text.index(C.fingerprint)
    assert render_decisions([B, C, A]) == text  # the same decisions always give the same file
    assert 'id_type = "request"' in text and "id_type" not in text.split(B.fingerprint)[1].split("[[")[0]


def test_missing_file_is_no_decisions(tmp_path):
    assert load_decisions(tmp_path) == {}


def test_remove_and_concurrent_edit_are_merged(tmp_path):
    update_decisions(tmp_path, {A.fingerprint: A})
    # someone else writes the file meanwhile (another reviewer, a git pull)
    (tmp_path / FILE_NAME).write_text(render_decisions([A, C]), encoding="utf-8")
    held = update_decisions(tmp_path, {B.fingerprint: B, A.fingerprint: None})
    assert held == {B.fingerprint: B, C.fingerprint: C}
    assert load_decisions(tmp_path) == held


@pytest.mark.parametrize("entry, message", [
    ('fingerprint = "aaaaaaaaaaaaaaaaaaaa:0"\naction = "maybe"', "decision #2 (aaaaaaaaaaaaaaaaaaaa:0): action 'maybe'"),
    ('fingerprint = "aaaaaaaaaaaaaaaaaaaa:0"\naction = "type"', "needs id_type"),
    ('fingerprint = "aaaaaaaaaaaaaaaaaaaa:0"\naction = "type"\nid_type = "galaxy"', "needs id_type"),
    ('fingerprint = "aaaaaaaaaaaaaaaaaaaa:0"\naction = "reject"\nid_type = "user"', "only with action"),
    ('fingerprint = "nope"\naction = "reject"', "decision #2: fingerprint 'nope'"),
    ('fingerprint = "aaaaaaaaaaaaaaaaaaaa:0"\naction = "reject"\ncolour = "red"', "unknown key 'colour'"),
    ('fingerprint = "bbbbbbbbbbbbbbbbbbbb:1"\naction = "accept"', "decided twice"),
    ('fingerprint = "aaaaaaaaaaaaaaaaaaaa:0"\naction = 3', "action must be a string"),
])
def test_malformed_entry_is_named(tmp_path, entry, message):
    text = render_decisions([B]) + "\n[[decision]]\n" + entry + "\n"
    with pytest.raises(DecisionsError, match="decision #") as caught:
        parse_decisions(text)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_malformed_file_is_not_written_over(tmp_path):
    path = tmp_path / FILE_NAME
    path.write_text("[[decision]\n", encoding="utf-8")
    with pytest.raises(DecisionsError, match="not valid TOML"):
        update_decisions(tmp_path, {A.fingerprint: A})
    assert path.read_text(encoding="utf-8") == "[[decision]\n"
