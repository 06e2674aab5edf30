"""A replayed plan's outcomes fetch their bytes on demand, and they are the bytes the plan was made from."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

from codemods.core.results import FileResult
from migrate.output import diffing
from migrate.workspace.apply import write_changes
from migrate.workspace.cache import cache_dir
from migrate.workspace.config import load_config
from migrate.workspace.pipeline import Outcome, build_plan
from migrate.workspace.replay import tree_state
from migrate.workspace.replay.snapshot import DeferredWorkspace
from migrate.workspace.replay.stored import SourceChangedError, StoredOutcome
from migrate.workspace.workspace import Workspace
from tests.conftest import git
from tests.migrate.workspace.replay.test_replay import MORE, USE, observed, plan, replayed


@pytest.fixture
def example(example_git: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(tree_state, "SLACK_NS", 0)
    return example_git


@pytest.mark.parametrize("emit", [True, False], ids=["full", "findings-only"])
def test_a_replayed_example_plan_is_the_uncached_plan(example: Path, emit: bool):
    plan(example, emit=emit)
    again = plan(example, emit=emit)
    assert replayed(again) and again.changed
    uncached = plan(example, emit=emit, use_cache=False)
    assert observed(again) == observed(uncached)
    if emit:
        assert diffing.plan_patch(again) == diffing.plan_patch(uncached)


def test_patches_are_cached_by_result(example: Path, monkeypatch: pytest.MonkeyPatch):
    plan(example)
    expected = diffing.plan_patch(plan(example, use_cache=False))
    assert diffing.plan_patch(plan(example)) == expected
    calls = []
    real = diffing.unified_diff
    monkeypatch.setattr(diffing, "unified_diff", lambda *a: calls.append(a) or real(*a))
    assert diffing.plan_patch(plan(example)) == expected
    assert calls == [], "a no-change diff reads its patches from the cache"


def test_new_sources_come_back_when_the_cache_is_gone(example: Path):
    expected = observed(plan(example))
    shutil.rmtree(cache_dir(example))
    again = plan(example)
    assert replayed(again) and observed(again) == expected


def test_an_original_edited_after_the_plan_is_the_index_copy(example: Path):
    plan(example)
    again = plan(example)
    target = next(o for o in again.changed if isinstance(o, StoredOutcome))
    made_from = (example / target.path).read_bytes()
    (example / target.path).write_bytes(made_from + MORE.encode())
    assert target.original == made_from
    written, not_written = write_changes(again)
    assert (target.path, "the file changed while idmigrate was running; re-run") in not_written
    assert target.path not in written and len(written) == len(again.changed) - 1


def test_an_untracked_original_edited_after_the_plan_is_refused(example: Path):
    (example / "netra_backend" / "app" / "fresh.py").write_text(USE)
    plan(example)
    again = plan(example)
    [target] = [o for o in again.changed if o.path == "netra_backend/app/fresh.py"]
    (example / "netra_backend" / "app" / "fresh.py").write_text(USE + MORE)
    with pytest.raises(SourceChangedError, match="changed since idmigrate read it"):
        target.original
    written, not_written = write_changes(again)
    assert ("netra_backend/app/fresh.py", "changed since idmigrate read it; re-run") in not_written
    assert (example / "netra_backend" / "app" / "fresh.py").read_text() == USE + MORE


def test_stored_outcomes_pickle_as_plain_ones(example: Path):
    plan(example)
    again = plan(example)
    copies = pickle.loads(pickle.dumps(again.outcomes))
    assert {type(o) for o in copies} == {Outcome} and {type(o.result) for o in copies} == {FileResult}
    assert copies == [Outcome(o.service, FileResult(o.result.path, o.result.status, o.result.findings,
                                                    o.result.new_source, o.result.reason), o.original, o.key)
                      for o in again.outcomes]


def test_the_workspace_of_a_replayed_plan_is_listed_on_demand(example: Path):
    plan(example)
    again = plan(example)
    assert isinstance(again.workspace, DeferredWorkspace)
    listed = Workspace.open(example, load_config(example))
    assert again.workspace.files == listed.files and again.workspace.api_files == listed.api_files
    assert again.workspace.services.names == listed.services.names == again.services


def test_a_replay_in_a_linked_worktree_is_its_own(example: Path, tmp_path: Path):
    linked = tmp_path / "linked"
    git(example, "worktree", "add", "-q", str(linked))
    (linked / "netra_backend" / "app" / "fresh.py").write_text(USE)
    for root in (example, linked, example, linked):
        assert observed(plan(root)) == observed(plan(root, use_cache=False))
    assert replayed(plan(example)) and replayed(plan(linked))
    only_linked = {o.path for o in plan(linked).outcomes} - {o.path for o in plan(example).outcomes}
    assert "netra_backend/app/fresh.py" in only_linked


@pytest.mark.parametrize("use_cache", [True, False], ids=["cached", "uncached"])
def test_patches_rendered_as_results_arrive_are_the_patches_rendered_at_the_end(example: Path, use_cache: bool):
    expected = diffing.plan_patch(plan(example, use_cache=False))
    shutil.rmtree(cache_dir(example), ignore_errors=True)
    early = plan(example, use_cache=use_cache, patches=True)
    assert early.changed and all(o.patch is not None for o in early.changed)
    assert all(o.patch is None for o in early.outcomes if o.result.status != "changed")
    assert diffing.plan_patch(early) == expected
    if use_cache:  # and the next diff finds them in the cache
        again = plan(example)
        assert replayed(again) and diffing.plan_patch(again) == expected
