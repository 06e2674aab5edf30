"""The bundled example monorepo end to end: every marked site gets its class, the result is sound."""

from __future__ import annotations

import ast
import importlib
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

MARKER = re.compile(r"#\s*expect:\s*([a-z, ]+)")


def expected_classes(root: Path) -> dict[str, Counter]:
    """path -> Counter of safety classes from the ``# expect:`` markers the example carries."""
    out: dict[str, Counter] = {}
    for path in sorted(root.rglob("*.py")):
        counter: Counter = Counter()
        for match in MARKER.finditer(path.read_text(encoding="utf-8")):
            counter.update(c.strip() for c in match.group(1).split(",") if c.strip())
        if counter:
            out[path.relative_to(root).as_posix()] = counter
    return out


def found_classes(plan) -> dict[str, Counter]:
    return {
        o.path: Counter(f.safety.label for f in o.result.findings)
        for o in plan.outcomes
        if o.result.findings
    }


@pytest.fixture
def exposed(example_copy: Path) -> Path:
    expose_manager(example_copy, load_config(example_copy))
    return example_copy


def test_every_marked_site_gets_its_safety_class(exposed: Path):
    plan = build_plan(exposed, load_config(exposed), workers=1, use_cache=False)
    assert found_classes(plan) == expected_classes(exposed)


def test_before_expose_isolated_services_are_refused_not_rewritten(example_copy: Path):
    plan = build_plan(example_copy, load_config(example_copy), workers=1, use_cache=False)
    for outcome in plan.outcomes:
        if outcome.service in ("auth_service", "analytics_service", "shared"):
            assert outcome.result.status == "unchanged"
            assert {f.safety.label for f in outcome.result.findings} == {"manual"}
    refused = [f for o in plan.outcomes for f in o.result.findings if f.code == "IDM090"]
    assert refused and all("must not import netra_backend" in f.reason for f in refused)


def test_apply_is_sound_and_idempotent(exposed: Path):
    config = load_config(exposed)
    before = {p: p.read_bytes() for p in exposed.rglob("*.py")}
    plan = build_plan(exposed, config, workers=1, use_cache=False)
    written, not_written = write_changes(plan)
    assert written and not not_written
    for rel in written:
        new = (exposed / rel).read_bytes()
        ast.parse(new)
        assert undefined_names(new) <= undefined_names(before[exposed / rel]), rel
        if rel.startswith(("auth_service/", "analytics_service/", "shared/")):
            assert b"netra_backend" not in new, f"{rel} now imports another service"
    # Untouched files are byte-identical.
    for path, data in before.items():
        if path.relative_to(exposed).as_posix() not in written:
            assert path.read_bytes() == data
    again = build_plan(exposed, config, workers=1, use_cache=False)
    assert again.changed == []
    assert {f.safety.label for o in again.outcomes for f in o.result.findings} == {"manual"}


def test_example_tests_pass_after_migration(exposed: Path):
    write_changes(build_plan(exposed, load_config(exposed), workers=1, use_cache=False))
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=exposed, capture_output=True, text=True, timeout=300,
        env={"PYTHONDONTWRITEBYTECODE": "1", "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]


def test_thread_run_relation_holds_at_runtime(exposed: Path, monkeypatch):
    """The reason for the migration (MIGRATION.md, thread and run IDs): extract_thread_id(run_id) == thread_id."""
    write_changes(build_plan(exposed, load_config(exposed), workers=1, use_cache=False))
    monkeypatch.syspath_prepend(str(exposed))
    for name in [m for m in sys.modules if m.split(".")[0] in ("netra_backend", "shared", "test_framework")]:
        monkeypatch.delitem(sys.modules, name)
    manager = importlib.import_module("netra_backend.app.core.unified_id_manager").UnifiedIDManager
    supervisor = importlib.import_module("netra_backend.app.agents.supervisor").SupervisorAgent()
    base_agent = importlib.import_module("netra_backend.app.agents.base_agent")
    request_context = importlib.import_module("netra_backend.app.services.request_context")

    handles = [
        supervisor.start_run("user-42"),  # thread base ID then run base ID (IDM008)
        supervisor.start_supervised_run("user-42"),  # tuple with a placeholder
        *supervisor.delegate("user-42", ["a", "b"]),  # multi-line parenthesised tuple
        request_context.create_request_context("user-42"),
        base_agent.BaseAgent("user-42"),  # attribute targets
    ]
    for handle in handles:
        assert manager.extract_thread_id(handle.run_id) == handle.thread_id, handle


def test_inventory_plans_agree_with_full_plans(exposed: Path):
    """verify skips generating code (emit=False); its findings and statuses must not differ."""
    config = load_config(exposed)
    full = build_plan(exposed, config, workers=1, use_cache=False)
    inventory = build_plan(exposed, config, workers=1, use_cache=True, emit=False)
    again = build_plan(exposed, config, workers=1, use_cache=True)  # the inventory's cache entries are not reused

    def view(plan):
        return [(o.path, o.result.status, o.result.findings) for o in plan.outcomes]

    assert view(inventory) == view(full) == view(again)
    assert all(o.result.new_source is None for o in inventory.outcomes)
    assert all(o.result.new_source is not None for o in again.changed)
