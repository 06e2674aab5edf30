"""The bundled example monorepo's uuid sites: every one is marked with ``# expect[<recipe>]: class``,
the example's tests pass after both recipes, and no value that leaves the process or is a secret
receives a manager ID (checked by running the example, not by the analysis that decides)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from migrate.workspace.apply import write_changes
from migrate.workspace.config import load_config
from migrate.compat.expose import expose_manager
from migrate.workspace.pipeline import build_plan
from tests.conftest import undefined_names

# --------------------------------------------------------------------------- the example monorepo
MARKER = re.compile(r"#\s*expect\[(adhoc-ids|test-ids)\]:\s*([a-z, ]+)")
RECIPES = ("generator", "adhoc-ids", "test-ids")


def expected_markers(root: Path) -> dict[tuple[str, str, int], Counter]:
    out: dict[tuple[str, str, int], Counter] = {}
    for path in sorted(root.rglob("*.py")):
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for match in MARKER.finditer(line):
                classes = [c.strip() for c in match.group(2).split(",") if c.strip()]
                out[(path.relative_to(root).as_posix(), match.group(1), lineno)] = Counter(classes)
    return out


def found_markers(plan) -> dict[tuple[str, str, int], Counter]:
    out: dict[tuple[str, str, int], Counter] = {}
    for outcome in plan.outcomes:
        for f in outcome.result.findings:
            if f.recipe in ("adhoc-ids", "test-ids"):
                out.setdefault((outcome.path, f.recipe, f.line), Counter())[f.safety.label] += 1
    return out


@pytest.fixture
def exposed(example_copy: Path) -> Path:
    expose_manager(example_copy, load_config(example_copy))
    return example_copy


def test_example_marks_every_uuid_site(exposed: Path):
    plan = build_plan(exposed, load_config(exposed), workers=1, use_cache=False, recipes=RECIPES)
    expected = expected_markers(exposed)
    assert {recipe for _, recipe, _ in expected} == {"adhoc-ids", "test-ids"}
    assert found_markers(plan) == expected


def test_example_after_all_recipes_is_sound_and_its_tests_pass(exposed: Path):
    config = load_config(exposed)
    before = {p: p.read_bytes() for p in exposed.rglob("*.py")}
    written, not_written = write_changes(build_plan(exposed, config, workers=1, use_cache=False, recipes=RECIPES))
    assert not not_written
    for rel in ("netra_backend/app/services/alerting.py", "netra_backend/app/services/billing/ledger.py",
                "tests/test_adhoc_ids_usage.py"):
        assert rel in written
        new = (exposed / rel).read_bytes()
        assert undefined_names(new) <= undefined_names(before[exposed / rel]), rel
        assert b"get_id_manager().generate_id(IDType." in new
    again = build_plan(exposed, config, workers=1, use_cache=False, recipes=RECIPES)
    assert again.changed == []
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=exposed, capture_output=True, text=True, timeout=300,
        env={"PYTHONDONTWRITEBYTECODE": "1", "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]


def test_every_remaining_example_uuid_site_says_why(exposed: Path):
    plan = build_plan(exposed, load_config(exposed), workers=1, use_cache=False, recipes=RECIPES)
    manual = [f for o in plan.outcomes for f in o.result.findings
              if f.recipe in ("adhoc-ids", "test-ids") and not f.applied]
    assert len(manual) >= 30
    for finding in manual:
        assert finding.reason and finding.suggestion, finding
    flows = [f for f in manual if f.code in ("IDM115", "IDM116", "IDM117", "IDM122", "IDM216", "IDM217", "IDM221")]
    assert flows and all(re.search(r" at L\d+$", f.reason) for f in flows), [f.reason for f in flows]


# ------------------------------------------------------------ the property: sinks and secrets keep their UUIDs
#: Written next to the example (not inside it) and loaded with ``-p``: at the end of the example's test
#: run it saves every value its in-memory stand-ins were sent (``shared.infra.SENT``).
_AUDIT = """
import json, os

def pytest_sessionfinish(session, exitstatus):
    from shared.infra import SENT
    with open(os.environ["IDMIGRATE_SENT"], "w", encoding="utf-8") as handle:
        json.dump(SENT, handle)
"""
_MANAGER_ID = re.compile(r"(?:user|session|request|agent|tool|transaction|websocket|execution|trace|metric|thread)"
                         r"_\d+_[0-9a-f]{8}|run_\S+_\d{5}_[0-9a-f]{8}")
_UUID_TEXT = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _sent_by_example_tests(root: Path, tmp: Path) -> list[tuple[str, str]]:
    plugin = tmp / "audit_plugin"
    plugin.mkdir(parents=True)
    (plugin / "idmigrate_sent_audit.py").write_text(_AUDIT, encoding="utf-8")
    out = tmp / "sent.json"
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "idmigrate_sent_audit"],
        cwd=root, capture_output=True, text=True, timeout=300,
        env={"PYTHONDONTWRITEBYTECODE": "1", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(plugin),
             "IDMIGRATE_SENT": str(out)},
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    return [(channel, json.dumps(value, sort_keys=True)) for channel, value in json.loads(out.read_text())]


def _shape(text: str) -> str:
    """A sent value with its random parts blanked: UUIDs, hex runs, numbers."""
    text = _UUID_TEXT.sub("<uuid>", text)
    text = re.sub(r"[0-9a-f]{6,}", "<hex>", text)
    return re.sub(r"\d+", "<n>", text)


def test_values_that_leave_the_process_or_are_secrets_never_become_manager_ids(exposed: Path, tmp_path: Path):
    """Apply both recipes to the example and run its tests before and after, recording every value
    its stand-ins for Redis, the bus, the gateway, HTTP, JWT signing, the router and the database
    receive: after the rewrite none is a manager ID, and each has the shape it had before."""
    before = _sent_by_example_tests(exposed, tmp_path / "before")
    config = load_config(exposed)
    write_changes(build_plan(exposed, config, workers=1, use_cache=False, recipes=RECIPES))
    after = _sent_by_example_tests(exposed, tmp_path / "after")
    channels = {channel.split(":")[0] for channel, _ in after}
    assert {"redis", "bus", "gateway", "http", "jwt", "response", "db"} <= channels
    assert not [value for _, value in after if _MANAGER_ID.search(value)]
    assert sorted((c, _shape(v)) for c, v in after) == sorted((c, _shape(v)) for c, v in before)
    assert any(_UUID_TEXT.search(v) for c, v in after if c == "jwt")  # the jti
    assert any("session:" in v and _UUID_TEXT.search(v) for c, v in after if c == "redis")

