"""The tables ``idmigrate run`` and ``idmigrate status`` print."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from migrate.output.terminal import escape_control

if TYPE_CHECKING:
    from migrate.run.model import BatchResult, RunResult

#: Output lines of a red batch shown in the summary (the state file keeps more).
SUMMARY_TAIL_LINES = 25

STATE_LABELS = {
    "committed": "committed",
    "red": "red",
    "pending": "pending",
    "running": "interrupted",
    "nothing": "nothing to migrate",
}


def _tests_cell(tests: dict[str, Any] | None) -> tuple[str, str]:
    if not tests or not tests.get("ran"):
        return "-", "-"
    if tests.get("passed") is None:
        return ("ok" if tests.get("status") == "passed" else tests.get("status", "?")), "-"
    return str(tests["passed"]), str(tests["failed"])


def _state_cell(batch: BatchResult) -> str:
    text = STATE_LABELS.get(batch.state, batch.state)
    if batch.state == "red" and batch.reason:
        text += f": {batch.reason}"
    if batch.earlier:
        text += " (earlier run)"
    return text


def _quiet(batch: BatchResult) -> bool:
    """A folder without a single generator site: a row only with ``-v``."""
    return batch.state == "nothing" and not sum(batch.sites.values())


def _usages(recipe_set: str) -> str:
    return "generator usages" if recipe_set == "generator" else f"sites of the {recipe_set} recipe"


def render_summary(result: RunResult, verbose: bool = False) -> str:
    """The end-of-run table: service, branch, files, sites (applied of all: manual sites are never
    applied), tests passed/failed, commit, base, state.

    Rows of folders with no site at all are left out unless ``verbose``."""
    headers = ("service", "branch", "files", "sites applied/all", "passed", "failed", "commit", "base", "state")
    rows = []
    hidden = 0
    for b in result.batches:
        if not verbose and _quiet(b):
            hidden += 1
            continue
        passed, failed = _tests_cell(b.tests)
        total = sum(b.sites.values())
        applied = total - b.sites.get("manual", 0)
        rows.append((
            # a red batch keeps no branch (nor does a batch not run yet): no name of one that is not there
            b.service, b.branch if b.branch and b.state == "committed" else "-",
            str(b.files) if b.state in ("committed", "red") else "-",
            f"{applied}/{total}", passed, failed, (b.commit or "")[:10] or "-", (b.base or "")[:10] or "-", _state_cell(b),
        ))
    rows = [tuple(escape_control(c) for c in r) for r in rows]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers[:-1])]
    numeric = {2, 3, 4, 5}

    def fmt(cells) -> str:
        parts = [c.rjust(widths[i]) if i in numeric else c.ljust(widths[i]) for i, c in enumerate(cells[:-1])]
        return "  ".join(parts + [cells[-1]]).rstrip()

    lines = [fmt(headers)] + [fmt(r) for r in rows]
    for b in result.batches:
        if b.state == "red" and b.output_tail and not b.earlier:
            lines += ["", f"--- {escape_control(b.service)}: {escape_control(b.reason)}; last test output:"]
            lines += ["    " + escape_control(ln) for ln in b.output_tail.splitlines()[-SUMMARY_TAIL_LINES:]]
        already = (b.tests or {}).get("already_failing") or []
        if already and b.state != "red":
            lines.append("")
            lines.append(f"{escape_control(b.service)}: already failing on the base (not blamed on the migration): "
                         + escape_control(", ".join(already)))
    counts = Counter(b.state for b in result.batches)
    bases = list(dict.fromkeys(b.base for b in result.batches if b.base and b.state in ("committed", "red")))
    if not bases or bases == [result.base]:
        based = f"base {result.base[:10]}"
    else:  # e.g. --retry-failed on a newer HEAD: the earlier batches keep their base
        based = (f"base {bases[0][:10]}" if len(bases) == 1
                 else "bases " + ", ".join(b[:10] for b in bases) + " (see the base column)")
    lines += ["", (f"{counts['committed']} committed, {counts['red']} red, {counts['nothing']} nothing to migrate, "
                   f"{counts['pending'] + counts['running']} pending; {based}; "
                   f"back on {escape_control(result.start.describe())}")]
    if hidden:
        lines.append(f"{hidden} folder{'s' if hidden != 1 else ''} without {_usages(result.recipe_set)} not shown "
                     "(-v lists them)")
    if result.stopped:
        lines.append(escape_control(result.stopped))
    if result.unfinished:
        word = "batch" if result.unfinished == 1 else "batches"
        again = f"`{result.resume_command()}`"
        if counts["red"]:
            again += " (with --retry-failed: the red ones too)"
        lines.append(escape_control(f"{result.unfinished} {word} not run yet: continue with {again}"))
    if result.message:
        lines.append(escape_control(result.message))
    return "\n".join(lines) + "\n"


def render_status(report: dict[str, Any]) -> str:
    """The burndown table of ``status_report``: sites left per service, each batch's base and state."""
    from migrate.run.model import recipe_options

    # the review columns: sites decided in `idmigrate review`, and format/manual sites nobody decided yet
    headers = ("service", "files", "exact", "format", "manual", "decided", "undecided", "base", "state")
    table = []
    quiet = [r for r in report["services"] if r.get("quiet")]
    for r in report["services"]:
        if r.get("quiet"):
            continue
        state = r["label"]
        if r["state"] == "committed":
            state += f" {(r['commit'] or '')[:10]} on {r['branch']}"
            if r.get("branch_status") not in (None, "ok"):
                state += f" (branch {r['branch_status']})"
        elif r["state"] == "red":
            state += f": {r['reason']}"
        s = r["sites"]
        review = r.get("review", {"reviewed": 0, "pending": 0})
        table.append((r["service"], str(r["files"]), str(s["exact"]), str(s["format"]), str(s["manual"]),
                      str(review["reviewed"]), str(review["pending"]), (r.get("base") or "")[:10] or "-", state))
    table = [tuple(escape_control(c) for c in row) for row in table]
    widths = [max([len(h)] + [len(row[i]) for row in table]) for i, h in enumerate(headers[:-1])]
    left = {0, 7}

    def fmt(cells) -> str:
        parts = [c.ljust(widths[i]) if i in left else c.rjust(widths[i]) for i, c in enumerate(cells[:-1])]
        return "  ".join(parts + [cells[-1]]).rstrip()

    lines = [fmt(headers)] + [fmt(row) for row in table]
    t = report["totals"]
    recipe_set = report.get("recipe_set", "generator")
    one = t["all"] == 1
    sites = (f"generator call site{'' if one else 's'}" if recipe_set == "generator"
             else f"site{'' if one else 's'} of the {recipe_set} recipe")
    lines.append(f"{t['all']} {sites} left in the checkout: {t['exact']} exact, {t['format']} format, "
                 f"{t['manual']} manual; review: {t.get('reviewed', 0)} decided, {t.get('pending', 0)} undecided")
    if quiet:
        lines.append(f"{len(quiet)} folder{'s' if len(quiet) != 1 else ''} without {_usages(recipe_set)} not shown "
                     "(--json lists them)")
    if report.get("stale_decisions"):
        lines.append(f"{report['stale_decisions']} stale review decisions (site gone): "
                     "prune with `idmigrate report --prune-decisions`")
    run = report.get("run") or {}
    again = recipe_options(recipe_set)
    if run.get("base"):
        line = f"last run of the {recipe_set} recipe: base {run['base'][:10]}, {run.get('status', '?')}"
        if run.get("status") in ("interrupted", "running", "failed"):
            line += f" (continue it with `idmigrate run --resume{again}`)"
        lines.append(escape_control(line))
    others = report.get("other_recipe_sets") or []
    if others:
        lines.append(escape_control("other recipes have batches too: " + ", ".join(
            f"{o} (`idmigrate status{recipe_options(o)}`)" for o in others)))
    if report.get("note"):
        lines.append(report["note"])
    return "\n".join(lines) + "\n"
