"""Inventory summaries and the review list, as text, Markdown and JSON.

Everything here is a pure function of a ``Plan``. Text meant for people goes
through ``escape_control`` so a crafted string in source cannot repaint a terminal.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict

from codemods.core.safety import Safety
from codemods.uuid_ids.paths import is_test_path
from migrate.workspace.pipeline import Plan
from migrate.output.terminal import escape_control
from migrate.run.model import plural

CLASSES = ("exact", "format", "manual")


def registers_ids(finding) -> bool:
    """An applied rewrite that mints through ``generate_id``: the manager keeps that ID registered
    (about 310 B) until ``release_id``, which the migrated code never calls."""
    return finding.applied and "generate_id(" in finding.suggestion


def summarize(plan: Plan) -> dict:
    """Per service: files and call sites by member and safety class; totals."""
    services: dict[str, dict] = {}
    totals: Counter[str] = Counter()
    recipes: dict[str, dict[str, int]] = {}
    registering: dict[str, int] = {}
    for outcome in plan.outcomes:
        findings = outcome.result.findings
        if not findings:
            continue
        entry = services.setdefault(
            outcome.service,
            {"files": 0, "sites": dict.fromkeys(CLASSES, 0), "members": {}, "latent_fixed": 0, "latent_open": 0},
        )
        entry["files"] += 1
        for f in findings:
            label = f.safety.label
            entry["sites"][label] += 1
            entry["members"].setdefault(f.member, dict.fromkeys(CLASSES, 0))[label] += 1
            if f.latent:
                entry[f"latent_{f.latent}"] += 1
            totals[label] += 1
            recipes.setdefault(f.recipe, dict.fromkeys(CLASSES, 0))[label] += 1
            if registers_ids(f) and not is_test_path(outcome.path):
                registering[outcome.path] = registering.get(outcome.path, 0) + 1
    return {
        "root": str(plan.root),
        "files_scanned": plan.files_scanned,
        "files_with_usages": sum(s["files"] for s in services.values()),
        "files_to_change": len(plan.changed),
        "services": dict(sorted(services.items())),
        "totals": {c: totals[c] for c in CLASSES} | {"all": sum(totals.values())},
        "recipes": dict(sorted(recipes.items())),
        # production sites (tests excluded) whose rewrite registers IDs that nothing releases, per file
        "registering": {"sites": sum(registering.values()), "files": dict(sorted(registering.items()))},
        "skipped": [{"path": o.path, "reason": o.result.reason} for o in plan.by_status("skipped")],
        "failed": [{"path": o.path, "reason": o.result.reason} for o in plan.by_status("failed")],
        "unreadable": [{"path": p, "reason": r} for p, r in plan.unreadable],
    }


def render_scan_text(summary: dict) -> str:
    names = [escape_control(n) for n in summary["services"]]
    names += ["  " + escape_control(m) for e in summary["services"].values() for m in e["members"]]
    names += ["recipe " + n for n in summary["recipes"]]
    width = max([len("service"), len("total")] + [len(n) for n in names])

    def row(name: str, files, counts) -> str:
        return f"{name:<{width}} {files:>5} {counts['exact']:>6} {counts['format']:>6} {counts['manual']:>6}"

    lines = [row("service", "files", {"exact": "exact", "format": "format", "manual": "manual"})]
    for name, entry in summary["services"].items():
        lines.append(row(escape_control(name), entry["files"], entry["sites"]))
        for member, counts in sorted(entry["members"].items()):
            lines.append(row("  " + escape_control(member), "", counts))
    t = summary["totals"]
    lines.append(row("total", summary["files_with_usages"], t))
    if set(summary["recipes"]) - {"generator"}:
        for name, counts in summary["recipes"].items():
            lines.append(row("recipe " + name, "", counts))
    lines.append(
        f"{plural(summary['files_scanned'], 'file')} scanned, {summary['files_with_usages']} with sites, "
        f"{summary['files_to_change']} would change, {plural(t['all'], 'site')}"
    )
    registering = summary["registering"]
    if registering["sites"]:
        lines.append(f"{plural(registering['sites'], 'production site')} in {plural(len(registering['files']), 'file')} "
                     "would register IDs that nothing releases (report lists them)")
    lines.extend(problem_lines(summary))
    return "\n".join(lines) + "\n"


def problem_lines(summary: dict) -> list[str]:
    lines = []
    for kind in ("skipped", "failed", "unreadable"):
        for item in summary[kind]:
            lines.append(f"{kind}: {escape_control(item['path'])}: {escape_control(item['reason'])}")
    return lines


def review_items(plan: Plan, classes: tuple[str, ...] = CLASSES) -> dict[str, dict[str, list]]:
    """service -> path -> the findings of ``classes`` (every site by default: exact ones too)."""
    grouped: dict[str, dict[str, list]] = defaultdict(dict)
    for outcome in sorted(plan.outcomes, key=lambda o: (o.service, o.path)):
        picked = [f for f in outcome.result.findings if f.safety.label in classes]
        if picked:
            grouped[outcome.service][outcome.path] = picked
    return dict(grouped)


FORMATS = ("md", "json", "sarif")
#: ``-o`` suffixes that choose the format when ``--format`` does not.
_SUFFIXES = {".json": "json", ".sarif": "sarif", ".md": "md", ".markdown": "md"}


def report_format(fmt: str | None, as_json: bool, output) -> str:
    """``--format``, else ``--json``, else the format ``-o``'s suffix names, else Markdown."""
    if fmt is not None:
        return fmt
    if as_json:
        return "json"
    suffix = output.suffix.lower() if output is not None else ""
    return _SUFFIXES.get(suffix, "md")


