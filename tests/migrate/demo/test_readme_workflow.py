"""README.md's "Migrating a monorepo" steps, run as written with the installed script in a temp repo."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.reliability_support import git, hermetic_git

README = Path(__file__).resolve().parents[3] / "README.md"
SCRIPT = Path(sys.executable).parent / "idmigrate"


def readme_steps() -> list[str]:
    """The commands of the numbered steps, in order."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Migrating a monorepo"):text.index("### `idmigrate run`")]
    return [c for c in re.findall(r"`([^`]+)`", section) if c.startswith(("idmigrate ", "git "))]


def idmigrate(root: Path, command: str) -> subprocess.CompletedProcess:
    args = command.split()[1:]
    return subprocess.run([str(SCRIPT), *args], cwd=root, capture_output=True, text=True, timeout=900)


@pytest.fixture
def workdir(tmp_path: Path):
    with hermetic_git(tmp_path):
        yield tmp_path


def test_the_readme_workflow_works_as_written(workdir: Path):
    steps = readme_steps()
    assert steps == [
        "idmigrate demo --copy-only --dir idmigrate-example",
        "idmigrate scan .", "idmigrate expose .", "idmigrate run .", "git show idmigrate/auth_service",
        "idmigrate report . --applied", "idmigrate report . -o ../review.md", "git merge idmigrate/auth_service",
        "idmigrate run . --service auth_service", "idmigrate status .",
        "idmigrate verify . --write-baseline .idmigrate-baseline.json",
        "idmigrate verify . --baseline .idmigrate-baseline.json",
    ], "README steps changed: update this test to run them"
    copied = idmigrate(workdir, steps.pop(0))
    assert copied.returncode == 0, copied.stderr
    repo = workdir / "idmigrate-example"
    assert not list(repo.rglob("__pycache__")) and git(repo, "status", "--porcelain") == ""
    assert "idmigrate/" not in git(repo, "branch", "--list")  # nothing migrated yet

    assert idmigrate(repo, steps[0]).returncode == 0
    assert idmigrate(repo, steps[1]).returncode == 0
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "expose the manager")  # step 1: "(commit it)"
    run = idmigrate(repo, steps[2])
    assert run.returncode in (0, 1), run.stderr  # 1: a red batch, said in the summary
    assert "committed" in run.stdout
    assert "Review (format sites" in git(repo, "show", "idmigrate/auth_service")
    applied = idmigrate(repo, steps[4])
    assert applied.returncode == 0, applied.stderr
    assert "## auth_service: commit " in applied.stdout and "not merged yet" in applied.stdout
    report = idmigrate(repo, steps[5])
    assert report.returncode == 0 and (repo.parent / "review.md").is_file()
    assert git(repo, "status", "--porcelain") == ""  # the reports left the tree clean for `run`
    git(repo, "merge", "-q", "--no-edit", "idmigrate/auth_service")
    again = idmigrate(repo, steps[7])
    assert again.returncode == 0, again.stderr  # merged: nothing left to migrate there
    after = idmigrate(repo, steps[4]).stdout
    assert "## auth_service: commit " in after and "merged into HEAD" in after  # still listed once merged
    status = idmigrate(repo, steps[8])
    assert status.returncode == 0, status.stderr
    written = idmigrate(repo, steps[9])
    assert written.returncode == 0, written.stderr
    git(repo, "add", ".idmigrate-baseline.json")
    git(repo, "commit", "-qm", "record the baseline")
    gate = idmigrate(repo, steps[10])
    assert gate.returncode == 0, gate.stdout + gate.stderr  # nothing new since the baseline
