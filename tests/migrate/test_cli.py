"""The CLI verbs through Typer's runner and through the installed console script."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from migrate.cli import app
from tests.conftest import git
from tests.migrate.demo.test_example_migration import expected_classes

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, [*args, "--no-cache", "-j", "1"] if args[0] in _PLAN_VERBS else list(args))


_PLAN_VERBS = {"scan", "diff", "apply", "report", "verify"}


def tree_bytes(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in root.rglob("*") if p.is_file() and ".git" not in p.parts
    }


def test_scan_json_counts_match_the_example_markers(example_copy: Path):
    assert invoke("expose", str(example_copy)).exit_code == 0
    result = invoke("scan", str(example_copy), "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    expected = expected_classes(example_copy)
    totals = {c: sum(counter[c] for counter in expected.values()) for c in ("exact", "format", "manual")}
    assert {c: summary["totals"][c] for c in totals} == totals
    assert summary["files_with_usages"] == len(expected)
    assert set(summary["services"]) >= {"netra_backend", "auth_service", "analytics_service", "tests"}


def test_scan_text_lists_services_and_totals(example_copy: Path):
    result = invoke("scan", str(example_copy))
    assert result.exit_code == 0
    assert "netra_backend" in result.stdout and "total" in result.stdout


def test_diff_writes_nothing_and_git_apply_gives_what_apply_writes(example_git: Path, tmp_path: Path):
    before = tree_bytes(example_git)
    result = invoke("diff", str(example_git))
    assert result.exit_code == 0, result.output
    patch = result.stdout_bytes
    assert patch.startswith(b"diff --git a/")
    assert tree_bytes(example_git) == before, "diff must not write"

    twin = tmp_path / "twin"
    shutil.copytree(example_git, twin)
    (tmp_path / "change.patch").write_bytes(patch)
    git(twin, "apply", str(tmp_path / "change.patch"))
    assert invoke("apply", str(example_git)).exit_code == 0
    assert tree_bytes(twin) == tree_bytes(example_git)


def test_diff_summary_goes_to_stderr(example_copy: Path):
    result = invoke("diff", str(example_copy))
    assert "files would change" in result.stderr
    assert "files would change" not in result.stdout


def test_apply_then_scan_shows_only_manual_sites(example_copy: Path):
    invoke("expose", str(example_copy))
    assert invoke("apply", str(example_copy)).exit_code == 0
    summary = json.loads(invoke("scan", str(example_copy), "--json").stdout)
    assert summary["totals"]["exact"] == summary["totals"]["format"] == 0
    assert summary["totals"]["manual"] > 0
    assert summary["files_to_change"] == 0
    again = tree_bytes(example_copy)
    assert invoke("apply", str(example_copy)).exit_code == 0
    assert tree_bytes(example_copy) == again, "second apply changed files"


def test_service_and_path_filters_narrow_the_diff(example_copy: Path):
    only = invoke("diff", str(example_copy), "--service", "tests").stdout
    files = {line.split(" b/")[-1] for line in only.splitlines() if line.startswith("diff --git")}
    assert files and all(f.startswith("tests/") for f in files)
    sub = invoke("diff", str(example_copy), "--path", str(example_copy / "netra_backend/app/agents")).stdout
    files = {line.split(" b/")[-1] for line in sub.splitlines() if line.startswith("diff --git")}
    assert files and all(f.startswith("netra_backend/app/agents/") for f in files)


def test_verify_exit_codes(example_copy: Path):
    assert invoke("verify", str(example_copy)).exit_code == 1
    invoke("expose", str(example_copy))
    invoke("apply", str(example_copy))
    remaining = invoke("verify", str(example_copy))
    assert remaining.exit_code == 1 and "IDM" in remaining.stdout  # manual sites remain
    assert invoke("verify", str(example_copy), "--allow-manual").exit_code == 0


def test_verify_reports_boundary_violations(example_copy: Path):
    bad = example_copy / "auth_service" / "auth_core" / "leak.py"
    bad.write_text("from netra_backend.app.config import settings\n")
    result = invoke("verify", str(example_copy), "--allow-manual", "--service", "auth_service")
    assert result.exit_code == 1
    assert "auth_service/auth_core/leak.py:1: boundary" in result.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (("scan", "/nonexistent/repo"), "no such directory"),
        (("scan", "--service", "billing"), "unknown service"),
        (("diff", "--path", "/etc"), "outside"),
        (("report", "--format", "xml"), "--format must be md, json or sarif"),
        (("scan", "--recipe", "nope"), "unknown recipe"),
    ],
)
def test_bad_usage_is_one_line_exit_2(example_copy: Path, args, message):
    argv = list(args)
    if argv[1].startswith("--"):
        argv.insert(1, str(example_copy))
    result = invoke(*argv)
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


def test_root_that_is_a_file_is_refused(tmp_path: Path):
    target = tmp_path / "file.py"
    target.write_text("x = 1\n")
    result = invoke("scan", str(target))
    assert result.exit_code == 2 and "not a directory" in result.stderr


def test_unreadable_config_is_one_line_exit_2(example_copy: Path):
    (example_copy / "pyproject.toml").write_text("[tool.idmigrate\nbroken = ")
    result = invoke("scan", str(example_copy))
    assert result.exit_code == 2
    assert "not valid TOML" in result.stderr and "Traceback" not in result.output


def test_file_that_does_not_parse_is_skipped_and_others_migrate(example_copy: Path):
    broken = example_copy / "netra_backend" / "app" / "broken_ids.py"
    broken.write_bytes(b"from shared.id_generation import UnifiedIdGenerator\nprint 'old'\n")
    before = broken.read_bytes()
    result = invoke("apply", str(example_copy))
    assert result.exit_code == 1  # a finding, not a failure of the tool
    assert "skipped: netra_backend/app/broken_ids.py: does not parse" in result.stderr
    assert broken.read_bytes() == before
    assert b"get_id_manager" in (example_copy / "netra_backend/app/agents/base_agent.py").read_bytes()


def test_report_md_and_json(example_copy: Path, tmp_path: Path):
    out = tmp_path / "review.md"
    assert invoke("report", str(example_copy), "-o", str(out)).exit_code == 0
    text = out.read_text()
    assert "## netra_backend" in text and "| manual |" in text and "latent" in text
    data = json.loads(invoke("report", str(example_copy), "--format", "json").stdout)
    assert {item["safety"] for item in data["review"]} == {"exact", "format", "manual"}
    narrowed = invoke("report", str(example_copy), "--format", "json", "--class", "format", "-c", "manual")
    assert {item["safety"] for item in json.loads(narrowed.stdout)["review"]} == {"format", "manual"}
    bad = invoke("report", str(example_copy), "--class", "fancy")
    assert bad.exit_code == 2 and "--class must be exact, format or manual" in bad.output
    assert all({"path", "line", "column", "member", "reason", "suggestion"} <= set(i) for i in data["review"])


def test_console_script_and_module_entry_points(example_copy: Path):
    exe = shutil.which("idmigrate", path=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))
    assert exe, "the idmigrate console script is not installed"
    for argv in ([exe], [sys.executable, "-m", "migrate"]):
        proc = subprocess.run([*argv, "scan", str(example_copy), "--json", "--no-cache"],
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        assert json.loads(proc.stdout)["totals"]["all"] > 0
        bad = subprocess.run([*argv, "scan", str(example_copy / "missing")], capture_output=True, text=True)
        assert bad.returncode == 2 and "Traceback" not in bad.stderr
