"""`run --recipe`: the opt-in phase 2/3 codemods get their own per-service branches too."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from migrate.cli import app
from migrate.workspace.config import load_config
from migrate.compat.expose import expose_manager
from tests.conftest import git
from tests.migrate.run.run_support import branches

SCRIPT = Path(sys.executable).parent / "idmigrate"


def test_run_with_the_adhoc_recipe_commits_a_branch_per_service(example_git: Path):
    expose_manager(example_git, load_config(example_git))
    git(example_git, "add", "-A")
    git(example_git, "commit", "-qm", "expose")
    result = CliRunner().invoke(app, [
        "run", str(example_git), "--recipe", "adhoc-ids", "--branch-prefix", "idmigrate-adhoc/",
        "--service", "netra_backend", "--no-tests", "-j", "1",
    ])
    assert result.exit_code == 0, result.output
    changed = git(example_git, "diff", "--name-only", "main", "idmigrate-adhoc/netra_backend").split()
    assert "netra_backend/app/services/alerting.py" in changed
    text = git(example_git, "show", "idmigrate-adhoc/netra_backend:netra_backend/app/services/alerting.py")
    assert "get_id_manager().generate_id(" in text
    # the generator recipe was not selected: its call sites are still there on this branch
    assert "UnifiedIdGenerator" in git(
        example_git, "show", "idmigrate-adhoc/netra_backend:netra_backend/app/agents/base_agent.py")


def test_unknown_recipe_is_refused(example_git: Path):
    result = CliRunner().invoke(app, ["run", str(example_git), "--recipe", "nope", "--no-tests"])
    assert result.exit_code == 2 and "unknown recipe" in result.stderr


def _run(root: Path, *args: str):
    return CliRunner().invoke(app, ["run", str(root), "--no-tests", "-j", "1", *args])


def _tip(root: Path, branch: str) -> str:
    return git(root, "rev-parse", branch).strip()


def test_another_recipe_never_replaces_a_generator_batch_without_force(example_git: Path):
    expose_manager(example_git, load_config(example_git))
    git(example_git, "add", "-A")
    git(example_git, "commit", "-qm", "expose")
    assert _run(example_git, "--service", "netra_backend").exit_code == 0
    reviewed = _tip(example_git, "idmigrate/netra_backend")
    message = git(example_git, "log", "-1", "--format=%B", reviewed)
    # the format sites are in the commit itself: once merged, `report` no longer sees them
    assert "Review (format sites, applied: the ID text changes shape):" in message
    assert "report --service" not in message and "Recipe: generator" in message

    # the default prefix carries the recipe: its own branch, the reviewed one untouched
    out = _run(example_git, "--service", "netra_backend", "--recipe", "adhoc-ids")
    assert out.exit_code == 0, out.output
    assert _tip(example_git, "idmigrate/netra_backend") == reviewed
    subject = git(example_git, "log", "-1", "--format=%s", "idmigrate/adhoc-ids/netra_backend").strip()
    assert subject == "idmigrate (adhoc-ids): migrate netra_backend to UnifiedIDManager"
    assert "Recipe: adhoc-ids" in git(example_git, "log", "-1", "--format=%B", "idmigrate/adhoc-ids/netra_backend")

    # the generator's prefix given explicitly: refused, nothing replaced
    out = _run(example_git, "--service", "netra_backend", "--recipe", "adhoc-ids", "--branch-prefix", "idmigrate/")
    assert out.exit_code == 2
    assert "holds a batch of the generator recipe" in out.stderr and len(out.stderr.strip().splitlines()) == 1
    assert _tip(example_git, "idmigrate/netra_backend") == reviewed
    out = _run(example_git, "--service", "netra_backend", "--recipe", "adhoc-ids", "--branch-prefix", "idmigrate/",
               "--force")
    assert out.exit_code == 0, out.output
    assert "replacing idmigrate/netra_backend" in out.stderr
    assert _tip(example_git, "idmigrate/netra_backend") != reviewed


def test_rerun_on_the_same_base_keeps_the_batches_and_another_base_needs_force(example_git: Path):
    expose_manager(example_git, load_config(example_git))
    git(example_git, "add", "-A")
    git(example_git, "commit", "-qm", "expose")
    first_base = _tip(example_git, "HEAD")
    assert _run(example_git, "--service", "scripts").exit_code == 0
    committed = _tip(example_git, "idmigrate/scripts")

    out = _run(example_git, "--service", "scripts")
    assert out.exit_code == 0, out.output
    assert "up to date" in out.stderr
    assert _tip(example_git, "idmigrate/scripts") == committed

    (example_git / "NOTES.txt").write_text("a new commit on main\n")
    git(example_git, "add", "-A")
    git(example_git, "commit", "-qm", "notes")
    out = _run(example_git, "--service", "scripts")
    assert out.exit_code == 2 and f"from base {first_base[:10]}" in out.stderr
    assert _tip(example_git, "idmigrate/scripts") == committed
    out = _run(example_git, "--service", "scripts", "--force")
    assert out.exit_code == 0, out.output
    assert f"replacing idmigrate/scripts (was {committed[:10]}, base {first_base[:10]})" in out.stderr
    new_base = _tip(example_git, "HEAD")
    header, row = out.stdout.splitlines()[:2]
    assert "base" in header.split() and new_base[:10] in row.split()


def _status(root: Path, *args: str) -> dict:
    out = CliRunner().invoke(app, ["status", str(root), "--json", "-j", "1", *args])
    assert out.exit_code == 0, out.output
    return json.loads(out.stdout)


def test_status_shows_counts_and_states_of_one_recipe_set(small_repo: Path):
    root = small_repo
    base = _tip(root, "HEAD")
    assert _run(root).exit_code == 0
    generator_tips = {b: t for b, t in branches(root).items() if b.startswith("idmigrate/")}
    assert _run(root, "--recipe", "adhoc-ids").exit_code == 0

    for recipes in ((), ("--recipe", "adhoc-ids")):
        data = _status(root, *recipes)
        scan = json.loads(CliRunner().invoke(app, ["scan", str(root), "--json", "-j", "1", *recipes]).stdout)
        rows = {r["service"]: r for r in data["services"]}
        for service, usage in scan["services"].items():  # counts of the same recipe set as the states
            assert rows[service]["sites"] == usage["sites"], (recipes, service)
        assert data["totals"]["all"] == scan["totals"]["all"]
    generator = {r["service"]: r for r in _status(root)["services"]}
    # the adhoc-ids run (nothing to migrate in shared) did not overwrite the generator's batches
    assert generator["shared"]["state"] == "committed" and generator["shared"]["branch"] == "idmigrate/shared"
    assert all(r["base"] == base for r in generator.values() if r["state"] == "committed")
    adhoc = {r["service"]: r for r in _status(root, "--recipe", "adhoc-ids")["services"]}
    assert adhoc["netra_backend"]["branch"] == "idmigrate/adhoc-ids/netra_backend"
    assert adhoc["shared"]["state"] == "nothing"

    text = CliRunner().invoke(app, ["status", str(root), "-j", "1"]).stdout
    header, *rows = text.splitlines()
    assert header.split()[-2:] == ["base", "state"]
    shared = next(r for r in rows if r.startswith("shared "))
    assert f"{base[:10]}  committed {generator_tips['idmigrate/shared'][:10]} on idmigrate/shared" in shared
    assert "last run of the generator recipe" in text
    assert "other recipes have batches too: adhoc-ids (`idmigrate status --recipe adhoc-ids`)" in text
    adhoc_text = CliRunner().invoke(app, ["status", str(root), "-j", "1", "--recipe", "adhoc-ids"]).stdout
    # folders where the recipe never found a site are rows only in --json, as in run's summary
    assert adhoc["scripts"]["quiet"] and not any(ln.startswith("scripts ") for ln in adhoc_text.splitlines())
    assert "folders without sites of the adhoc-ids recipe not shown (--json lists them)" in adhoc_text
    assert "other recipes have batches too: generator (`idmigrate status`)" in adhoc_text

    # a re-run of either recipe on the same base leaves every batch as it is
    again = _run(root)
    assert again.exit_code == 0 and "replacing" not in again.stderr and "up to date" in again.stderr
    assert {b: t for b, t in branches(root).items() if b in generator_tips} == generator_tips
    assert "replacing" not in _run(root, "--recipe", "adhoc-ids").stderr

    (root / "NOTES.txt").write_text("a new commit on main\n")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "notes")
    moved = _run(root)  # every branch from the old base is named at once, not one per attempt
    assert moved.exit_code == 2
    assert (f"branch idmigrate/shared and {len(generator_tips) - 1} more hold batches from another base "
            f"(first: {base[:10]})") in moved.stderr


def test_status_recipe_through_the_installed_script(small_repo: Path):
    assert _run(small_repo, "--service", "netra_backend", "--recipe", "adhoc-ids").exit_code == 0
    out = subprocess.run([str(SCRIPT), "status", "--recipe", "adhoc-ids", "-j", "1"], cwd=small_repo / "netra_backend",
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    row = next(line for line in out.stdout.splitlines() if line.startswith("netra_backend "))
    assert "committed" in row and "idmigrate/adhoc-ids/netra_backend" in row
    assert "sites of the adhoc-ids recipe left in the checkout" in out.stdout
    bad = subprocess.run([str(SCRIPT), "status", str(small_repo), "--recipe", "nope"], capture_output=True, text=True,
                         timeout=300)
    assert bad.returncode == 2 and bad.stderr.startswith("error: unknown recipe 'nope'")
    assert len(bad.stderr.splitlines()) == 1


def test_an_interrupted_run_of_a_recipe_says_how_to_resume_that_recipe(small_repo: Path, monkeypatch):
    from migrate.run import runner

    root = small_repo

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(runner, "run_batch", interrupted)
    out = _run(root, "--service", "netra_backend", "--recipe", "adhoc-ids")
    assert out.exit_code == 130
    assert f"idmigrate run {root} --resume --recipe adhoc-ids" in out.stderr
    monkeypatch.undo()
    status = _status_text(root, "--recipe", "adhoc-ids")
    assert "(continue it with `idmigrate run --resume --recipe adhoc-ids`)" in status
    assert _run(root, "--resume").exit_code == 2  # the generator recipe has no run to resume
    resumed = _run(root, "--resume", "--recipe", "adhoc-ids")
    assert resumed.exit_code == 0, resumed.output
    assert _tip(root, "idmigrate/adhoc-ids/netra_backend")


def _status_text(root: Path, *args: str) -> str:
    return CliRunner().invoke(app, ["status", str(root), "-j", "1", *args]).stdout


def test_every_review_hint_of_a_recipe_run_names_the_recipe(small_repo: Path):
    out = _run(small_repo, "--recipe", "adhoc-ids")
    assert out.exit_code == 0, out.output
    hints = [line for line in out.output.splitlines() if "idmigrate report" in line]
    assert hints, out.output
    assert all("--recipe adhoc-ids" in line for line in hints), hints
