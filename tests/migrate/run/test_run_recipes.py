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
