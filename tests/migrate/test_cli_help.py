"""Help and options: no Python type labels, -h, one-line usage errors, NO_COLOR, -o picks the format."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from migrate.cli import app

VERBS = ["scan", "diff", "apply", "report", "review", "verify", "expose", "shim", "run", "status", "demo"]
TYPE_LABEL = re.compile(r"<(bool|str|int|float|path|list\[[^>]*\]|int range|[a-z ]+ range)>|\[x[<>]=")


def invoke(*args: str, **kwargs):
    return CliRunner().invoke(app, list(args), **kwargs)


@pytest.mark.parametrize("verb", VERBS)
def test_help_has_no_python_type_labels_and_h_works(verb: str):
    long, short = invoke(verb, "--help", env={"COLUMNS": "140"}), invoke(verb, "-h", env={"COLUMNS": "140"})
    assert long.exit_code == 0 and short.exit_code == 0
    assert short.stdout == long.stdout
    assert not TYPE_LABEL.search(long.stdout), long.stdout


def test_top_level_help_too():
    out = invoke("-h", env={"COLUMNS": "140"})
    assert out.exit_code == 0 and "scan" in out.stdout and not TYPE_LABEL.search(out.stdout)


def test_usage_errors_are_one_line_through_the_installed_script(tmp_path: Path):
    script = Path(sys.executable).parent / "idmigrate"
    for args in (["scan", "--bogus"], ["scan", str(tmp_path), "-j", "0"], ["nosuchverb"]):
        proc = subprocess.run([str(script), *args], capture_output=True, text=True, timeout=120)
        assert proc.returncode == 2, proc
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: "), proc.stderr
        assert "╭" not in proc.stderr and proc.stdout == ""


def test_no_color_turns_off_diff_colours(example_copy: Path, monkeypatch):
    from migrate.commands import views

    seen = []
    monkeypatch.setattr(views, "diff", lambda plan, color, out, log: seen.append(color) or 0)
    invoke("diff", str(example_copy), "-j", "1", env={"NO_COLOR": "1"})
    invoke("diff", str(example_copy), "-j", "1", env={"NO_COLOR": ""})
    assert seen == [False, None]


@pytest.mark.parametrize("name, check", [
    ("r.json", lambda text: "review" in json.loads(text)),
    ("r.sarif", lambda text: json.loads(text)["version"] == "2.1.0"),
    ("r.md", lambda text: text.startswith("# idmigrate review list")),
])
def test_report_output_suffix_picks_the_format(example_copy: Path, tmp_path: Path, name, check):
    target = tmp_path / name
    out = invoke("report", str(example_copy), "-j", "1", "-o", str(target))
    assert out.exit_code == 0, out.output
    assert check(target.read_text())


def test_report_json_flag_like_the_other_verbs(example_copy: Path):
    out = invoke("report", str(example_copy), "-j", "1", "--json")
    assert out.exit_code == 0 and "review" in json.loads(out.stdout)
