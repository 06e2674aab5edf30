"""Stable rule IDs: every code a transform can emit is registered and documented, docs are current."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from codemods import docs
from codemods.core.recipes import RECIPES, RULES, register
from codemods.core.recipe import Recipe
from codemods.core.rules import CALL_KINDS, CONFIGURABLE_KINDS, ENGINE_RULES, Rule
from codemods.core.safety import Safety
from codemods.generator import calls
from codemods.generator.targets import KIND_TARGETS
from codemods.generator.rules import MEMBER_RULES

ROOT = Path(__file__).resolve().parents[2]
CODE = re.compile(r'"(IDM\d{3})"')


def registered_codes() -> set[str]:
    return set(RULES)


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


def test_rule_codes_are_unique_across_the_engine_and_every_recipe():
    declared = [row.code for row in ENGINE_RULES] + [row.code for recipe in RECIPES.values() for row in recipe.rules]
    assert len(declared) == len(set(declared)), sorted(c for c in declared if declared.count(c) > 1)
    assert set(declared) == set(RULES)


def test_a_recipe_reusing_a_rule_code_is_refused():
    class Clashing(Recipe):
        name = "clashing"
        description = "reuses IDM001"
        rules = (Rule("IDM001", "x", "shape", Safety.MANUAL, "dup", suggestion="s"),)

        def prefilter_tokens(self, rules):
            return ("x",)

        def build(self, context):
            return None

    with pytest.raises(ValueError, match="IDM001 already registered"):
        register(Clashing())
    assert "clashing" not in RECIPES and RULES["IDM001"].member == "generate_base_id"
    with pytest.raises(ValueError, match="already registered"):
        register(RECIPES["generator"])


def test_one_kind_vocabulary_for_rows_handlers_and_config():
    assert set(calls.HANDLERS) == set(CALL_KINDS) - {"manual"}
    assert set(KIND_TARGETS) == set(CALL_KINDS)
    assert CONFIGURABLE_KINDS == set(CALL_KINDS) - {"user_context"}
    assert {rule.kind for rule in MEMBER_RULES.values()} <= set(CALL_KINDS)
    with pytest.raises(ValueError, match="unknown kind"):
        Rule("IDM999", "x", "prefix", Safety.MANUAL, "no such kind")


def test_the_guide_lists_exactly_the_default_aliases():
    """The alias list in "How a generate_base_id prefix resolves" is the one the code uses (``uid`` is none)."""
    import re

    from codemods.generator.rules import DEFAULT_ALIASES

    text = (ROOT / "MIGRATION.md").read_text(encoding="utf-8")
    listed = text.split("(b) a declared alias (", 1)[1].split(")", 1)[0]
    assert set(re.findall(r"`(\w+)`", listed)) == set(DEFAULT_ALIASES)
    assert "uid" not in DEFAULT_ALIASES
