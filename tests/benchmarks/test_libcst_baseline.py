"""The benchmark's baselines (``benchmarks/libcst_baseline.py``) write idmigrate's output.

Both modes, on a small tree from the benchmark's generator: the diff libcst's runner prints is
the diff of what ``build_plan`` would write, file for file. The naive mode walks every file
and finds its files by its own matchers, not by idmigrate's prefilter.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest
from libcst.codemod import diff_code

from migrate.workspace.config import load_config
from migrate.workspace.pipeline import build_plan
from tests.benchmarks.bench_support import bench_module
from tests.migrate.workspace.test_pipeline_equivalence import _generator_module

RECIPE_GROUPS = {"generator": ("generator",), "uuid": ("adhoc-ids", "test-ids")}
FILES = 80


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("baseline") / "mono"
    _generator_module().generate(FILES, root, affected=8, uuid_files=12, seed=7, jobs=1, size_scale=0.1)
    return root


@functools.cache
def _idmigrate_diff(root: Path, recipes: tuple[str, ...]) -> tuple[str, int]:
    """What libcst's runner prints for idmigrate's rewrites, and how many files change."""
    plan = build_plan(root, load_config(root), workers=1, use_cache=False, recipes=recipes)
    changed = [o for o in plan.outcomes if o.result.status == "changed"]
    text = "".join(diff_code((root / o.path).read_text(), o.result.new_source.decode(), 3,
                             filename=str(root / o.path)) + "\n" for o in changed)
    return text, len(changed)


def _run_baseline(root: Path, mode: str, recipes: tuple[str, ...], capsys, *more: str) -> tuple[str, dict]:
    baseline = bench_module("libcst_baseline")
    args = [str(root), "--mode", mode, "--jobs", "1", "--json", *more]
    args += [a for r in recipes for a in ("--recipe", r)]
    assert baseline.main(args) == 0
    out, err = capsys.readouterr()
    line = next(ln for ln in err.splitlines() if ln.startswith("BASELINE-JSON "))
    return out, json.loads(line.split(" ", 1)[1])


@pytest.mark.parametrize("mode", ["naive", "engine"])
@pytest.mark.parametrize("group", sorted(RECIPE_GROUPS))
def test_the_baseline_writes_idmigrates_diff(tree: Path, group: str, mode: str, capsys):
    recipes = RECIPE_GROUPS[group]
    expected, changed = _idmigrate_diff(tree, recipes)
    assert changed >= 3, "the tree must exercise rewrites"
    out, summary = _run_baseline(tree, mode, recipes, capsys)
    assert summary["mode"] == mode and summary["failures"] == 0
    assert summary["successes"] + summary["skips"] == summary["files_run"] == FILES
    files, differ = bench_module("timing.diffs").compare(out, expected, str(tree))
    assert (files, differ) == (changed, [])


def test_the_naive_codemod_walks_every_file_and_finds_by_its_matchers(tree: Path, capsys, monkeypatch):
    """Matchers that find nothing: every file is still walked, and nothing reaches the engine."""
    baseline, diffs = bench_module("libcst_baseline"), bench_module("timing.diffs")
    walked: set[str] = set()

    def leave_module(self, original_node, updated_node):
        walked.add(self.context.filename)
        return updated_node

    monkeypatch.setattr(baseline.NaiveBaselineCommand, "_test", lambda self, node_type, node: None)
    monkeypatch.setattr(baseline.NaiveBaselineCommand, "leave_Module", leave_module, raising=False)
    out, summary = _run_baseline(tree, "naive", RECIPE_GROUPS["generator"], capsys, "--sample", "30")
    assert out.strip() == "" and summary["failures"] == 0 and summary["files_run"] == 30
    assert len(walked) == summary["successes"] == 30 - summary["skips"], "every file but the API modules"
    expected, changed = _idmigrate_diff(tree, RECIPE_GROUPS["generator"])
    missed = sorted(diffs.diff_blocks(expected, str(tree)))
    assert len(missed) == changed
    assert diffs.compare(out, expected, str(tree)) == (0, missed), "the check names every file the codemod missed"


@pytest.mark.parametrize("source, found", [
    ("from shared.id_generation import UnifiedIdGenerator\n", True),
    ("import shared.id_generation.unified_id_generator as uig\n", True),
    ("from shared import id_generation\n", True),
    ("x = UnifiedIdGenerator.generate_base_id('user')\n", True),
    ("x = uig.UnifiedIdGenerator()\n", True),
    ("reset_global_counter()\n", True),
    ("x = get_id_manager().generate_id(IDType.USER)\n", False),
    ("name = 'UnifiedIdGenerator'\n", False),
])
def test_generator_matchers(tree: Path, source: str, found: bool):
    assert _naive_finds(tree, source, ("generator",)) is found


@pytest.mark.parametrize("source, found", [
    ("import uuid\nx = str(uuid.uuid4())\n", True),
    ("from uuid import uuid4 as new_id\n", True),
    ("x = uuid4().hex[:8]\n", True),
    ("x = make_uuid(value)\n", False),
])
def test_uuid_matchers(tree: Path, source: str, found: bool):
    assert _naive_finds(tree, source, RECIPE_GROUPS["uuid"]) is found


def _naive_finds(tree: Path, source: str, recipes: tuple[str, ...]) -> bool:
    """Does the naive codemod's walk of ``source`` find something for ``recipes``?"""
    import libcst as cst
    from libcst.codemod import CodemodContext

    baseline = bench_module("libcst_baseline")
    command = baseline.NaiveBaselineCommand(CodemodContext(filename=str(tree / "x.py")), root=str(tree),
                                            services={}, manager_modules=(), api_files=(), recipes=recipes)
    cst.parse_module(source).visit(command)
    return command.found
