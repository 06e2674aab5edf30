"""What `idmigrate run` says: pasteable test IDs, no "stopped" when nothing was left, one interrupt line."""

from __future__ import annotations

import io
import shlex
import sys
from pathlib import Path

from migrate.commands import orchestration
from migrate.run import runner
from migrate.run.model import RunOptions
from migrate.run.testrun import TestCommand, parse_junit, run_tests
from migrate.workspace.config import load_config
from tests.migrate.run.run_support import cli, make_repo
from tests.migrate.run.test_runner import OLD_PREFIX_TEST

XUNIT1 = """<?xml version="1.0"?>
<testsuites><testsuite name="pytest">
<testcase classname="svc.tests.test_ids.TestIds" name="test_prefix" file="svc/tests/test_ids.py" line="3">
<failure message="boom"/></testcase>
<testcase classname="svc.tests.test_ids" name="test_plain[a-b]" file="svc/tests/test_ids.py" line="9">
<error message="boom"/></testcase>
<testcase classname="legacy.Case" name="test_old"><failure/></testcase>
<testcase classname="svc.tests.test_ids" name="test_ok" file="svc/tests/test_ids.py" line="12"/>
</testsuite></testsuites>
"""


def test_failing_tests_are_named_as_pytest_node_ids(tmp_path: Path):
    xml = tmp_path / "junit.xml"
    xml.write_text(XUNIT1)
    passed, failed, skipped, failing, _error = parse_junit(xml)
    assert (passed, failed, skipped) == (1, 3, 0)
    assert failing == [
        "legacy.Case::test_old",  # no file attribute: as the XML has it
        "svc/tests/test_ids.py::TestIds::test_prefix",
        "svc/tests/test_ids.py::test_plain[a-b]",
    ]


def test_no_stopped_line_when_the_red_batch_was_the_last(git_env, tmp_path: Path):
    root = make_repo(tmp_path / "repo", files={"auth_service/tests/test_old_prefix.py": OLD_PREFIX_TEST})
    out = cli("run", str(root), "--service", "auth_service", "-j", "1")
    assert out.exit_code == 1, out.output
    assert "auth_service/tests/test_old_prefix.py::test_csrf_token_keeps_the_sess_prefix" in out.stdout
    assert "stopped after" not in out.stdout and "--keep-going" not in out.stdout


def test_an_interrupt_is_reported_once_with_the_root_to_resume(git_env, tmp_path: Path, monkeypatch):
    root = make_repo(tmp_path / "my repo")

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(runner, "run_batch", interrupted)
    log = io.StringIO()
    code = orchestration.run(root, load_config(root), RunOptions(services=["scripts"], no_tests=True, jobs=1),
                             False, out=io.StringIO(), log=log)
    assert code == 130
    assert log.getvalue().count("interrupted") == 1, log.getvalue()
    assert f"idmigrate run {shlex.quote(str(root))} --resume" in log.getvalue()


def test_node_ids_come_from_a_real_pytest_run(tmp_path: Path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "test_x.py").write_text("class TestA:\n    def test_fails(self):\n        assert False\n")
    run = run_tests(TestCommand((sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "pkg")), tmp_path)
    assert run.failing == ["pkg/test_x.py::TestA::test_fails"]


def test_folders_without_usages_are_rows_only_with_verbose():
    from migrate.gitops import HeadState
    from migrate.output.run_tables import render_summary
    from migrate.run.model import BatchResult, RunResult

    result = RunResult(Path("/r"), "a" * 40, "idmigrate/", HeadState("main", "b" * 40))
    result.batches = [
        BatchResult("svc", "idmigrate/svc", "committed", 2, {"exact": 3, "format": 0, "manual": 0},
                    commit="c" * 40, base="a" * 40),
        BatchResult("docs", "", "nothing", base="a" * 40),
        BatchResult("tools", "", "nothing", base="a" * 40),
        BatchResult("left", "", "nothing", sites={"exact": 0, "format": 0, "manual": 2}, base="a" * 40),
    ]
    quiet = render_summary(result)
    rows = [line.split()[0] for line in quiet.split("\n\n")[0].splitlines()[1:]]
    assert rows == ["svc", "left"]
    assert "2 folders without generator usages not shown (-v lists them)" in quiet
    verbose = render_summary(result, verbose=True)
    assert "docs" in verbose and "tools" in verbose and "not shown" not in verbose


def test_the_sites_column_says_how_many_were_applied():
    from migrate.gitops import HeadState
    from migrate.output.run_tables import render_summary
    from migrate.run.model import BatchResult, RunResult

    result = RunResult(Path("/r"), "a" * 40, "idmigrate/", HeadState("main", "b" * 40))
    result.batches = [BatchResult("auth", "idmigrate/auth", "committed", 4, {"exact": 5, "format": 6, "manual": 5},
                                  commit="c" * 40, base="a" * 40)]
    table = render_summary(result).splitlines()
    assert "sites applied/all" in table[0]
    assert table[1].split()[3] == "11/16"  # manual sites are never applied


def test_a_file_that_does_not_parse_is_named_with_its_line(tmp_path: Path):
    from typer.testing import CliRunner

    from migrate.cli import app

    (tmp_path / "svc").mkdir()
    (tmp_path / "svc" / "broken.py").write_text(
        "from shared.id_generation import UnifiedIdGenerator\nx = = UnifiedIdGenerator.generate_base_id('x')\n")
    out = CliRunner().invoke(app, ["scan", str(tmp_path), "-j", "1", "--no-cache"])
    python = "Python {}.{}".format(*sys.version_info)
    assert f"svc/broken.py: does not parse: line 2: invalid syntax ({python})" in out.stdout + out.stderr
    assert "Expected" not in out.stdout + out.stderr
