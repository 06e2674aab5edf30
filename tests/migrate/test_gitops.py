"""The git helpers every verb uses without GitPython, and the demo's repository setup on top of gitops."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from migrate import gitops
from migrate.demo.demo import commit_all, init_repo
from tests.conftest import git


def test_common_dir_is_the_main_git_dir_also_from_a_linked_worktree(example_git: Path, tmp_path: Path):
    linked = tmp_path / "linked"
    git(example_git, "worktree", "add", "--detach", "-q", str(linked), "HEAD")
    assert (linked / ".git").is_file()
    assert gitops.common_dir(example_git) == (example_git / ".git").resolve()
    assert gitops.common_dir(linked) == (example_git / ".git").resolve()
    assert gitops.common_dir(tmp_path) is None


def test_list_python_files_is_what_git_lists(example_git: Path, tmp_path: Path):
    (example_git / ".gitignore").write_text("ignored_*.py\n")
    (example_git / "ignored_me.py").write_text("x = 1\n")
    (example_git / "new_untracked.py").write_text("x = 1\n")
    listed = gitops.list_python_files(example_git)
    assert "new_untracked.py" in listed and "ignored_me.py" not in listed
    assert sorted(listed) == sorted(git(example_git, "ls-files", "-co", "--exclude-standard", "--", "*.py").split())
    assert gitops.list_python_files(tmp_path) is None


def test_scanning_never_imports_gitpython(example_git: Path):
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from migrate.workspace.config import load_config\n"
        "from migrate.workspace.pipeline import build_plan\n"
        f"root = Path({str(example_git)!r})\n"
        "plan = build_plan(root, load_config(root), workers=1)\n"
        "assert plan.changed\n"
        "print('git' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_demo_repository_gets_an_identity_where_git_has_none(tmp_path: Path, monkeypatch):
    empty = tmp_path / "gitconfig"
    empty.write_text("")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(empty))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for name in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "EMAIL"):
        monkeypatch.delenv(name, raising=False)
    root = tmp_path / "repo"
    root.mkdir()
    (root / "a.py").write_text("x = 1\n")
    first = init_repo(root, "first")
    assert git(root, "rev-parse", "HEAD").strip() == first
    assert subprocess.run(["git", "log", "-1", "--format=%an"], cwd=root, capture_output=True,
                          text=True).stdout.strip() == "idmigrate demo"
    assert commit_all(root, "nothing new") == first
    (root / "b.py").write_text("y = 2\n")
    second = commit_all(root, "second")
    assert second != first and git(root, "show", "--name-only", "--format=", second).split() == ["b.py"]
