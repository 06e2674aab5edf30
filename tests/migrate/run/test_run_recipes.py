"""`run --recipe`: the opt-in phase 2/3 codemods get their own per-service branches too."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from migrate.cli import app
from migrate.workspace.config import load_config
from migrate.compat.expose import expose_manager
from tests.conftest import git


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
