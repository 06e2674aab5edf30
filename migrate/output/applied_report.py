"""``idmigrate report --applied``: the sites ``run`` committed and ``apply`` wrote, as Markdown or JSON."""

from __future__ import annotations

import json
from collections import Counter

from migrate.output.report import _md
from migrate.run.applied import AppliedLog

#: What a format site's rewrite does to the ID, for an exact one.
SAME_TEXT = "none (same meaning)"


def _code(text: str) -> str:
    return f"`{_md(text)}`" if text else "-"


def _totals(log: AppliedLog) -> dict[str, int]:
    counts = Counter(s["class"] for g in log.groups for s in g.sites)
    return {"exact": counts["exact"], "format": counts["format"], "all": sum(counts.values())}


def render_applied(log: AppliedLog, fmt: str) -> str:
    if fmt == "json":
        return json.dumps({"recipe_set": log.recipe_set, "totals": _totals(log),
                           "applied": [g.to_json() for g in log.groups], "notes": log.notes}, indent=2) + "\n"
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
                change = s["reason"] if s["class"] == "format" else SAME_TEXT
                out.append(f"| {s['line']}:{s['column']} | {s['class']} | {s['code']} | `{_md(s['member'])}` | "
                           f"{_code(s['before'])} | {_code(s['after'])} | {_md(change)} |")
            out.append("")
    out += [f"- {_md(note)}" for note in log.notes]
    return "\n".join(out).rstrip() + "\n"
