"""A recipe defined outside codemods/ registers itself and runs through the engine and the pipeline."""

from __future__ import annotations

import pytest

from codemods import docs
from codemods.core.recipes import RECIPES, RULES, register, unregister
from codemods.engine.transform import FileSettings, transform_source
from codemods.generator.rules import RuleSet
from migrate.workspace.config import load_config
from migrate.workspace.discovery import prefilter_tokens
from migrate.workspace.pipeline import build_plan
from tests.codemods.legacy_ids.recipe import CODE, LegacyIdsRecipe

SOURCE = b'''"""Orders."""
from legacy import legacy_id


def new_order():
    return {"id": legacy_id()}
'''


@pytest.fixture
def legacy():
    recipe = register(LegacyIdsRecipe())  # the one registry line a new recipe needs
    LegacyIdsRecipe.built.clear()
    yield recipe
    unregister(recipe.name)


def test_registering_adds_the_recipe_and_its_rules_and_unregistering_removes_them(legacy):
    assert RECIPES["legacy-ids"] is legacy and RULES[CODE].recipe == "legacy-ids"
    assert any(row.code == CODE for row in docs.all_rules())
    unregister("legacy-ids")
    assert "legacy-ids" not in RECIPES and CODE not in RULES
    register(legacy)  # for the fixture's teardown


def test_the_engine_runs_a_registered_recipe_through_every_hook(legacy):
    settings = FileSettings(RuleSet(), "shared.ids", recipes=("legacy-ids",))
    result = transform_source(SOURCE, "orders/api.py", settings)
    assert result.status == "changed", result.reason
    assert result.new_source == (
        b'"""Orders."""\n'
        b"from shared.ids import IDType, get_id_manager\n"
        b"\n"
        b"\n"
        b"def new_order():\n"
        b'    return {"id": get_id_manager().generate_id(IDType.EXECUTION)}\n'
    )
    (finding,) = result.findings
    assert (finding.code, finding.recipe, finding.line, finding.column) == (CODE, "legacy-ids", 6, 19)
    (transform,) = LegacyIdsRecipe.built
    assert transform.finished


def test_build_returning_none_leaves_the_file_alone(legacy):
    settings = FileSettings(RuleSet(), "shared.ids", recipes=("legacy-ids",))
    result = transform_source(b"from legacy import legacy_id\nx = legacy_id\n", "a.py", settings)
    assert result.status == "unchanged" and not result.findings and not LegacyIdsRecipe.built


def test_the_pipeline_selects_and_prefilters_a_registered_recipe(legacy, tmp_path):
    (tmp_path / "orders").mkdir()
    (tmp_path / "orders" / "api.py").write_bytes(SOURCE)
    (tmp_path / "orders" / "other.py").write_bytes(b"x = 1\n")
    assert prefilter_tokens(RuleSet(), ("legacy-ids",)) == (b"legacy_id",)
    plan = build_plan(tmp_path, load_config(tmp_path), workers=1, use_cache=False, recipes=("legacy-ids",))
    assert [o.path for o in plan.changed] == ["orders/api.py"]
    assert [f.code for o in plan.outcomes for f in o.result.findings] == [CODE]
