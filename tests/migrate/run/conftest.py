"""Fixtures of the ``idmigrate run`` tests (helpers in ``run_support.py``)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from migrate.demo.demo import EXAMPLE
from tests.migrate.run.run_support import _SOURCE, make_repo
from tests.reliability.reliability_support import hermetic_git


@pytest.fixture(scope="module")
def git_env(tmp_path_factory):
    """Hermetic git: no user/system config, a fixed identity; one snapshot of the example per module."""
    config_dir = tmp_path_factory.mktemp("gitconfig")
    pristine = tmp_path_factory.mktemp("example") / "example_monorepo"
    shutil.copytree(EXAMPLE, pristine, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".benchmarks",
                                                                     ".pytest_cache"))
    _SOURCE["example"] = pristine
    with hermetic_git(config_dir):
        yield


@pytest.fixture
def small_repo(git_env, tmp_path) -> Path:
    return make_repo(tmp_path / "repo")
