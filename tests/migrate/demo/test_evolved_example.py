"""The evolved twin of the example: both APIs a few releases later, and what the tool does with it.

The rules are bound to the APIs this repository defines (``codemods.apibind``); the end-to-end
test below checks the sites that binding decides. The snapshots record ``scan --json``,
``diff`` and how far the findings still are from the ``# expect:`` markers (work on other
parts, e.g. fixtures that return an instance, shows up as a shrinking distance).
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
from migrate.workspace.apply import write_changes
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


def run_its_tests(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=root,
                          capture_output=True, text=True, timeout=300,
                          env={"PYTHONDONTWRITEBYTECODE": "1", "PATH": "/usr/bin:/bin"})


def test_it_stays_small_and_its_own_tests_pass(tmp_path: Path):
    assert 10 <= len(list(EVOLVED.rglob("*.py"))) <= 16
    target = tmp_path / "as_is"
    shutil.copytree(EVOLVED, target, ignore=shutil.ignore_patterns("__pycache__"))
    proc = run_its_tests(target)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]


def test_its_own_tests_pass_after_its_migration(evolved: Path):
    """Every test, none tolerated: a rewritten ID reaching a parser of the generator through a
    function of another module (``context.describe``) would fail one."""
    plan = build_plan(evolved, load_config(evolved), workers=1, use_cache=False)
    written, not_written = write_changes(plan)
    assert written and not not_written
    proc = run_its_tests(evolved)
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


def test_rules_bind_to_the_evolved_apis(evolved: Path):
    """Every site whose decision depends on this repository's own APIs, with a reason true of them."""
    plan = build_plan(evolved, load_config(evolved), workers=1, use_cache=False)
    sites = {(o.path, f.line): f for o in plan.outcomes for f in o.result.findings}

    def check(path: str, line: int, rule: str, latent: str, *reason: str) -> None:
        finding = sites[(path, line)]
        assert (finding.code, finding.latent) == (rule, latent), finding
        for text in reason:
            assert text in finding.reason, finding

    connections, context, flows = ("netra_backend/app/connections.py", "netra_backend/app/context.py",
                                   "tests/test_evolved_flows.py")
    # the generator defines generate_id(prefix): no latent bug, the prefix resolves as for generate_base_id
    check("bootstrap_ids.py", 19, "IDM001", "")
    check(context, 26, "IDM001", "")
    # the manager's own generate_websocket_connection_id(user_id), also for the undefined generate_connection_id
    check(connections, 47, "IDM027", "fixed", "generate_websocket_connection_id(user_id)")
    # ... but not for IDs this generator's ids_match_for_cleanup checks (it parses them): directly by name,
    # or as the keys of the registry it loops over
    for line in (28, 29, 30):
        check(flows, line, "IDM014", "", "ids_match_for_cleanup(first, ")
    check(connections, 26, "IDM014", "", "ids_match_for_cleanup(cid, pattern_id) (cid from self._connections")
    # ... and an ID handed to a function of another module that hands it to a parser (extract_pattern_info)
    check(flows, 35, "IDM014", "", "passed to context.describe(), which hands it to "
                                   "UnifiedIdGenerator.extract_pattern_info (netra_backend/app/context.py:34)")
    # latent bugs without a counterpart, named
    check(connections, 50, "IDM052", "open", "no manager counterpart for generate_client_id")
    check("auth_service/audit.py", 27, "IDM052", "open", "no manager counterpart for generate_audit_id")
    # members this generator defines that no rule covers
    for path, line, member in ((connections, 36, "ids_match_for_cleanup"), (connections, 43, "normalize_id_format"),
                               (context, 31, "translate_legacy_context_ids"), (context, 35, "extract_pattern_info"),
                               (flows, 31, "ids_match_for_cleanup"), (flows, 32, "ids_match_for_cleanup")):
        check(path, line, "IDM053", "", f"no rule for {member} (add one under [tool.idmigrate.members])")
    assert not any(f.latent for f in sites.values() if f.member in ("generate_id", "generate_base_id"))
    assert plan.by_status("failed") == [], "every rewrite passes the guard"
