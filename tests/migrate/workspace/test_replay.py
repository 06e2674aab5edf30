"""A re-run reuses the last plan whole (``migrate.workspace.replay``) only while nothing it was made from changed.

Every test compares against a plan made without any cache: a replayed plan and one made after
an invalidation must both be identical to it (statuses, findings, new sources, originals).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from migrate.gate.sites import plan_sites
from migrate.review.store import FILE_NAME, ReviewDecision, render_decisions
from migrate.workspace import pipeline
from migrate.workspace.config import load_config
from migrate.workspace.pipeline import build_plan
from migrate.workspace.replay import tree_state
from migrate.workspace.replay.snapshot import DeferredWorkspace
from tests.conftest import git

USE = (
    "from shared.id_generation import UnifiedIdGenerator\n\n\n"
    "def make(prefix):\n"
    '    return UnifiedIdGenerator.generate_base_id("user"), UnifiedIdGenerator.generate_base_id(prefix)\n'
)
PLAIN = "VALUE = 1  # a comment long enough to swap for a usage\n"
SAME_SIZE_USE = "# UnifiedIdGenerator".ljust(len(PLAIN) - 1, ".") + "\n"
MORE = ('\n\ndef audit_id():\n    from shared.id_generation import UnifiedIdGenerator\n'
        '    return UnifiedIdGenerator.generate_base_id("trace")\n')
FILES = {"svc/uses.py": USE, "svc/plain.py": PLAIN, "legacy/old.py": USE, "tests/test_x.py": PLAIN}


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A committed repo; stat data written by the test itself counts as old enough (no 2 s waits)."""
    monkeypatch.setattr(tree_state, "SLACK_NS", 0)
    root = tmp_path / "repo"
    for rel, text in FILES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "start")
    return root


def plan(root: Path, **kwargs):
    return build_plan(root, load_config(root), workers=1, **kwargs)


def replayed(p) -> bool:
    return isinstance(p.workspace, DeferredWorkspace)


def observed(p) -> tuple:
    """Everything a verb can see of a plan."""
    return (p.files_scanned, sorted(p.unreadable), p.services, [
        (o.path, o.service, o.result.status, tuple(o.result.findings), o.result.new_source, o.result.reason,
         o.original) for o in p.outcomes])


def fresh(root: Path, **kwargs) -> tuple:
    return observed(plan(root, use_cache=False, **kwargs))


def assert_replans(root: Path, **kwargs) -> None:
    """The next plan is made again (and right), and the one after it is replayed (and still right)."""
    again = plan(root, **kwargs)
    assert not replayed(again), "the change must invalidate the last plan"
    expected = fresh(root, **kwargs)
    assert observed(again) == expected
    third = plan(root, **kwargs)
    assert replayed(third)
    assert observed(third) == expected


def test_nothing_changed_replays_the_same_plan(repo: Path):
    first = plan(repo)
    assert not replayed(first) and [o.path for o in first.changed] == ["legacy/old.py", "svc/uses.py"]
    second = plan(repo)
    assert replayed(second)
    assert observed(second) == observed(first) == fresh(repo)


def test_an_edit_to_a_tracked_file_invalidates(repo: Path):
    plan(repo)
    with open(repo / "svc/plain.py", "a") as fh:
        fh.write(MORE)
    assert_replans(repo)


def test_an_untracked_new_file_invalidates(repo: Path):
    plan(repo)
    (repo / "svc/new.py").write_text(USE)
    assert_replans(repo)
    (repo / "svc/new.py").write_text(USE + MORE)  # and then an edit to it
    assert_replans(repo)


def test_a_staged_only_change_invalidates(repo: Path):
    (repo / "svc/plain.py").write_text(USE)
    plan(repo)
    git(repo, "add", "svc/plain.py")  # the index changes, the work tree does not
    assert_replans(repo)


@pytest.mark.parametrize("tracked", [True, False], ids=["tracked", "untracked"])
def test_a_same_size_edit_with_its_mtime_restored_invalidates(repo: Path, tracked: bool):
    target = repo / "svc" / "extra.py"
    target.write_text(PLAIN)
    if tracked:
        git(repo, "add", "-A")
        git(repo, "commit", "-qm", "extra")
    plan(repo)
    before = target.stat()
    target.write_text(SAME_SIZE_USE)
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert target.stat().st_size == before.st_size and target.stat().st_mtime_ns == before.st_mtime_ns
    assert_replans(repo)


