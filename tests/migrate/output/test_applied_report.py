"""How `report --applied` words each applied site: the start of the ID text before and after."""

from __future__ import annotations

import json

import pytest

from migrate.output.applied_report import SAME_TEXT, id_text_change, render_applied
from migrate.run.applied import AppliedGroup, AppliedLog


def site(before: str, after: str, cls: str = "format", reason: str = "the rule's reason") -> dict:
    return {"path": "svc/a.py", "line": 3, "column": 4, "class": cls, "code": "IDM002", "member": "generate_base_id",
            "reason": reason, "before": before, "after": after}


@pytest.mark.parametrize("before, after, change", [
    ('UnifiedIdGenerator.generate_base_id("span")', "get_id_manager().generate_id(IDType.TRACE)",
     "`span_…` becomes `trace_…`"),
    ('UnifiedIdGenerator.generate_base_id("event")', 'get_id_manager().generate_id(IDType.EXECUTION, prefix="event")',
     "`event_…` becomes `event_execution_…`"),
    ('UnifiedIdGenerator.generate_batch_ids(f"job_{kind}", 3)',
     '[get_id_manager().generate_id(IDType.EXECUTION, prefix=f"job_{kind}") for _ in range(3)]',
     "`job_{kind}_…` becomes `job_{kind}_execution_…`"),
    ('f"rec_{uuid.uuid4().hex[:8]}"', 'get_id_manager().generate_id(IDType.EXECUTION, prefix="rec")',
     "the rule's reason; now `rec_execution_…`"),
    ("UnifiedIdGenerator.generate_user_context_ids(user_id)",  # several IDs: the reason says what happens
     "thread_id = get_id_manager().generate_id(IDType.THREAD)\nrun_id = UnifiedIDManager.generate_run_id(thread_id)\n"
     "request_id = get_id_manager().generate_id(IDType.REQUEST)", "the rule's reason"),
    ("UnifiedIdGenerator.reset_global_counter()", "get_id_manager().reset_counters()", "the rule's reason"),
])
def test_a_format_site_says_how_its_id_text_changes(before, after, change):
    assert id_text_change(site(before, after)) == change


def test_an_exact_site_keeps_its_text():
    assert id_text_change(site('UnifiedIdGenerator.generate_base_id("trace")',
                               "get_id_manager().generate_id(IDType.TRACE)", cls="exact")) == SAME_TEXT


def test_markdown_and_json_of_a_log():
    group = AppliedGroup("svc", "run", "commit 1234567890 on idmigrate/svc (base abcdef0123), not merged yet",
                         [site('UnifiedIdGenerator.generate_base_id("span")', "get_id_manager().generate_id(IDType.TRACE)"),
                          site("", "x", cls="exact")], commit="1234567890" + "0" * 30)
    md = render_applied(AppliedLog("generator", [group], ["a note"]), "md")
    assert "2 sites applied: 1 exact (same meaning), 1 format" in md
    assert "## svc: commit 1234567890 on idmigrate/svc" in md and "`git show 1234567890` shows the change." in md
    assert "| 3:4 | format | IDM002 | `generate_base_id` | `UnifiedIdGenerator.generate_base_id(\"span\")` |" in md
    assert "| - | `x` | none (same meaning) |" in md and md.rstrip().endswith("- a note")
    data = json.loads(render_applied(AppliedLog("generator", [group]), "json"))
    assert data["totals"] == {"exact": 1, "format": 1, "all": 2}
    assert data["applied"][0]["sites"][0]["id_text_change"] == "`span_…` becomes `trace_…`"
    empty = render_applied(AppliedLog("adhoc-ids"), "md")
    assert "Nothing applied yet" in empty and "adhoc-ids recipe" in empty
