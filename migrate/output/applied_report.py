"""``idmigrate report --applied``: the sites ``run`` committed and ``apply`` wrote, as Markdown or JSON."""

from __future__ import annotations

import json
import re
from collections import Counter

from migrate.output.report import _md
from migrate.run.applied import AppliedLog

#: What a format site's rewrite does to the ID, for an exact one.
SAME_TEXT = "none (same meaning)"

#: ``generate_base_id("span")`` / ``generate_batch_ids(f"job_{x}", n)``: the ID starts with the prefix.
_GENERATOR_PREFIX = re.compile(r"\.generate_(?:base_id|batch_ids)\(\s*f?(\"|')([^\"'{}]*(?:\{[^}]*\}[^\"'{}]*)*)\1")
#: ``generate_id(IDType.TRACE)`` / ``generate_id(IDType.EXECUTION, prefix="event")``: ``[prefix_]type_...``.
_MANAGER_ID = re.compile(r"generate_id\(\s*IDType\.(\w+)(?:\s*,\s*prefix\s*=\s*f?(\"|')([^\"']*)\2)?")


def id_text_change(site: dict) -> str:
    """How the ID text changes, as far as the code says: the start of the ID before and after
    (the generator writes ``prefix_...``, the manager ``[prefix_]type_counter_uuid8``), else the
    rule's reason."""
    if site["class"] != "format":
        return SAME_TEXT
    calls = _MANAGER_ID.findall(site.get("after", ""))
    after = _MANAGER_ID.search(site.get("after", "")) if len(calls) == 1 else None
    if after is None or "generate_run_id" in site.get("after", ""):  # several IDs, or one the code does not spell
        return site["reason"]
    kind, prefix = after.group(1).lower(), after.group(3)
    now = f"{prefix}_{kind}_…" if prefix else f"{kind}_…"
    before = _GENERATOR_PREFIX.search(site.get("before", ""))
    if before is not None:
        return f"`{before.group(2)}_…` becomes `{now}`"
    return f"{site['reason']}; now `{now}`"


def _code(text: str) -> str:
    return f"`{_md(text)}`" if text else "-"


def _totals(log: AppliedLog) -> dict[str, int]:
    counts = Counter(s["class"] for g in log.groups for s in g.sites)
    return {"exact": counts["exact"], "format": counts["format"], "all": sum(counts.values())}


def render_applied(log: AppliedLog, fmt: str) -> str:
    if fmt == "json":
        groups = [g.to_json() for g in log.groups]
        for group in groups:
            group["sites"] = [{**s, "id_text_change": id_text_change(s)} for s in group["sites"]]
        return json.dumps({"recipe_set": log.recipe_set, "totals": _totals(log), "applied": groups,
                           "notes": log.notes}, indent=2) + "\n"
    t = _totals(log)
    out = [f"# idmigrate: applied sites (recipe {_md(log.recipe_set)})", ""]
    if not log.groups:
        out += [f"Nothing applied yet: no batch of `idmigrate run` and no `idmigrate apply` of the "
                f"{_md(log.recipe_set)} recipe recorded a site here.", ""]
    else:
        out += [f"{t['all']} sites applied: {t['exact']} exact (same meaning), {t['format']} format (the ID text "
                "changes shape: review the code and tests that read it). Lines are those of each file before "
                "the change.", ""]
    for group in log.groups:
        out += [f"## {_md(group.service)}: {_md(group.where)}", ""]
        if group.commit:
            out += [f"`git show {group.commit[:10]}` shows the change.", ""]
        for path in dict.fromkeys(s["path"] for s in group.sites):
            out += [f"### `{_md(path)}`", "", "| line | class | rule | member | was | now | ID text change |",
                    "|---:|---|---|---|---|---|---|"]
            for s in (s for s in group.sites if s["path"] == path):
                out.append(f"| {s['line']}:{s['column']} | {s['class']} | {s['code']} | `{_md(s['member'])}` | "
                           f"{_code(s['before'])} | {_code(s['after'])} | {_md(id_text_change(s))} |")
            out.append("")
    out += [f"- {_md(note)}" for note in log.notes]
    return "\n".join(out).rstrip() + "\n"
