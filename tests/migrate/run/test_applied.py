"""`report --applied`: what `run` committed and `apply` wrote, still listed once merged."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.migrate.run.run_support import cli
from tests.reliability.reliability_support import git

SCRIPT = Path(sys.executable).parent / "idmigrate"


def applied(root: Path, *args: str) -> dict:
    out = cli("report", str(root), "--applied", "--json", *args)
    assert out.exit_code == 0, out.output
    return json.loads(out.stdout)


def left(root: Path, service: str) -> list[tuple[str, int, str, str]]:
    """(path, line, rule, class) of the service's exact and format sites still in the checkout."""
    data = json.loads(cli("report", str(root), "--json", "-j", "1", "--service", service, "--no-cache").stdout)
    return sorted((r["path"], r["line"], r["code"], r["safety"]) for r in data["review"] if r["safety"] != "manual")


def sites(data: dict) -> list[tuple[str, int, str, str]]:
    return sorted((s["path"], s["line"], s["code"], s["class"]) for g in data["applied"] for s in g["sites"])


def test_a_run_batch_is_listed_before_and_after_its_merge(small_repo: Path):
    root = small_repo
    before = left(root, "auth_service")
    assert {c for *_rest, c in before} == {"exact", "format"}
    assert applied(root)["applied"] == []
    assert cli("run", str(root), "--service", "auth_service", "--no-tests", "-j", "1").exit_code == 0
    commit = git(root, "rev-parse", "idmigrate/auth_service").strip()

    data = applied(root)
    assert sites(data) == before
    (group,) = data["applied"]
    assert (group["source"], group["commit"], group["branch"]) == ("run", commit, "idmigrate/auth_service")
    assert group["where"].endswith("not merged yet")
    message = git(root, "log", "-1", "--format=%B", commit)
    assert f"({data['totals']['exact']} exact, {data['totals']['format']} format)" in message

    md = cli("report", str(root), "--applied").stdout
    assert f"## auth_service: commit {commit[:10]} on idmigrate/auth_service" in md
    fmt = next(s for s in group["sites"] if s["class"] == "format")
    exact = next(s for s in group["sites"] if s["class"] == "exact")
    assert f"| {fmt['line']}:{fmt['column']} | format | {fmt['code']} |" in md and fmt["id_text_change"] in md
    exact_row = next(ln for ln in md.splitlines() if ln.startswith(f"| {exact['line']}:{exact['column']} | exact"))
    assert exact_row.endswith("| none (same meaning) |")

    git(root, "merge", "-q", "--no-edit", "idmigrate/auth_service")
    assert cli("run", str(root), "--service", "auth_service", "--no-tests", "-j", "1").exit_code == 0
    assert left(root, "auth_service") == []  # `report` no longer sees them ...
    merged = applied(root)  # ... `report --applied` still lists them
    assert sites(merged) == before and merged["applied"][0]["where"].endswith("merged into HEAD")
    only_format = applied(root, "--class", "format")
    assert {s[3] for s in sites(only_format)} == {"format"}


def test_a_batch_commit_applied_nowhere_is_left_out_with_a_note(small_repo: Path):
    root = small_repo
    assert cli("run", str(root), "--service", "scripts", "--no-tests", "-j", "1").exit_code == 0
    assert sites(applied(root))
    git(root, "branch", "-D", "idmigrate/scripts")  # deleted unmerged: the sites are applied nowhere
    out = cli("report", str(root), "--applied", "--json")
    assert json.loads(out.stdout)["applied"] == []
    assert "1 earlier batch commit left out" in out.stderr


def test_apply_is_listed_per_recipe_and_through_the_installed_script(small_repo: Path):
    root = small_repo
    before = left(root, "scripts")
    assert cli("apply", str(root), "--service", "scripts", "-j", "1").exit_code == 0
    assert cli("apply", str(root), "--service", "scripts", "-j", "1").exit_code == 0  # nothing new: kept as it was
    out = subprocess.run([str(SCRIPT), "report", "--applied", "--json"], cwd=root / "scripts", capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert sites(data) == before
    assert {g["source"] for g in data["applied"]} == {"apply"}
    assert applied(root, "--recipe", "adhoc-ids")["applied"] == []  # another recipe set applied nothing

    changed = sorted({p for p, *_ in before})[0]
    with open(root / changed, "a", encoding="utf-8") as fh:
        fh.write("# edited after apply\n")
    (group,) = applied(root)["applied"]
    assert f"changed since: {changed}" in group["where"]
    assert sites(applied(root, "--path", str(root / changed))) == [s for s in before if s[0] == changed]


def test_applied_refusals_are_one_line(small_repo: Path, tmp_path: Path):
    plain = tmp_path / "plain"
    plain.mkdir()
    for args, message in [
        ((str(small_repo), "-f", "sarif"), "as md or json"),
        ((str(small_repo), "--class", "manual"), "manual sites are never applied"),
        ((str(small_repo), "--prune-decisions"), "--prune-decisions does not apply to --applied"),
        ((str(small_repo), "--recipe", "nope"), "unknown recipe 'nope'"),
        ((str(plain),), "not a git repository"),
    ]:
        out = cli("report", "--applied", *args)
        assert out.exit_code == 2, (args, out.output)
        assert out.stderr.startswith("error: ") and message in out.stderr and len(out.stderr.splitlines()) == 1
