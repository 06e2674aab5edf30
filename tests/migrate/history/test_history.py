"""``status --history``: usages per commit of the current branch, read from git without a checkout."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from migrate import gitops
from migrate.cli import app

runner = CliRunner()
HEAD = "from shared.id_generation import UnifiedIdGenerator\n\n"


def usages(n: int, word: str = "user") -> str:
    return HEAD + "".join(f"X{i} = UnifiedIdGenerator.generate_base_id('{word}')\n" for i in range(n))


def git(root: Path, *args: str, day: int = 1) -> str:
    env = {**os.environ, "GIT_AUTHOR_DATE": f"2024-01-{day:02d}T12:00:00+00:00",
           "GIT_COMMITTER_DATE": f"2024-01-{day:02d}T12:00:00+00:00"}
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false",
                           *args], cwd=root, env=env, check=True, capture_output=True, text=True).stdout


def commit(root: Path, day: int, files: dict[str, str | None], message: str) -> None:
    for rel, content in files.items():
        if content is None:
            git(root, "rm", "-q", rel)
            continue
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(content)
        git(root, "add", rel)
    git(root, "commit", "-q", "-m", message, day=day)


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """Commits with known counts; a side branch merged with --no-ff (its own commit is not on the first-parent line)."""
    root = tmp_path_factory.mktemp("history") / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    commit(root, 1, {"svc/a.py": usages(2), "svc/notes.py": "X = 1\n"}, "two usages")           # 2 usages, 1 file
    commit(root, 2, {"svc/b.py": usages(1, "thread")}, "one more file")                        # 3, 2
    commit(root, 3, {"svc/a.py": usages(1)}, "one fixed")                                      # 2, 2
    git(root, "mv", "svc/b.py", "svc/c.py")
    commit(root, 4, {}, "rename")                                                              # 2, 2
    commit(root, 5, {"svc/a.py": None, "svc/broken.py": HEAD + "print 'py2'\n"}, "a gone")     # 1, 1 (+1 unchecked)
    git(root, "checkout", "-q", "-b", "side")
    commit(root, 6, {"svc/d.py": usages(2, "run")}, "side work")
    git(root, "checkout", "-q", "main")
    git(root, "merge", "-q", "--no-ff", "side", "-m", "merge side", day=7)                     # 3, 2
    return root


EXPECTED = [  # newest first: (message, usages, files, unchecked)
    ("merge side", 3, 2, 1), ("a gone", 1, 1, 1), ("rename", 2, 2, 0), ("one fixed", 2, 2, 0),
    ("one more file", 3, 2, 0), ("two usages", 2, 1, 0),
]


def history(root: Path, *args: str):
    return runner.invoke(app, ["status", str(root), *args, "-j", "1"])


def test_counts_per_commit_newest_first_along_first_parents(repo):
    result = history(repo, "--history", "10", "--json")
    assert result.exit_code == 0, result.output
    points = json.loads(result.stdout)["history"]
    shas = git(repo, "rev-list", "--first-parent", "HEAD").split()
    assert [p["commit"] for p in points] == shas
    assert [(p["usages"], p["files"], p["unchecked"]) for p in points] == [e[1:] for e in EXPECTED]
    assert points[0]["date"].startswith("2024-01-07") and points[-1]["date"].startswith("2024-01-01")
    assert set(points[0]) >= {"commit", "date", "usages", "files"}


def test_the_newest_count_equals_what_status_sees_in_the_checkout(repo):
    points = json.loads(history(repo, "--history", "1", "--json").stdout)["history"]
    status = json.loads(runner.invoke(app, ["status", str(repo), "--json", "--no-cache"]).stdout)
    assert len(points) == 1 and points[0]["usages"] == status["totals"]["all"]


def test_since_and_service_narrow_it(repo):
    since = json.loads(history(repo, "--since", "2024-01-04T00:00:00+00:00", "--json").stdout)["history"]
    assert [p["usages"] for p in since] == [3, 1, 2]
    svc = json.loads(history(repo, "--history", "3", "--service", "svc", "--json").stdout)["history"]
    assert [p["usages"] for p in svc] == [3, 1, 2]
    unknown = history(repo, "--history", "3", "--service", "nope")
    assert unknown.exit_code == 2 and "unknown service 'nope'" in unknown.stderr


def test_nothing_is_written_to_the_work_tree_and_seen_blobs_cost_nothing(repo, monkeypatch):
    before = git(repo, "status", "--porcelain", "--ignored")
    assert history(repo, "--history", "10").exit_code == 0
    assert git(repo, "status", "--porcelain", "--ignored") == before

    def no_reads(*_args, **_kwargs):
        raise AssertionError("a blob seen before was read again")

    monkeypatch.setattr(gitops, "read_blobs", no_reads)
    again = history(repo, "--history", "10", "--json")
    assert again.exit_code == 0, again.output
    assert [p["usages"] for p in json.loads(again.stdout)["history"]] == [e[1] for e in EXPECTED]


def test_the_chart_has_a_bar_per_commit_and_a_sparkline(repo):
    text = history(repo, "--history", "10", "--no-cache").stdout
    lines = text.splitlines()
    assert lines[0].split() == ["commit", "date", "usages", "files"]
    assert len(lines) == 1 + len(EXPECTED) + 1
    assert lines[1].count("█") == 40 and lines[2].count("█") == 13  # 3 usages is the top, 1 is a third
    assert "(1 not checked)" in lines[1]
    assert lines[-1].startswith("oldest → newest ") and "1 more over 6 commits" in lines[-1]


def test_history_needs_a_git_repository(tmp_path):
    (tmp_path / "a.py").write_text(usages(1))
    result = history(tmp_path, "--history", "3")
    assert result.exit_code == 2 and "--history needs git" in result.stderr
