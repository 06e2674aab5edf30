"""What ``idmigrate run`` refuses before it changes anything: each refusal is one line, nothing touched."""

from __future__ import annotations

import git
import pytest

from migrate.demo.demo import commit_all
from migrate.run.model import RunError, RunOptions
from migrate.run.runner import run_batches
from migrate.workspace.config import load_config
from tests.migrate.run.run_support import assert_clean_end, branches, cli, head, refused, snapshot

pytestmark = pytest.mark.usefixtures("git_env")


def test_dirty_worktree_is_refused(small_repo):
    (small_repo / "scripts" / "seed_demo_data.py").write_text("# local edit\n", encoding="utf-8")
    assert "uncommitted changes" in refused(small_repo, "--no-tests")


def test_untracked_file_counts_but_ignored_file_does_not(small_repo):
    (small_repo / ".gitignore").write_text("*.log\n")
    commit_all(small_repo, "ignore logs")
    (small_repo / "notes.txt").write_text("untracked\n")
    assert "notes.txt" in refused(small_repo, "--no-tests")
    (small_repo / "notes.txt").unlink()
    (small_repo / "debug.log").write_text("ignored\n")
    start = head(small_repo)
    out = cli("run", str(small_repo), "--service", "scripts", "--no-tests", "-j", "1")
    assert out.exit_code == 0, out.output
    assert (small_repo / "debug.log").read_text() == "ignored\n"
    assert_clean_end(small_repo, start)


def test_detached_head_is_refused_unless_forced(small_repo):
    repo = git.Repo(small_repo)
    repo.git.checkout("--detach", "HEAD")
    repo.close()
    assert "detached" in refused(small_repo, "--no-tests")
    start = head(small_repo)
    out = cli("run", str(small_repo), "--service", "scripts", "--no-tests", "--force", "-j", "1")
    assert out.exit_code == 0, out.output
    assert_clean_end(small_repo, start)


def test_not_a_git_repository(tmp_path):
    (tmp_path / "plain").mkdir()
    out = cli("run", str(tmp_path / "plain"))
    assert out.exit_code == 2
    assert "not a git repository" in out.stderr
    with pytest.raises(RunError, match="not a git repository"):
        run_batches(tmp_path / "plain", load_config(tmp_path / "plain"), RunOptions())


def test_mid_merge_is_refused_even_with_force(small_repo):
    repo = git.Repo(small_repo)
    main = repo.active_branch.name
    repo.git.checkout("-q", "-b", "other")
    (small_repo / "conflict.txt").write_text("other\n")
    repo.git.add("conflict.txt")
    repo.git.commit("-q", "-m", "other")
    repo.git.checkout("-q", main)
    (small_repo / "conflict.txt").write_text("main\n")
    repo.git.add("conflict.txt")
    repo.git.commit("-q", "-m", "main")
    with pytest.raises(git.GitCommandError):
        repo.git.merge("other")
    repo.close()
    before = snapshot(small_repo)
    out = cli("run", str(small_repo), "--force")
    assert out.exit_code == 2 and "merge is in progress" in out.stderr
    assert snapshot(small_repo) == before


def test_foreign_branch_is_refused_unless_forced(small_repo):
    repo = git.Repo(small_repo)
    repo.git.branch("idmigrate/scripts", "HEAD~1")
    foreign = repo.commit("idmigrate/scripts").hexsha
    repo.close()
    assert "idmigrate/scripts already exists" in refused(small_repo, "--service", "scripts", "--no-tests")
    assert branches(small_repo)["idmigrate/scripts"] == foreign
    start = head(small_repo)
    out = cli("run", str(small_repo), "--service", "scripts", "--no-tests", "--force", "-j", "1")
    assert out.exit_code == 0, out.output
    new = branches(small_repo)["idmigrate/scripts"]
    assert new != foreign
    repo = git.Repo(small_repo)
    assert repo.commit(new).parents[0].hexsha == start[1]
    repo.close()
    # the branch is now ours: a second run replaces it without --force
    out = cli("run", str(small_repo), "--service", "scripts", "--no-tests", "-j", "1")
    assert out.exit_code == 0, out.output
    assert_clean_end(small_repo, start)


def test_branch_moved_by_the_user_is_foreign_again(small_repo):
    start = head(small_repo)
    assert cli("run", str(small_repo), "--service", "scripts", "--no-tests", "-j", "1").exit_code == 0
    repo = git.Repo(small_repo)
    repo.git.branch("-f", "idmigrate/scripts", start[1])  # the user points it elsewhere
    repo.close()
    assert "already exists" in refused(small_repo, "--service", "scripts", "--no-tests")