def render_review(plan: Plan, fmt: str, use_cache: bool = True, classes: tuple[str, ...] = CLASSES) -> str:
    """The review list in one of ``FORMATS``: JSON items carry fingerprints, SARIF lists every usage."""
    if fmt == "sarif":
        from migrate.output.sarif import render_sarif

        return render_sarif(plan, use_cache)
    if fmt == "json":
        from migrate.gate.sites import plan_fingerprints

        return render_review_json(plan, plan_fingerprints(plan, use_cache), classes)
    return render_review_md(plan, classes, _decided(plan, use_cache))


def _decided(plan: Plan, use_cache: bool) -> dict[int, str]:
    """id(finding) -> "rejected in review (note)" ... for decided sites; empty without decisions."""
    if not getattr(plan.review, "decisions", None):
        return {}
    from migrate.review.honour import review_sites

    # a rejected or typed site's rule (IDM093, IDM094) already says so: only accepts and notes are added
    return {id(s.finding): "; ".join(filter(None, (s.label if s.decision.action == "accept" else "",
                                                    s.decision.note)))
            for s in review_sites(plan, use_cache) if s.decision}


def _review_fields(plan: Plan, fingerprint: str) -> dict:
    decision = plan.review.decisions.get(fingerprint) if plan.review is not None else None
    if decision is None:
        return {"review": ""}
    from migrate.review.honour import LABELS

    return {"review": LABELS[decision.action], "review_note": decision.note}


def stale_lines(plan: Plan) -> list[str]:
    """One line per decision whose site is gone (applied, edited or deleted)."""
    stale = getattr(plan.review, "stale", [])
    return [f"stale decision: {d.fingerprint} ({d.action}{' ' + d.id_type if d.id_type else ''}): its site is gone "
            f"(prune with --prune-decisions)" for d in stale]


def render_review_json(plan: Plan, fingerprints=None, classes: tuple[str, ...] = CLASSES) -> str:
    """``fingerprints`` (a ``migrate.gate.sites.Fingerprints``) adds each item's ``fingerprint``."""
    items = review_items(plan, classes)
    data = {
        "summary": summarize(plan),
        "review": [
            {"service": service, "path": path, **f.to_json(),
             **({"fingerprint": fingerprints.of(f), **_review_fields(plan, fingerprints.of(f))}
                if fingerprints is not None else {})}
            for service, files in items.items()
            for path, findings in files.items()
            for f in findings
        ],
    }
    if fingerprints is not None and plan.review is not None and plan.review.decisions:
        data["stale_decisions"] = [vars(d) for d in plan.review.stale]
    return json.dumps(data, indent=2, sort_keys=False) + "\n"


def _md(text: str) -> str:
    return escape_control(text).replace("|", "\\|").replace("\n", "<br>")


def render_review_md(plan: Plan, classes: tuple[str, ...] = CLASSES, decided: dict[int, str] | None = None) -> str:
    """``decided``: id(finding) -> what the review decided, appended to the site's reason."""
    decided = decided or {}
    summary = summarize(plan)
    t = summary["totals"]
    out = [
        "# idmigrate review list",
        "",
        f"{t['all']} generator usages left in the checkout: {t['exact']} exact and {t['format']} format "
        f"(`idmigrate apply` would rewrite them; format: the ID text changes), {t['manual']} manual "
        "(never applied: change them by hand). Sites already rewritten are no longer listed here: "
        "`idmigrate report --applied` lists them (and each batch's commit message its format sites).",
        "",
    ]
    latent_fixed = sum(s["latent_fixed"] for s in summary["services"].values())
    latent_open = sum(s["latent_open"] for s in summary["services"].values())
    if latent_fixed or latent_open:
        out += [f"Latent AttributeErrors: {latent_fixed} fixed, {latent_open} still open (manual).", ""]
    registering = summary["registering"]
    if registering["sites"]:
        out += [f"IDs registered for the life of the process: {registering['sites']} production sites would mint "
                "through `generate_id`, which keeps each ID (about 310 B) until `release_id`; nothing releases them. "
                "Per file: " + ", ".join(f"`{_md(p)}` {n}" for p, n in registering["files"].items()) + ".", ""]
    for service, files in review_items(plan, classes).items():
        out += [f"## {_md(service)}", ""]
        for path, findings in files.items():
            out += [f"### `{_md(path)}`", "", "| line | class | rule | member | reason | rewrite / suggestion |",
                    "|---:|---|---|---|---|---|"]
            for f in findings:
                latent = " (latent AttributeError fixed)" if f.latent == "fixed" else (
                    " (latent bug)" if f.latent == "open" else "")
                out.append(
                    f"| {f.line}:{f.column} | {f.safety.label} | {f.code} | `{_md(f.member)}` | "
                    f"{_md(f.reason)}{latent}{_md(' — ' + decided[id(f)]) if decided.get(id(f)) else ''} | "
                    f"`{_md(f.suggestion)}` |"
                )
            out.append("")
    for line in problem_lines(summary) + stale_lines(plan):
        out.append(f"- {line}")
    return "\n".join(out).rstrip() + "\n"


def remaining_lines(plan: Plan, include_manual: bool = True) -> list[str]:
    """``path:line:col: CODE class member: reason`` for every usage still in the tree."""
    lines = []
    for outcome in sorted(plan.outcomes, key=lambda o: o.path):
        for f in outcome.result.findings:
            if f.safety is Safety.MANUAL and not include_manual:
                continue
            lines.append(
                f"{escape_control(outcome.path)}:{f.line}:{f.column}: {f.code} {f.safety.label} "
                f"{escape_control(f.member)}: {escape_control(f.reason)}"
            )
    return lines