def test_a_config_change_invalidates(repo: Path):
    plan(repo)
    (repo / "pyproject.toml").write_text('[tool.idmigrate]\nextend_exclude = ["legacy"]\n')
    assert_replans(repo)
    assert [o.path for o in plan(repo).outcomes] == ["svc/uses.py"]


def test_a_decisions_file_change_invalidates(repo: Path):
    first = plan(repo)
    exact = [s for s in plan_sites(first) if s.safety == "exact"]
    (repo / FILE_NAME).write_text(render_decisions([ReviewDecision(exact[0].fingerprint, "reject")]))
    assert_replans(repo)
    assert plan(repo).review.found, "the replayed plan keeps what became of the decisions"


def test_a_branch_switch_invalidates(repo: Path):
    git(repo, "checkout", "-qb", "other")
    (repo / "svc/plain.py").write_text(USE)
    git(repo, "commit", "-qam", "other")
    git(repo, "checkout", "-q", "main")
    plan(repo)
    git(repo, "checkout", "-q", "other")
    assert_replans(repo)


@pytest.mark.parametrize("edited_back", [False, True], ids=["edited", "edited-and-back"])
def test_an_edit_while_planning_is_seen_by_the_next_run(repo: Path, monkeypatch: pytest.MonkeyPatch,
                                                        edited_back: bool):
    target = repo / "svc" / "plain.py"
    real_narrow, real_transform = pipeline.narrow, pipeline._transform_cached

    def narrow(files, paths):  # after the state was taken, before any file is read
        target.write_text(USE)
        return real_narrow(files, paths)

    def transform(*args, **kwargs):  # after every file was read
        if edited_back:
            target.write_text(PLAIN)
        return real_transform(*args, **kwargs)

    monkeypatch.setattr(pipeline, "narrow", narrow)
    monkeypatch.setattr(pipeline, "_transform_cached", transform)
    during = plan(repo)
    assert "svc/plain.py" in {o.path for o in during.outcomes}
    monkeypatch.setattr(pipeline, "narrow", real_narrow)
    monkeypatch.setattr(pipeline, "_transform_cached", real_transform)
    assert_replans(repo)


def test_each_command_shape_has_its_own_plan(repo: Path):
    shapes = [{}, {"paths": [str(repo / "svc")]}, {"services": ["legacy"]}, {"emit": False},
              {"recipes": ("adhoc-ids", "test-ids")}]
    for kwargs in shapes + shapes:
        assert observed(plan(repo, **kwargs)) == fresh(repo, **kwargs), kwargs
    assert all(replayed(plan(repo, **kwargs)) for kwargs in shapes)


def test_recent_stat_data_is_never_trusted(repo: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(tree_state, "SLACK_NS", 3600 * 10**9)
    (repo / "svc/new.py").write_text(PLAIN)  # untracked and just written
    plan(repo)
    before = (repo / "svc/new.py").stat()
    (repo / "svc/new.py").write_text(SAME_SIZE_USE)
    os.utime(repo / "svc/new.py", ns=(before.st_atime_ns, before.st_mtime_ns))
    again = plan(repo)
    assert not replayed(again) and observed(again) == fresh(repo)


def test_no_plan_is_kept_without_the_cache_or_outside_git(repo: Path, tmp_path: Path, monkeypatch):
    plan(repo, use_cache=False)
    assert not (repo / ".git" / "idmigrate" / "plans").exists()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    bare = tmp_path / "bare"
    (bare / "svc").mkdir(parents=True)
    (bare / "svc/uses.py").write_text(USE)
    plan(bare)
    assert not replayed(plan(bare))


def test_an_index_being_written_means_no_replay(repo: Path):
    plan(repo)
    (repo / ".git" / "index.lock").write_bytes(b"")
    try:
        assert not replayed(plan(repo))
    finally:
        (repo / ".git" / "index.lock").unlink()
    assert replayed(plan(repo))
