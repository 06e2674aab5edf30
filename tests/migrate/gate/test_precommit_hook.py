"""The ``idmigrate-verify`` pre-commit hook through the real pre-commit.

pre-commit installs this project (a snapshot of the working tree, committed to a
temporary repository) into an environment of its own, so this is the one slow test
of the hook; it is skipped, saying why, when the package index cannot be reached.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from migrate.cli import app

PROJECT = Path(__file__).resolve().parents[3]
IDS = '''from shared.id_generation import UnifiedIdGenerator


def make_user():
    return UnifiedIdGenerator.generate_base_id("user")
'''
NEW = 'from shared.id_generation import UnifiedIdGenerator\n\nTHREAD = UnifiedIdGenerator.generate_base_id("thread")\n'
OFFLINE = ("Could not find a version that satisfies", "No matching distribution found",
           "Failed to establish a new connection", "Temporary failure in name resolution", "Network is unreachable")


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false",
         "-c", "core.hooksPath=/dev/null", *args],
        cwd=cwd, check=True, capture_output=True, text=True,
    ).stdout


def project_files() -> list[str]:
    """The project as it is now (tracked and untracked, minus ignored): what a commit of it would hold."""
    out = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=PROJECT,
                         capture_output=True, check=True).stdout
    return [name for name in os.fsdecode(out).split("\0") if name and (PROJECT / name).is_file()]


def snapshot_project(target: Path) -> str:
    for rel in project_files():
        (target / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(PROJECT / rel, target / rel)
    git(target, "init", "-q", "-b", "main")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "snapshot")
    return git(target, "rev-parse", "HEAD").strip()


def pre_commit(cwd: Path, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    return subprocess.run([sys.executable, "-m", "pre_commit", "run", "idmigrate-verify"], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=900)


@pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")
def test_the_hook_passes_known_usages_and_names_a_new_one(tmp_path: Path):
    hooks_repo = tmp_path / "idmigrate"
    hooks_repo.mkdir()
    rev = snapshot_project(hooks_repo)

    repo = tmp_path / "monorepo"
    (repo / "svc_a").mkdir(parents=True)
    (repo / "svc_a" / "ids.py").write_text(IDS)
    git(repo, "init", "-q", "-b", "main")
    wrote = CliRunner().invoke(app, ["verify", str(repo), "--write-baseline", str(repo / ".idmigrate-baseline.json")])
    assert wrote.exit_code == 0, wrote.output
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hooks_repo}\n    rev: {rev}\n    hooks:\n      - id: idmigrate-verify\n"
        "        args: [--baseline, .idmigrate-baseline.json]\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "adopt the gate")

    # a known usage, moved down by an edit above it: passes
    (repo / "svc_a" / "ids.py").write_text("import os\n\nSEP = os.sep\n" + IDS)
    git(repo, "add", "svc_a/ids.py")
    passed = pre_commit(repo, tmp_path / "pre-commit-home")
    if passed.returncode != 0 and any(marker in passed.stdout + passed.stderr for marker in OFFLINE):
        pytest.skip("pre-commit could not install the hook's environment: the package index is unreachable")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "idmigrate verify" in passed.stdout and "Passed" in passed.stdout

    # a new usage in a staged file: fails, and the output names it with its fix
    (repo / "svc_a" / "new.py").write_text(NEW)
    git(repo, "add", "svc_a/new.py")
    failed = pre_commit(repo, tmp_path / "pre-commit-home")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "Failed" in failed.stdout
    assert ("svc_a/new.py:3:10: new usage of generate_base_id (IDM001 exact), not in the baseline; "
            "fix: idmigrate apply --path svc_a/new.py") in failed.stdout
    assert "svc_a/ids.py" not in failed.stdout.replace("svc_a/new.py", "")
