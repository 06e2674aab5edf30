"""The run state file: one run and set of batches per recipe set; the version 1 file is still read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from migrate.run.state import STATE_FILE, RunState, StateError, recipe_set_of_prefix
from tests.migrate.run.run_support import cli, load_state

V1_BATCH = {"state": "committed", "branch": "idmigrate/adhoc-ids/scripts", "commit": "c" * 40, "base": "b" * 40}


def write_v1(directory: Path, prefix: str, batches: dict) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / STATE_FILE).write_text(json.dumps({
        "version": 1, "run": {"base": "b" * 40, "prefix": prefix, "status": "finished"}, "batches": batches,
        "branches": {"idmigrate/adhoc-ids/scripts": "c" * 40}, "baselines": {"k": {"passed": 1}}}))


@pytest.mark.parametrize("prefix, recipe_set", [
    ("idmigrate/", "generator"),
    ("idmigrate/adhoc-ids/", "adhoc-ids"),
    ("idmigrate/test-ids+generator/", "test-ids+generator"),
    ("idmigrate/nonsense/", "generator"),
    ("review/", "generator"),
])
def test_a_version_1_run_belongs_to_the_recipe_set_its_prefix_names(prefix, recipe_set):
    assert recipe_set_of_prefix(prefix) == recipe_set


def test_a_version_1_file_is_read_as_its_recipe_sets_run_and_saved_as_version_2(tmp_path: Path):
    write_v1(tmp_path, "idmigrate/adhoc-ids/", {"scripts": V1_BATCH})
    adhoc = RunState.load(tmp_path, "adhoc-ids")
    assert adhoc.batches == {"scripts": V1_BATCH} and adhoc.run["prefix"] == "idmigrate/adhoc-ids/"
    generator = RunState.load(tmp_path)
    assert generator.batches == {} and generator.run == {}
    assert generator.other_recipe_sets() == ["adhoc-ids"]
    assert generator.owns_branch("idmigrate/adhoc-ids/scripts", "c" * 40)  # branches are shared
    assert generator.baseline("k") == {"passed": 1}

    generator.set_batch("scripts", state="nothing")
    generator.save()
    data = json.loads((tmp_path / STATE_FILE).read_text())
    assert data["version"] == 2 and set(data["runs"]) == {"adhoc-ids", "generator"}
    assert RunState.load(tmp_path, "adhoc-ids").batches == {"scripts": V1_BATCH}  # untouched by the other set


def test_batches_of_one_recipe_set_never_overwrite_another(tmp_path: Path):
    generator = RunState.load(tmp_path)
    generator.set_batch("shared", state="committed", branch="idmigrate/shared")
    generator.save()
    adhoc = RunState.load(tmp_path, "adhoc-ids")
    adhoc.set_batch("shared", state="nothing", branch="")
    adhoc.run = {"base": "b" * 40, "prefix": "idmigrate/adhoc-ids/"}
    adhoc.save()
    assert RunState.load(tmp_path).batch("shared")["state"] == "committed"
    assert RunState.load(tmp_path, "adhoc-ids").batch("shared")["state"] == "nothing"


@pytest.mark.parametrize("content, message", [
    ('{"version": 3}', "unknown state format"),
    ('{"version": 2, "runs": {"generator": []}}', "the run of 'generator' is not an object"),
    ('{"version": 1, "batches": []}', "'batches' is not an object"),
    ("{", "not valid JSON"),
])
def test_a_state_file_it_cannot_read_is_one_line(tmp_path: Path, content: str, message: str):
    (tmp_path / STATE_FILE).write_text(content)
    with pytest.raises(StateError, match=message):
        RunState.load(tmp_path)


def test_status_and_run_read_a_version_1_state_file(small_repo: Path):
    root = small_repo
    assert cli("run", str(root), "--service", "scripts", "--no-tests", "-j", "1").exit_code == 0
    state = load_state(root)
    write_v1(root / ".git" / "idmigrate", state["run"]["prefix"], state["batches"])
    data = json.loads((root / ".git" / "idmigrate" / STATE_FILE).read_text())
    data["branches"] = state["branches"]
    (root / ".git" / "idmigrate" / STATE_FILE).write_text(json.dumps(data))

    out = cli("status", str(root), "--service", "scripts", "-j", "1")
    assert out.exit_code == 0, out.output
    assert "committed" in out.stdout and "idmigrate/scripts" in out.stdout
    again = cli("run", str(root), "--service", "scripts", "--no-tests", "-j", "1")
    assert again.exit_code == 0, again.output
    assert "up to date" in again.stderr
    assert json.loads((root / ".git" / "idmigrate" / STATE_FILE).read_text())["version"] == 2


def test_applied_records_are_one_per_commit_and_a_few_per_service(tmp_path: Path):
    from migrate.run.state import MAX_APPLIED

    state = RunState.load(tmp_path)
    state.record_applied({"service": "svc", "commit": "c0", "sites": [1]})
    state.record_applied({"service": "svc", "commit": "c0", "sites": [2]})  # the same commit again: replaced
    assert state.applied == [{"service": "svc", "commit": "c0", "sites": [2]}]
    for n in range(1, MAX_APPLIED + 3):
        state.record_applied({"service": "svc", "commit": f"c{n}", "sites": []})
    state.record_applied({"service": "other", "commit": "o1", "sites": []})
    kept = [r["commit"] for r in state.applied if r["service"] == "svc"]
    assert kept == [f"c{n}" for n in range(3, MAX_APPLIED + 3)]  # the newest MAX_APPLIED of the service
    assert [r["commit"] for r in state.applied if r["service"] == "other"] == ["o1"]
