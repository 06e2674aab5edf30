"""Shared helpers: run the engine on a source string, check the properties every rewrite must keep."""

from __future__ import annotations

import ast
import shutil
import subprocess
from pathlib import Path

import pytest
from pyflakes import checker, messages

from codemods.engine.transform import FileSettings, transform_source
from codemods.generator.rules import RuleSet
from migrate.workspace.config import DEFAULT_MANAGER_MODULE
from migrate.demo.demo import EXAMPLE
from tests.snapshot_ext import JsonSnapshotExtension, MdSnapshotExtension, PySnapshotExtension


def migrate_source(source: str | bytes, *, path: str = "netra_backend/app/module.py",
                   rules: RuleSet | None = None, import_path: str = DEFAULT_MANAGER_MODULE,
                   boundary: str | None = None, fixtures: tuple[str, ...] = (), wrappers: tuple = ()):
    data = source.encode() if isinstance(source, str) else source
    settings = FileSettings(rules or RuleSet(), import_path, frozenset({import_path}), boundary,
                            fixtures=fixtures, wrappers=wrappers)
    return transform_source(data, path, settings)


def undefined_names(source: bytes) -> set[str]:
    tree = ast.parse(source)
    return {
        str(m.message_args[0])
        for m in checker.Checker(tree).messages
        if isinstance(m, messages.UndefinedName)
    }


def assert_properties(before: bytes, result, **kwargs) -> bytes:
    """The output parses, adds no undefined name, and a second run changes nothing."""
    after = result.new_source if result.new_source is not None else before
    ast.parse(after)
    assert undefined_names(after) <= undefined_names(before), "rewrite introduced undefined names"
    again = migrate_source(after, **kwargs)
    assert again.status == "unchanged", f"second run changed the file: {again.status} {again.reason}"
    assert not any(f.applied for f in again.findings), "second run still found sites to apply"
    return after


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", *args],
        cwd=cwd, check=True, capture_output=True, text=True,
    ).stdout


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    """A fresh copy of the bundled example monorepo (not a git repo)."""
    target = tmp_path / "repo"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


@pytest.fixture
def example_git(example_copy: Path) -> Path:
    """The example copy as a git repo with one commit."""
    git(example_copy, "init", "-q", "-b", "main")
    git(example_copy, "add", "-A")
    git(example_copy, "commit", "-qm", "example")
    return example_copy


@pytest.fixture
def snapshot_py(snapshot):
    return snapshot.use_extension(PySnapshotExtension)


@pytest.fixture
def snapshot_md(snapshot):
    return snapshot.use_extension(MdSnapshotExtension)


@pytest.fixture
def snapshot_json(snapshot):
    return snapshot.use_extension(JsonSnapshotExtension)
