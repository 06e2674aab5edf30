"""Helpers of the ``idmigrate run`` tests: example repositories, what a run must leave alone.

Not a test module; the fixtures that use these live in ``conftest.py``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import git
from typer.testing import CliRunner

from migrate.cli import app
from migrate.compat.expose import expose_manager
from migrate.demo.demo import commit_all, init_repo
from migrate.run.state import STATE_FILE
from migrate.workspace.config import load_config

#: A private copy of the bundled example, made once by the ``git_env`` fixture.
_SOURCE: dict[str, Path] = {}


def make_repo(dest: Path, *, expose: bool = True, files: dict[str, str] | None = None,
              pyproject_extra: str = "") -> Path:
    shutil.copytree(_SOURCE["example"], dest)
    init_repo(dest, "Example monorepo")
    if expose:
        expose_manager(dest, load_config(dest))
        commit_all(dest, "Expose the manager under shared/")
    if files or pyproject_extra:
        for rel, text in (files or {}).items():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            (dest / rel).write_text(text)
        if pyproject_extra:
            with open(dest / "pyproject.toml", "a", encoding="utf-8") as fh:
                fh.write(pyproject_extra)
        commit_all(dest, "Test setup")
    return dest


def head(root: Path) -> tuple[str | None, str]:
    repo = git.Repo(root)
    try:
        branch = None if repo.head.is_detached else repo.active_branch.name
        return branch, repo.head.commit.hexsha
    finally:
        repo.close()


def branches(root: Path) -> dict[str, str]:
    repo = git.Repo(root)
    try:
        return {h.name: h.commit.hexsha for h in repo.heads}
    finally:
        repo.close()


def tree(root: Path, rev: str) -> str:
    repo = git.Repo(root)
    try:
        return repo.commit(rev).tree.hexsha
    finally:
        repo.close()


def snapshot(root: Path) -> dict:
    """Everything a refused run must leave alone."""
    files = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if rel == ".git" or rel.startswith(".git/") or not path.is_file():
            continue
        files[rel] = path.read_bytes()
    repo = git.Repo(root)
    try:
        status = repo.git.status("--porcelain", "--untracked-files=all")
    finally:
        repo.close()
    return {"head": head(root), "branches": branches(root), "files": files, "status": status,
            "state": (root / ".git" / "idmigrate" / STATE_FILE).exists()}


def assert_clean_end(root: Path, start: tuple[str | None, str]) -> None:
    assert head(root) == start
    repo = git.Repo(root)
    try:
        assert len(repo.git.worktree("list", "--porcelain").split("\n\n")) == 1
    finally:
        repo.close()
    wt_dir = root / ".git" / "idmigrate" / "worktrees"
    assert not wt_dir.exists() or not any(wt_dir.iterdir())
    assert not (root / ".git" / "idmigrate" / "run.lock").exists()


def cli(*args: str):
    result = CliRunner().invoke(app, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def load_state(root: Path, recipe_set: str = "generator") -> dict:
    """The state file as one recipe set sees it: its run, batches and applied records, and the
    branches and baselines every recipe set shares."""
    data = json.loads((root / ".git" / "idmigrate" / STATE_FILE).read_text())
    mine = data["runs"].get(recipe_set, {})
    return {"run": mine.get("run", {}), "batches": mine.get("batches", {}), "applied": mine.get("applied", []),
            "branches": data["branches"], "baselines": data["baselines"]}


def refused(root: Path, *args: str) -> str:
    before = snapshot(root)
    out = cli("run", str(root), *args)
    assert out.exit_code == 2, out.output
    assert snapshot(root) == before
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), out.stderr
    return lines[0]
