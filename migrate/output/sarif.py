"""``report --format sarif``: every remaining usage as a SARIF 2.1.0 result (code scanning, IDEs).

Levels follow the safety class: ``manual`` is a ``warning`` (a human must rewrite
it), ``format`` and ``exact`` are ``note``s (``idmigrate apply`` rewrites them; they
are still usages of the retired API, so they are shown, not hidden as ``none``).
Files the tool could not check are tool execution notifications (level ``error``).
Columns count Unicode code points (``columnKind``), as the findings do.
"""

from __future__ import annotations

import json
import shlex
from bisect import bisect_right
from importlib import metadata
from urllib.parse import quote

from codemods.docs import all_rules
from migrate import __version__
from migrate.gate.fingerprint import decode_source, source_lines
from migrate.gate.sites import Site, plan_sites
from migrate.workspace.pipeline import Plan

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"manual": "warning", "format": "note", "exact": "note"}
ROOT_ID = "ROOT"
FINGERPRINT_KEY = "idmigrateSite/v1"
_FALLBACK_URI = "https://pypi.org/project/idmigrate/"


def information_uri() -> str:
    """The project's URL from the installed package's metadata, else its package index page."""
    try:
        meta = metadata.metadata("idmigrate")
    except metadata.PackageNotFoundError:
        return _FALLBACK_URI
    for entry in meta.get_all("Project-URL") or []:
        url = entry.partition(",")[2].strip()
        if url:
            return url
    return meta.get("Home-page") or _FALLBACK_URI


def _review(safety: str, suggestion: str) -> str:
    if safety == "exact":
        return "nothing: same meaning"
    if safety == "format":
        return "code or tests that read the ID text (prefixes, lengths, parsing)"
    return "rewrite by hand: " + (suggestion or "see the reason")


def sarif_rules() -> list[dict]:
    """One reportingDescriptor per IDM code, from the rule table MIGRATION.md is generated from."""
    by_code: dict[str, list] = {}
    for rule in all_rules():
        by_code.setdefault(rule.code, []).append(rule)
    out = []
    for code, rows in sorted(by_code.items()):
        first = rows[0]
        full = "; ".join(dict.fromkeys(f"{r.member}: {r.why}" for r in rows))
        text, markdown = [], []
        for r in rows:
            after = r.after or (f"(suggested) {r.suggestion}" if r.suggestion else "")
            text.append(f"{r.member} ({r.safety.label}): {r.why}. Before: {r.before or '-'}. After: {after or '-'}. "
                        f"Review: {_review(r.safety.label, r.suggestion)}.")
            markdown.append(f"**`{r.member}`** ({r.safety.label}): {r.why}\n\n"
                            + (f"Before: `{r.before}`\n\n" if r.before else "")
                            + (f"After: `{after}`\n\n" if after else "")
                            + f"Review: {_review(r.safety.label, r.suggestion)}")
        out.append({
            "id": code,
            "shortDescription": {"text": first.why},
            "fullDescription": {"text": full},
            "help": {"text": "\n".join(text) + "\nSee MIGRATION.md for every rule.",
                     "markdown": "\n\n---\n\n".join(markdown)},
            "defaultConfiguration": {"level": LEVELS[first.safety.label]},
            "properties": {"safety": first.safety.label, "members": [r.member for r in rows]},
        })
    return out


def _location(path: str, region: dict) -> dict:
    return {"physicalLocation": {"artifactLocation": {"uri": quote(path), "uriBaseId": ROOT_ID}, "region": region}}


def _replaced_region(lines: list[str], starts: list[int], text: str, site: Site) -> dict | None:
    """The region ``site.before`` covers, when the source at the site's position is exactly that text."""
    if not site.before or not 0 < site.line <= len(lines):
        return None
    offset = starts[site.line - 1] + site.column - 1
    if not text.startswith(site.before, offset):
        return None
    end = offset + len(site.before)  # SARIF's end column is that of the first character after the region
    end_line = min(bisect_right(starts, end), len(lines))
    return {"startLine": site.line, "startColumn": site.column, "endLine": end_line,
            "endColumn": end - starts[end_line - 1] + 1}


def _result(site: Site, rule_index: dict[str, int], replaced: dict | None) -> dict:
    apply = f"idmigrate apply --path {shlex.quote(site.path)}" + (
        f" --recipe {site.recipe}" if site.recipe != "generator" else "")
    if site.safety == "manual":
        message = f"{site.member} is left for a human: {site.reason}."
        if site.suggestion:
            message += f" Suggested rewrite: {site.suggestion}"
    else:
        message = f"{site.member} ({site.safety}): {site.reason}. `{apply}` rewrites it to: {site.suggestion}"
    result = {
        "ruleId": site.code,
        "level": LEVELS[site.safety],
        "message": {"text": message},
        "locations": [_location(site.path, {"startLine": site.line, "startColumn": site.column})],
        "partialFingerprints": {FINGERPRINT_KEY: site.fingerprint},
        "properties": {"safety": site.safety, "member": site.member, "service": site.service,
                       "recipe": site.recipe, "before": site.before, "suggestion": site.suggestion},
    }
    if site.code in rule_index:
        result["ruleIndex"] = rule_index[site.code]
    if site.safety != "manual":
        result["properties"]["fixCommand"] = apply
        if replaced is not None:
            result["fixes"] = [{
                "description": {"text": f"Replace with {site.suggestion} (`{apply}` also fixes the imports)"},
                "artifactChanges": [{
                    "artifactLocation": {"uri": quote(site.path), "uriBaseId": ROOT_ID},
                    "replacements": [{"deletedRegion": replaced, "insertedContent": {"text": site.suggestion}}],
                }],
            }]
    return result


def _notifications(plan: Plan) -> list[dict]:
    problems = [(o.path, f"{o.result.status}: {o.result.reason}") for o in plan.outcomes
                if o.result.status in ("skipped", "failed")]
    problems += [(path, f"unreadable: {reason}") for path, reason in plan.unreadable]
    return [{"level": "error", "message": {"text": f"{path} could not be checked ({reason})"},
             "locations": [_location(path, {"startLine": 1})]} for path, reason in sorted(problems)]


def render_sarif(plan: Plan, use_cache: bool = True) -> str:
    rules = sarif_rules()
    rule_index = {rule["id"]: i for i, rule in enumerate(rules)}
    sources = {o.path: o.original for o in plan.outcomes}
    results, decoded = [], {}
    for site in plan_sites(plan, use_cache):
        if site.path not in decoded:
            text = decode_source(sources.get(site.path, b""))
            lines = source_lines(text)
            starts = [0]
            for line in lines:
                starts.append(starts[-1] + len(line))
            decoded[site.path] = (lines, starts, text)
        results.append(_result(site, rule_index, _replaced_region(*decoded[site.path], site)))
    root_uri = plan.root.resolve().as_uri().rstrip("/") + "/"
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "idmigrate", "version": __version__, "semanticVersion": __version__,
                "informationUri": information_uri(), "rules": rules,
            }},
            "originalUriBaseIds": {ROOT_ID: {"uri": root_uri}},
            "columnKind": "unicodeCodePoints",
            "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": _notifications(plan)}],
            "results": results,
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
