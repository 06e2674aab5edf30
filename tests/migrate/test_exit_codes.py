"""The exit-code table of README.md, verb by verb.

0: done, nothing to act on. 1: findings to act on, including a file the tool could
not check (does not parse, cannot be decoded or read, rewrite refused by the guard),
named in the output. 2: the tool could not do its job (bad usage or configuration,
missing ROOT, refused repository, a crashed worker).
"""

from __future__ import annotations

import os
from pathlib import Path

import libcst as cst
import pytest
from typer.testing import CliRunner

from codemods.generator import builders
from migrate.cli import app

runner = CliRunner()
VERBS = ("scan", "diff", "apply", "report", "verify", "status")
CLEAN = "import os\n\nX = os.sep\n"
USAGE = "from shared.id_generation import UnifiedIdGenerator\n\nX = UnifiedIdGenerator.generate_base_id('user')\n"
UUID_USAGE = "import uuid\n\nrequest_id = f'req_{uuid.uuid4().hex}'\n"


def cli(verb: str, root: Path, *extra: str):
    args = [verb, str(root), *extra]
    return runner.invoke(app, args + (["--no-cache", "-j", "1"]))


def tree(root: Path, files: dict[str, str | bytes]) -> Path:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode() if isinstance(content, str) else content)
    return root


def named(result, rel: str) -> bool:
    return rel in result.stdout or rel in result.stderr


@pytest.mark.parametrize("verb", VERBS)
def test_0_when_there_is_nothing_to_act_on(tmp_path, verb):
    root = tree(tmp_path, {"svc/clean.py": CLEAN})
    assert cli(verb, root).exit_code == 0


@pytest.mark.parametrize("verb, code", [("scan", 0), ("diff", 0), ("apply", 0), ("report", 0), ("verify", 1),
                                        ("status", 0)])
def test_usages_are_findings_only_for_the_gate(tmp_path, verb, code):
    root = tree(tmp_path, {"svc/ids.py": USAGE})
    assert cli(verb, root).exit_code == code


UNCHECKABLE = {
    "does not parse": ({"svc/bad.py": USAGE + "print 'python 2'\n"}, (), "skipped: svc/bad.py: does not parse"),
    "newer syntax, uuid recipe": ({"svc/bad.py": UUID_USAGE + "type Alias = int\n"}, ("--recipe", "adhoc-ids"),
                                  "skipped: svc/bad.py: does not parse"),
    "cannot be decoded": ({"svc/bad.py": USAGE.encode() + b"# caf\xe9\n"}, (), "skipped: svc/bad.py: cannot decode"),
}


@pytest.mark.parametrize("verb", VERBS)
@pytest.mark.parametrize("kind", sorted(UNCHECKABLE))
def test_a_file_that_cannot_be_checked_is_a_finding_named_in_the_output(tmp_path, verb, kind):
    files, extra, message = UNCHECKABLE[kind]
    root = tree(tmp_path, {**files, "svc/ok.py": CLEAN})
    result = cli(verb, root, *extra)
    assert result.exit_code == 1, result.output
    assert message in result.stdout + result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("verb", VERBS)
def test_an_unreadable_file_is_a_finding(tmp_path, verb):
    root = tree(tmp_path, {"svc/ok.py": CLEAN})
    os.mkfifo(root / "svc" / "pipe.py")  # readable by no one without blocking, even root
    result = cli(verb, root)
    assert result.exit_code == 1, result.output
    assert named(result, "unreadable: svc/pipe.py: not a regular file")


@pytest.mark.parametrize("verb", ["scan", "diff", "apply", "report"])
def test_a_rewrite_the_guard_refused_is_a_finding(tmp_path, verb, monkeypatch):
    real = builders.manager_generate_id
    monkeypatch.setattr(builders, "manager_generate_id",
                        lambda *a, **k: cst.Call(cst.Name("undefined_helper_xyz"), [cst.Arg(real(*a, **k))]))
    root = tree(tmp_path, {"svc/ids.py": USAGE})
    result = cli(verb, root)
    assert result.exit_code == 1
    assert named(result, "failed: svc/ids.py: rewrite would introduce undefined name(s): undefined_helper_xyz")
    assert (root / "svc" / "ids.py").read_text() == USAGE


@pytest.mark.parametrize("verb", VERBS)
def test_2_when_the_tool_cannot_do_its_job(tmp_path, verb):
    missing = cli(verb, tmp_path / "missing")
    assert missing.exit_code == 2 and "no such directory" in missing.stderr
    root = tree(tmp_path / "repo", {"svc/ids.py": USAGE, "pyproject.toml": "[tool.idmigrate\n"})
    bad_config = cli(verb, root)
    assert bad_config.exit_code == 2 and bad_config.stderr.startswith("error:")
    (root / "pyproject.toml").unlink()
    unknown = cli(verb, root, "--service", "nope")
    assert unknown.exit_code == 2 and "unknown service 'nope'" in unknown.stderr


def test_run_refuses_what_is_not_a_git_repository_with_2(tmp_path):
    root = tree(tmp_path, {"svc/ids.py": USAGE})
    result = runner.invoke(app, ["run", str(root), "--no-tests", "-j", "1"])
    assert result.exit_code == 2 and "not a git repository" in result.stderr


@pytest.mark.parametrize("diff", [(), ("--diff",)])
def test_expose_and_shim_give_0_when_done_and_2_when_they_cannot(example_copy: Path, tmp_path, diff):
    shim_first = runner.invoke(app, ["shim", str(example_copy), *diff])
    assert shim_first.exit_code == 2 and "idmigrate expose" in shim_first.stderr  # needs expose first
    assert runner.invoke(app, ["expose", str(example_copy), *diff]).exit_code == 0  # a patch is not a finding
    assert runner.invoke(app, ["expose", str(tmp_path / "missing"), *diff]).exit_code == 2
