"""The ratchet: ``verify --baseline`` passes while every usage is recorded, and names each new one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from migrate.cli import app

runner = CliRunner()

IDS = '''from shared.id_generation import UnifiedIdGenerator


def make_user():
    return UnifiedIdGenerator.generate_base_id("user")


def make_custom(prefix):
    return UnifiedIdGenerator.generate_base_id(prefix)


def unrelated():
    return 1
'''
OTHER = '''from shared.id_generation import UnifiedIdGenerator

THREAD = UnifiedIdGenerator.generate_base_id("thread")
'''


def cli(*args: str):
    return runner.invoke(app, [*args, "--no-cache", "-j", "1"])


def write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    write(root, "svc_a/ids.py", IDS)
    write(root, "svc_b/other.py", OTHER)
    return root


@pytest.fixture
def baseline(repo: Path) -> Path:
    path = repo.parent / "baseline.json"
    result = cli("verify", str(repo), "--write-baseline", str(path))
    assert result.exit_code == 0, result.output
    assert "wrote" in result.stderr and "3 usages" in result.stderr
    return path


def check(repo: Path, baseline: Path, *extra: str):
    return cli("verify", str(repo), "--baseline", str(baseline), *extra)


def entries(baseline: Path) -> list[dict]:
    return json.loads(baseline.read_text())["usages"]


def test_a_fresh_baseline_passes_and_plain_verify_still_fails(repo, baseline):
    assert check(repo, baseline).exit_code == 0
    assert cli("verify", str(repo)).exit_code == 1


def test_lines_inserted_above_and_code_edited_elsewhere_still_pass(repo, baseline):
    ids = repo / "svc_a" / "ids.py"
    ids.write_text("import os\n\n\n" + ids.read_text().replace("return 1", "return os.sep  # changed"))
    result = check(repo, baseline)
    assert result.exit_code == 0, result.output
    assert "stale" not in result.stderr


def test_a_new_usage_fails_and_says_how_to_fix_it(repo, baseline):
    ids = repo / "svc_a" / "ids.py"
    added = '\n\ndef make_request():\n    return UnifiedIdGenerator.generate_base_id("request")\n'
    ids.write_text(ids.read_text() + added)
    write(repo, "svc_a/computed.py", "from shared.id_generation import UnifiedIdGenerator\n\n"
                                     "NAME = UnifiedIdGenerator.generate_base_id(prefix_for())\n")
    result = check(repo, baseline)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2, lines
    assert lines[0].startswith("svc_a/computed.py:3:8: new usage of generate_base_id (IDM006 manual)")
    assert "rewrite by hand: computed prefix" in lines[0]
    assert lines[1].startswith("svc_a/ids.py:17:12: new usage of generate_base_id (IDM001 exact)")
    assert lines[1].endswith(f"fix: idmigrate apply {repo} --path svc_a/ids.py")
    assert "2 new usages not in the baseline" in result.stderr


def test_a_removed_usage_passes_reports_the_stale_entry_and_the_baseline_shrinks(repo, baseline):
    ids = repo / "svc_a" / "ids.py"
    ids.write_text(ids.read_text().replace('return UnifiedIdGenerator.generate_base_id("user")', 'return "user"'))
    result = check(repo, baseline)
    assert result.exit_code == 0
    assert "stale: svc_a/ids.py: generate_base_id (IDM001)" in result.stderr
    shrunk = cli("verify", str(repo), "--write-baseline", str(baseline))
    assert shrunk.exit_code == 0 and "1 stale entry dropped" in shrunk.stderr
    assert len(entries(baseline)) == 2
    assert "stale" not in check(repo, baseline).stderr


def test_a_file_renamed_within_its_service_passes_and_the_baseline_follows_it(repo, baseline):
    (repo / "svc_a" / "ids.py").rename(repo / "svc_a" / "identifiers.py")
    assert check(repo, baseline).exit_code == 0
    assert cli("verify", str(repo), "--write-baseline", str(baseline)).exit_code == 0
    assert {e["path"] for e in entries(baseline)} == {"svc_a/identifiers.py", "svc_b/other.py"}


def test_a_file_moved_to_another_service_or_copied_is_new(repo, baseline):
    write(repo, "svc_a/copy.py", IDS)
    copied = check(repo, baseline)
    assert copied.exit_code == 1 and copied.stdout.count("svc_a/copy.py:") == 2
    (repo / "svc_a" / "copy.py").unlink()
    (repo / "svc_b" / "other.py").rename(repo / "svc_a" / "other.py")
    moved = check(repo, baseline)
    assert moved.exit_code == 1 and "svc_a/other.py:3:10: new usage" in moved.stdout


def test_write_baseline_only_shrinks_unless_growth_is_allowed(repo, baseline):
    write(repo, "svc_a/more.py", OTHER)
    refused = cli("verify", str(repo), "--write-baseline", str(baseline))
    assert refused.exit_code == 1
    assert "svc_a/more.py:3:10: new usage" in refused.stdout and "NOT recorded" in refused.stderr
    assert len(entries(baseline)) == 3
    grown = cli("verify", str(repo), "--write-baseline", str(baseline), "--allow-growth")
    assert grown.exit_code == 0 and len(entries(baseline)) == 4
    assert check(repo, baseline).exit_code == 0


def test_the_file_is_stable_sorted_and_free_of_line_numbers(repo, baseline):
    text = baseline.read_text()
    usages = entries(baseline)
    assert [e["path"] for e in usages] == sorted(e["path"] for e in usages)
    assert all("line" not in e for e in usages)
    assert text.count("\n    {") == len(usages), "one usage per line"
    ids = repo / "svc_a" / "ids.py"
    ids.write_text("# moved down\n" + ids.read_text())
    assert cli("verify", str(repo), "--write-baseline", str(baseline)).exit_code == 0
    assert baseline.read_text() == text


def test_service_and_path_narrow_the_check_and_keep_other_entries(repo, baseline):
    (repo / "svc_b" / "other.py").write_text("THREAD = 'fixed'\n")
    write(repo, "svc_a/more.py", OTHER)
    only_b = check(repo, baseline, "--service", "svc_b")
    assert only_b.exit_code == 0 and "stale: svc_b/other.py" in only_b.stderr
    only_a = check(repo, baseline, "--path", str(repo / "svc_a" / "ids.py"))
    assert only_a.exit_code == 0 and "stale" not in only_a.stderr
    assert check(repo, baseline, "--service", "svc_a").exit_code == 1
    assert cli("verify", str(repo), "--service", "svc_b", "--write-baseline", str(baseline)).exit_code == 0
    assert {e["path"] for e in entries(baseline)} == {"svc_a/ids.py"}


def test_files_as_arguments_find_root_from_the_current_directory(repo, baseline, monkeypatch):
    (repo / ".git").mkdir()  # ROOT is the work tree around the current directory
    write(repo, "svc_a/new.py", OTHER)
    monkeypatch.chdir(repo / "svc_a")
    passing = cli("verify", "--baseline", str(baseline), "ids.py", "../svc_b/other.py")
    assert passing.exit_code == 0, passing.output
    failing = cli("verify", "--baseline", str(baseline), "ids.py", "new.py")
    assert failing.exit_code == 1
    assert failing.stdout.startswith("svc_a/new.py:3:10: new usage of generate_base_id")
    root_given = cli("verify", "--root", str(repo), "--baseline", str(baseline), str(repo / "svc_a" / "ids.py"))
    assert root_given.exit_code == 0


def test_a_deleted_file_s_usages_may_be_claimed_when_only_the_new_file_is_checked(repo, baseline, monkeypatch):
    """pre-commit passes the renamed file only: its usages match the entries of the file that is gone."""
    (repo / ".git").mkdir()
    (repo / "svc_a" / "ids.py").rename(repo / "svc_a" / "renamed.py")
    monkeypatch.chdir(repo)
    assert cli("verify", "--baseline", str(baseline), "svc_a/renamed.py").exit_code == 0
    write(repo, "svc_a/ids.py", IDS)  # the old file is back: its entries are its own again
    assert cli("verify", "--baseline", str(baseline), "svc_a/renamed.py").exit_code == 1


def test_a_file_that_cannot_be_checked_is_recorded_and_a_new_one_fails(repo, tmp_path):
    write(repo, "svc_a/broken.py", OTHER + "print 'python 2'\n")
    plain = cli("verify", str(repo))
    assert plain.exit_code == 1 and "skipped: svc_a/broken.py: does not parse" in plain.stdout
    path = tmp_path / "b.json"
    assert cli("verify", str(repo), "--write-baseline", str(path)).exit_code == 0
    assert json.loads(path.read_text())["unchecked"][0]["path"] == "svc_a/broken.py"
    known = check(repo, path)
    assert known.exit_code == 0 and "not checked (in the baseline): svc_a/broken.py" in known.stderr
    write(repo, "svc_b/broken.py", "from shared.id_generation import UnifiedIdGenerator\nx = (\n")
    new = check(repo, path)
    assert new.exit_code == 1 and "svc_b/broken.py: could not be checked" in new.stdout
    # a file that could not be checked is not counted as a usage
    assert "0 new usages and 1 file that could not be checked not in the baseline" in new.stderr


@pytest.mark.parametrize("content, message", [
    (None, "no such baseline"),
    ("{not json", "not valid JSON"),
    ('{"usages": []}', "not an idmigrate baseline"),
    ('{"idmigrate_baseline": 1, "usages": [{"path": 1}]}', "usages[0] needs the string fields"),
])
def test_a_bad_baseline_is_one_line_and_exit_2(repo, tmp_path, content, message):
    path = tmp_path / "bad.json"
    if content is not None:
        path.write_text(content)
    result = check(repo, path)
    assert result.exit_code == 2 and message in result.stderr and len(result.stderr.splitlines()) == 1


def test_conflicting_options_are_bad_usage(repo, tmp_path):
    both = cli("verify", str(repo), "--baseline", "a.json", "--write-baseline", "b.json")
    assert both.exit_code == 2 and "not both" in both.stderr
    growth = cli("verify", str(repo), "--allow-growth")
    assert growth.exit_code == 2 and "--allow-growth" in growth.stderr
