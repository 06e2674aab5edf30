"""``verify``'s arguments: a directory inside the project narrows the check, ROOT is found and said,
a narrowed ``--write-baseline`` keeps what it did not look at, a bad argument is named as given."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.migrate.gate.test_baseline import IDS, OTHER, cli, write

BASELINE = ".idmigrate-baseline.json"


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    root = tmp_path / "proj"
    write(root, "pyproject.toml", "[tool.idmigrate]\n")
    write(root, "svc_a/ids.py", IDS)
    write(root, "svc_b/other.py", OTHER)
    monkeypatch.chdir(root)
    result = cli("verify", "--write-baseline", BASELINE)
    assert result.exit_code == 0 and "3 usages" in result.stderr, result.output
    return root


def _paths(root: Path) -> list[str]:
    data = json.loads((root / BASELINE).read_text())
    return [e["path"] for e in data["usages"]]


def test_a_directory_inside_the_project_narrows_and_write_baseline_keeps_the_rest(project):
    before = (project / BASELINE).read_bytes()
    result = cli("verify", "svc_a", "--write-baseline", BASELINE)
    assert result.exit_code == 0, result.output
    assert "stale" not in result.stderr and "wrote" in result.stderr
    assert (project / BASELINE).read_bytes() == before
    (project / "svc_a" / "ids.py").write_text("x = 1\n")
    result = cli("verify", "svc_a", "--baseline", BASELINE)
    assert result.exit_code == 0 and "stale: svc_a/ids.py" in result.stderr
    assert "svc_b" not in result.stderr  # outside the scope: neither matched nor stale


def test_from_a_subdirectory_the_project_root_is_found_and_said(project, monkeypatch):
    monkeypatch.chdir(project / "svc_b")
    result = cli("verify", "--baseline", str(project / BASELINE))
    assert result.exit_code == 0, result.output
    assert f"idmigrate: project root {project.resolve()}" in result.stderr


def test_an_entry_outside_the_scope_whose_file_is_gone_is_kept(project):
    (project / "svc_b" / "other.py").unlink()
    result = cli("verify", "svc_a", "--write-baseline", BASELINE)
    assert result.exit_code == 0, result.output
    assert "svc_b/other.py" in _paths(project)
    result = cli("verify", "--write-baseline", BASELINE)  # the whole project: now it is stale
    assert "1 stale entry dropped" in result.stderr
    assert "svc_b/other.py" not in _paths(project)


def test_a_missing_file_argument_is_named_as_given(project):
    result = cli("verify", "nonexist.py")
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: nonexist.py: no such file or directory"


def test_a_baseline_none_of_whose_files_exists_under_root_is_not_emptied(project):
    before = (project / BASELINE).read_bytes()
    result = cli("verify", "--root", "svc_a", "--write-baseline", BASELINE)
    assert result.exit_code == 2, result.output
    assert "is ROOT right?" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert (project / BASELINE).read_bytes() == before

