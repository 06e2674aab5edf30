"""The review report (Markdown for a pull request, JSON for tools), snapshot-tested on the example."""

from __future__ import annotations

import json
from pathlib import Path

from migrate.workspace.config import load_config
from migrate.compat.expose import expose_manager
from migrate.workspace.pipeline import build_plan
from migrate.output.report import render_review_json, render_review_md


def example_plan(root: Path):
    expose_manager(root, load_config(root))
    return build_plan(root, load_config(root), workers=1, use_cache=False)


def stable_json(text: str, root: Path) -> str:
    data = json.loads(text)
    data["summary"]["root"] = "<ROOT>"
    return json.dumps(data, indent=2) + "\n"


def test_review_markdown_snapshot(example_copy: Path, snapshot_md):
    assert render_review_md(example_plan(example_copy)) == snapshot_md


def test_review_json_snapshot(example_copy: Path, snapshot_json):
    text = render_review_json(example_plan(example_copy))
    assert stable_json(text, example_copy) == snapshot_json


def test_review_groups_by_service_then_file_and_lists_every_manual_site(example_copy: Path):
    plan = example_plan(example_copy)
    data = json.loads(render_review_json(plan))
    keys = [(item["service"], item["path"]) for item in data["review"]]
    assert keys == sorted(keys)
    manual_sites = sum(1 for o in plan.outcomes for f in o.result.findings if f.safety.label == "manual")
    assert sum(1 for item in data["review"] if item["safety"] == "manual") == manual_sites
    # exact sites are listed too (a reviewer may filter them out)
    exact_sites = sum(1 for o in plan.outcomes for f in o.result.findings if f.safety.label == "exact")
    assert sum(1 for item in data["review"] if item["safety"] == "exact") == exact_sites > 0
    filtered = json.loads(render_review_json(plan, classes=("format", "manual")))
    assert {item["safety"] for item in filtered["review"]} == {"format", "manual"}


def test_production_sites_that_register_ids_are_counted_per_file(example_copy: Path):
    summary = json.loads(render_review_json(example_plan(example_copy)))["summary"]
    registering = summary["registering"]
    assert registering["sites"] == sum(registering["files"].values()) > 0
    assert not any("/tests/" in p or p.startswith("tests/") for p in registering["files"])
    assert "netra_backend/app/agents/base_agent.py" in registering["files"]


def test_markdown_neutralises_control_characters(tmp_path: Path):
    (tmp_path / "svc").mkdir()
    (tmp_path / "svc" / "evil.py").write_text(
        "from shared.id_generation import UnifiedIdGenerator\n"
        "x = UnifiedIdGenerator.generate_base_id(prefix_var)  # \x1b[2J hidden\n"
    )
    (tmp_path / "svc" / "e\x1b[31mvil2.py").write_text(
        "from shared.id_generation import UnifiedIdGenerator\nx = UnifiedIdGenerator.parse_id(s)\n"
    )
    plan = build_plan(tmp_path, load_config(tmp_path), workers=1, use_cache=False)
    text = render_review_md(plan)
    assert "\x1b" not in text
    assert "\\x1b" in text
