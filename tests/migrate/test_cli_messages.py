"""What the verbs say: report wording, what --allow-manual allowed, the expose hint, plurals, columns."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from migrate.cli import app
from migrate.compat.expose import expose_manager
from migrate.output.report import render_scan_text
from migrate.workspace.config import load_config
from tests.conftest import git


def invoke(*args: str):
    return CliRunner().invoke(app, [*args])


def test_report_before_apply_says_would_apply_not_applied(example_copy: Path):
    out = invoke("report", str(example_copy), "-j", "1")
    assert out.exit_code == 0, out.output
    summary = out.stdout.splitlines()[2]
    assert "would rewrite them" in summary and "(applied" not in summary


def test_verify_allow_manual_says_what_it_allowed(example_copy: Path):
    expose_manager(example_copy, load_config(example_copy))
    assert invoke("apply", str(example_copy), "-j", "1").exit_code == 0
    out = invoke("verify", str(example_copy), "--allow-manual", "-j", "1")
    assert out.exit_code == 0, out.output
    assert "manual sites allowed by --allow-manual" in out.stderr
    assert "verify: clean\n" not in out.stderr
    left = invoke("verify", str(example_copy), "-j", "1")
    count = len([ln for ln in left.stdout.splitlines() if " manual " in ln])
    assert count and f"except {count} manual sites allowed" in out.stderr


@pytest.mark.parametrize("verb", ["scan", "diff", "apply", "report", "verify", "status"])
def test_every_verb_hints_expose_when_services_would_cross(example_copy: Path, verb: str):
    out = invoke(verb, str(example_copy), "-j", "1")
    assert out.exit_code in (0, 1), out.output
    assert "run `idmigrate expose" in out.stderr and "IDM090" in out.stderr


def test_run_hints_expose_too(example_git: Path):
    out = invoke("run", str(example_git), "--no-tests", "-j", "1", "--service", "analytics_service")
    assert out.exit_code == 0, out.output
    assert "run `idmigrate expose" in out.stderr


def test_no_hint_once_exposed(example_copy: Path):
    expose_manager(example_copy, load_config(example_copy))
    out = invoke("diff", str(example_copy), "-j", "1")
    assert "idmigrate expose" not in out.stderr


def test_one_file_is_singular(example_copy: Path):
    out = invoke("diff", str(example_copy), "-j", "1", "--path", str(example_copy / "scripts" / "seed_demo_data.py"))
    assert out.stderr.startswith("1 file would change"), out.stderr


def test_scan_columns_stay_aligned_for_long_member_names():
    counts = {"exact": 1, "format": 22, "manual": 333}
    summary = {
        "services": {"svc": {"files": 4, "sites": counts, "members": {"m" * 60: counts}}},
        "totals": counts | {"all": 356}, "recipes": {"generator": counts}, "files_scanned": 9,
        "files_with_usages": 4, "files_to_change": 2, "skipped": [], "failed": [], "unreadable": [],
        "registering": {"sites": 0, "files": []},
    }
    table = render_scan_text(summary).splitlines()[:4]
    ends = {len(line) for line in table}
    assert len(ends) == 1, table
    assert table[2].endswith("    1     22    333")


def test_demo_says_where_its_temp_repository_stays(tmp_path: Path, monkeypatch):
    import io
    import tempfile

    from migrate.demo.demo import run_demo
    from migrate.gitops import HeadState
    from migrate.run import runner
    from migrate.run.model import RunResult

    target = tmp_path / "idmigrate-demo-x"
    target.mkdir()
    monkeypatch.setattr(tempfile, "mkdtemp", lambda prefix="": str(target))
    monkeypatch.setattr(runner, "run_batches", lambda root, config, options, log: RunResult(
        root, "a" * 40, "idmigrate/", HeadState("main", "a" * 40)))
    out = io.StringIO()
    assert run_demo(None, out=out, err=io.StringIO()) == 0
    assert f"the demo repository stays in {target}; remove it with: rm -rf {target}" in out.getvalue()
    assert f"applied sites:    idmigrate report {target} --applied" in out.getvalue()


def test_report_json_with_another_format_is_one_line_usage_error(tmp_path: Path):
    result = invoke("report", str(tmp_path), "--json", "-f", "md")
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: --json is --format json: it does not go with --format md"
