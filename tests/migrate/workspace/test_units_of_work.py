"""What libcst parses is a speed choice only: the same plan, byte for byte, as parsing whole files.

``codemods.engine.chunks`` cuts each file down to the statements (in a class: the methods)
that mention a recipe's words; the uuid recipes only look at files that contain ``uuid4``.
Checked on the benchmark's synthetic monorepo, whose test modules are one class of many
methods like the real ones, for both recipe groups.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

import codemods.engine.transform as engine
from migrate.workspace.config import load_config
from migrate.workspace.pipeline import build_plan
from tests.migrate.workspace.test_pipeline_equivalence import _generator_module, signature

RECIPE_GROUPS = {"generator": ("generator",), "uuid": ("adhoc-ids", "test-ids")}


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("units") / "mono"
    _generator_module().generate(160, root, affected=16, uuid_files=12, seed=5, jobs=1, size_scale=0.3)
    return root


@pytest.mark.parametrize("group", sorted(RECIPE_GROUPS))
def test_reduced_modules_give_the_whole_file_result(synthetic: Path, group: str, monkeypatch: pytest.MonkeyPatch):
    config = load_config(synthetic)
    recipes = RECIPE_GROUPS[group]
    reduced = build_plan(synthetic, config, workers=1, use_cache=False, recipes=recipes)
    assert reduced.changed, "the tree must exercise rewrites"
    monkeypatch.setattr(engine, "reduce_source", lambda *args, **kwargs: None)
    whole = build_plan(synthetic, config, workers=1, use_cache=False, recipes=recipes)
    assert signature(reduced) == signature(whole)


def test_the_reduction_opens_the_test_classes(synthetic: Path):
    """Guard for the test above: the tree's test modules really are cut below class level."""
    from codemods.engine.chunks import reduce_source

    tests = [p for p in synthetic.rglob("test_*.py")
             if b"UnifiedIdGenerator" in p.read_bytes() and b"\nclass " in p.read_bytes()]
    assert tests
    opened = 0
    for path in tests:
        source = path.read_bytes()
        reduced = reduce_source(source, ("UnifiedIdGenerator", "generate_"))
        if reduced is not None and any("    __idmigrate_chunk__" in line for line in reduced.text.splitlines()):
            opened += 1
    assert opened >= len(tests) // 2


def test_uuid_recipes_skip_files_without_a_uuid4_call(tmp_path: Path):
    root = tmp_path / "repo"
    (root / "svc").mkdir(parents=True)
    (root / "pyproject.toml").write_text("[tool.idmigrate]\n")
    (root / "svc" / "models.py").write_text(
        "import uuid\n\n\ndef parse(value: str) -> uuid.UUID:\n    return uuid.UUID(value)\n")
    (root / "svc" / "test_ids.py").write_text(
        "import uuid\n\n\ndef test_key():\n    key = f\"k_{uuid.uuid4().hex[:8]}\"\n    assert key\n")
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    plan = build_plan(root, load_config(root), workers=1, use_cache=False, recipes=RECIPE_GROUPS["uuid"])
    assert [o.path for o in plan.outcomes] == ["svc/test_ids.py"]
