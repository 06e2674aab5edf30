"""Stable rule IDs: every code a transform can emit is registered and documented, docs are current."""

from __future__ import annotations

import re
from pathlib import Path

from codemods import docs
from codemods.generator.rules import MEMBER_RULES, SHAPE_RULES

ROOT = Path(__file__).resolve().parents[2]
CODE = re.compile(r'"(IDM\d{3})"')


def registered_codes() -> set[str]:
    codes = {r.code for r in MEMBER_RULES.values()} | {r.code for r in SHAPE_RULES.values()}
    codes |= {r.code for r in docs._uuid_rules()}
    return codes


def emitted_codes() -> set[str]:
    found = set()
    for path in (ROOT / "codemods").rglob("*.py"):
        if path.name in ("rules.py", "uuid_rules.py", "docs.py"):
            continue
        found |= set(CODE.findall(path.read_text()))
    return found


def test_every_emitted_code_is_registered():
    missing = emitted_codes() - registered_codes()
    assert not missing, f"codes used by transforms but not in the rule table: {sorted(missing)}"


def test_every_rule_is_documented_and_the_guide_is_current():
    text = (ROOT / "MIGRATION.md").read_text(encoding="utf-8")
    assert docs.render_into(text) == text, "MIGRATION.md is stale: run `python -m codemods.docs MIGRATION.md`"
    for code in registered_codes():
        assert f"| {code} |" in text


def test_rows_carry_what_a_reviewer_needs():
    for rule in docs.all_rules():
        assert rule.why, rule
        if rule.safety.label == "manual":
            assert rule.suggestion, f"{rule.code} {rule.member} needs a suggested rewrite"
        elif rule.member != "(any)":
            assert rule.before and rule.after, f"{rule.code} {rule.member} needs before/after"
