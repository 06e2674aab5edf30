"""The evolved twin of the example: both APIs a few releases later, and what the tool does with it today.

The snapshots record the current ``scan --json``, ``diff`` and how far the findings are from
the ``# expect:`` markers, which describe the classes the tool should assign once its rules
are bound to the APIs this repository defines. Work on that binding shows up as a shrinking
snapshot diff.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from migrate.cli import app
from migrate.demo.demo import EVOLVED
from migrate.workspace.config import load_config
from migrate.workspace.pipeline import build_plan
from tests.migrate.demo.test_example_migration import expected_classes, found_classes
from tests.snapshot_ext import DiffSnapshotExtension

runner = CliRunner()


@pytest.fixture
def evolved(tmp_path: Path) -> Path:
    """A copy with the manager exposed under shared/, as a migration starts (``idmigrate expose``)."""
    target = tmp_path / "evolved"
    shutil.copytree(EVOLVED, target, ignore=shutil.ignore_patterns("__pycache__"))
    assert runner.invoke(app, ["expose", str(target)]).exit_code == 0
    return target


@pytest.fixture
def snapshot_diff(snapshot):
    return snapshot.use_extension(DiffSnapshotExtension)


def test_it_stays_small_and_its_own_tests_pass(tmp_path: Path):
    assert 10 <= len(list(EVOLVED.rglob("*.py"))) <= 16
    target = tmp_path / "as_is"
    shutil.copytree(EVOLVED, target, ignore=shutil.ignore_patterns("__pycache__"))
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=target,
                          capture_output=True, text=True, timeout=300,
                          env={"PYTHONDONTWRITEBYTECODE": "1", "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]


def test_it_ships_with_the_package():
    pyproject = (Path(__file__).resolve().parents[3] / "pyproject.toml").read_text()
    assert '"evolved_monorepo/**/*"' in pyproject and '"migrate.demo.evolved_monorepo*"' in pyproject


def test_current_scan_json_snapshot(evolved: Path, snapshot_json):
    result = runner.invoke(app, ["scan", str(evolved), "--json", "--no-cache", "-j", "1"])
    assert result.exit_code in (0, 1), result.output
    summary = json.loads(result.stdout)
    summary["root"] = "EVOLVED"
    assert json.dumps(summary, indent=2) + "\n" == snapshot_json


def test_current_diff_snapshot(evolved: Path, snapshot_diff):
    result = runner.invoke(app, ["diff", str(evolved), "--no-cache", "-j", "1"])
    assert result.exit_code in (0, 1), result.output
    assert result.stdout + "\n# stderr:\n" + result.stderr == snapshot_diff


def test_distance_to_the_markers_snapshot(evolved: Path, snapshot_json):
    """Per file, the classes the markers expect and the ones found today, where they differ."""
    expected = expected_classes(evolved)
    found = found_classes(build_plan(evolved, load_config(evolved), workers=1, use_cache=False))
    apart = {
        path: {"expected": dict(sorted(expected.get(path, Counter()).items())),
               "found": dict(sorted(found.get(path, Counter()).items()))}
        for path in sorted(set(expected) | set(found))
        if expected.get(path, Counter()) != found.get(path, Counter())
    }
    totals = {"expected_sites": sum(sum(c.values()) for c in expected.values()),
              "found_sites": sum(sum(c.values()) for c in found.values()),
              "files_apart": len(apart), "files_agreeing": len(set(expected) | set(found)) - len(apart)}
    assert json.dumps({"totals": totals, "apart": apart}, indent=2) + "\n" == snapshot_json
