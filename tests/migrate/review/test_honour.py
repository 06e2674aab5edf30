"""Every verb honours idmigrate-decisions.toml: reject keeps a site, type rewrites it, accept marks it reviewed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from migrate.cli import app
from migrate.review.store import FILE_NAME, ReviewDecision, render_decisions
from tests.conftest import git

runner = CliRunner()
SOURCE = '''from shared.id_generation import UnifiedIdGenerator


def make(prefix):
    a = UnifiedIdGenerator.generate_base_id(prefix)
    b = UnifiedIdGenerator.generate_base_id("user")
    c = UnifiedIdGenerator.generate_base_id("zzz")
    return a, b, c
'''
MOD = "svc/mod.py"


def cli(*args: str):
    return runner.invoke(app, [*args, "--no-cache", "-j", "1"])


def items(root: Path) -> dict[str, dict]:
    """The review items of ``report --format json`` by the call they are about."""
    result = cli("report", str(root), "--format", "json")
    assert result.exit_code == 0, result.output
    return {i["before"]: i for i in json.loads(result.stdout)["review"]}


def call(text: str) -> str:
    return f"UnifiedIdGenerator.generate_base_id({text})"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "svc").mkdir()
    (tmp_path / MOD).write_text(SOURCE, encoding="utf-8")
    return tmp_path


def decide(root: Path, *decisions: ReviewDecision) -> None:
    (root / FILE_NAME).write_text(render_decisions(decisions), encoding="utf-8")


def the_three(root: Path) -> None:
    """a (computed prefix, manual) typed as request, b (exact) rejected, c (fallback type, format) accepted."""
    found = items(root)
    decide(root, ReviewDecision(found[call("prefix")]["fingerprint"], "type", "request", "per request"),
           ReviewDecision(found[call('"zzz"')]["fingerprint"], "accept"))
    # an exact site is not a review item: its fingerprint comes from SARIF, which lists every usage
    sarif = json.loads(cli("report", str(root), "--format", "sarif").stdout)
    exact = [r for r in sarif["runs"][0]["results"] if r["locations"][0]["physicalLocation"]["region"]["startLine"] == 6]
    (root / FILE_NAME).write_text(
        (root / FILE_NAME).read_text() + render_decisions(
            [ReviewDecision(exact[0]["partialFingerprints"]["idmigrateSite/v1"], "reject")]).split("\n", 2)[2],
        encoding="utf-8")


def test_apply_and_diff_honour_each_action(repo):
    the_three(repo)
    diff = cli("diff", str(repo))
    assert diff.exit_code == 0, diff.output
    assert "generate_id(IDType.REQUEST, prefix=prefix)" in diff.stdout
    assert '-    b = UnifiedIdGenerator.generate_base_id("user")' not in diff.stdout
    assert cli("apply", str(repo)).exit_code == 0
    text = (repo / MOD).read_text()
    assert "a = get_id_manager().generate_id(IDType.REQUEST, prefix=prefix)" in text
    assert 'b = UnifiedIdGenerator.generate_base_id("user")' in text  # rejected: never rewritten
    assert 'c = get_id_manager().generate_id(IDType.EXECUTION, prefix="zzz")' in text
    assert "from shared.id_generation import UnifiedIdGenerator" in text  # still used by b


def test_report_and_status_show_what_is_decided(repo):
    the_three(repo)
    found = items(repo)
    assert found[call('"user"')]["review"] == "rejected in review"
    assert found[call('"user"')]["code"] == "IDM093"
    assert found[call("prefix")]["review"] == "typed in review"
    assert found[call("prefix")]["review_note"] == "per request"
    assert found[call('"zzz"')]["review"] == "accepted in review"
    md = cli("report", str(repo)).stdout
    assert "accepted in review" in md and "per request" in md
    status = json.loads(cli("status", str(repo), "--json").stdout)
    row = next(r for r in status["services"] if r["service"] == "svc")
    assert row["review"] == {"reviewed": 3, "pending": 0}
    (repo / FILE_NAME).unlink()
    status = json.loads(cli("status", str(repo), "--json").stdout)
    assert next(r for r in status["services"] if r["service"] == "svc")["review"] == {"reviewed": 0, "pending": 2}


def test_decisions_follow_their_site_when_lines_shift(repo):
    the_three(repo)
    shifted = SOURCE.replace("\n\ndef make", "\nimport os\n\nX = os.sep  # edited elsewhere\n\n\ndef make")
    (repo / MOD).write_text(shifted, encoding="utf-8")
    found = items(repo)
    assert found[call('"user"')]["line"] == 10
    assert found[call('"user"')]["review"] == "rejected in review"
    assert found[call("prefix")]["review"] == "typed in review"
    assert "stale" not in cli("report", str(repo)).stderr


def test_stale_decisions_are_reported_and_pruned(repo):
    the_three(repo)
    gone = ReviewDecision("0123456789abcdef0123:0", "accept")
    (repo / FILE_NAME).write_text((repo / FILE_NAME).read_text() + "\n[[decision]]\n"
                                  f'fingerprint = "{gone.fingerprint}"\naction = "accept"\n')
    result = cli("report", str(repo))
    assert f"stale decision: {gone.fingerprint}" in result.stderr
    assert "stale_decisions" in cli("report", str(repo), "--format", "json").stdout
    scoped = cli("report", str(repo), "--service", "svc", "--prune-decisions")
    assert scoped.exit_code == 2 and gone.fingerprint in (repo / FILE_NAME).read_text()
    pruned = cli("report", str(repo), "--prune-decisions")
    assert "pruned 1 stale decision" in pruned.stderr and "decisions" not in pruned.stderr.split("pruned", 1)[1]
    text = (repo / FILE_NAME).read_text()
    assert gone.fingerprint not in text and text.count("\n[[decision]]\n") == 3


@pytest.mark.parametrize("verb", ["scan", "diff", "apply", "report", "verify", "status"])
def test_a_malformed_decision_stops_every_verb(repo, verb):
    bad = '[[decision]]\nfingerprint = "0123456789abcdef0123:0"\naction = "perhaps"\n'
    (repo / FILE_NAME).write_text(bad, encoding="utf-8")
    result = cli(verb, str(repo))
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"error: {FILE_NAME}: decision #1 (0123456789abcdef0123:0): action 'perhaps' must be one of accept, reject, type"
    ]
    assert (repo / MOD).read_text() == SOURCE and (repo / FILE_NAME).read_text() == bad


def test_run_commit_lists_the_decisions_applied(repo):
    git(repo, "init", "-q", "-b", "main")
    the_three(repo)
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "start")
    result = runner.invoke(app, ["run", str(repo), "--no-tests", "-j", "1"])
    assert result.exit_code == 0, result.output
    message = git(repo, "log", "-1", "--format=%B", "idmigrate/svc")
    assert "Review decisions applied (3, from idmigrate-decisions.toml):" in message
    assert "svc/mod.py: type request" in message and "(per request)" in message
    assert "svc/mod.py: reject" in message
