"""The message of a batch commit: rules applied, sites by safety class, what is left to review."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from migrate.output.terminal import escape_control
from migrate.run.model import plural, recipe_label, recipe_options, site_counts
from migrate.run.preflight import RECIPE_TRAILER

if TYPE_CHECKING:
    from migrate.run.batch import Batch

#: Review items listed in a commit message before "... and N more".
MAX_REVIEW_LINES = 300


def commit_message(batch: Batch, written: list[str], tests_line: str) -> str:
    """The batch commit's message: rules applied, sites by class, the review items."""
    from migrate import __version__

    service = batch.service
    recipe = recipe_label(batch.options.recipes)
    # The generator recipe keeps the subject earlier versions wrote; the others name their recipe.
    tool = "idmigrate" if recipe == "generator" else f"idmigrate ({recipe})"
    counts = site_counts(batch.outcomes)
    applied = Counter(f.code for o in batch.changed for f in o.result.findings if f.applied)
    applied_sites = counts["exact"] + counts["format"]
    lines = [
        f"{tool}: migrate {service} to UnifiedIDManager",
        "",
        f"{plural(len(written), 'file')} changed; {plural(applied_sites, 'call site')} rewritten "
        f"({counts['exact']} exact, {counts['format']} format); "
        f"{plural(counts['manual'], 'manual site')} left as they were.",
        "",
        "Rules applied:",
    ]
    lines += [f"  {code}  x{n}" for code, n in sorted(applied.items())] or ["  (none)"]
    lines += [
        "",
        "Sites by safety class:",
        f"  exact   {counts['exact']:>4}  same meaning",
        f"  format  {counts['format']:>4}  applied; the ID text changes shape (review)",
        f"  manual  {counts['manual']:>4}  not applied (listed below)",
    ]
    manual = [
        (o.path, f) for o in sorted(batch.outcomes, key=lambda o: o.path)
        for f in o.result.findings if not f.applied
    ]
    if manual:
        lines += ["", "Review (manual sites, not applied):"]
        for path, f in manual[:MAX_REVIEW_LINES]:
            lines.append(f"  {path}:{f.line}: {f.member}: {f.reason}")
        if len(manual) > MAX_REVIEW_LINES:
            more = f"idmigrate report --service {service}{recipe_options(recipe)}"
            lines.append(f"  ... and {len(manual) - MAX_REVIEW_LINES} more ({more})")
    formats = [
        (o.path, f) for o in sorted(batch.changed, key=lambda o: o.path)
        for f in o.result.findings if f.applied and f.safety.label == "format"
    ]
    if formats:  # once merged, `idmigrate report` no longer sees them: the commit keeps the list
        lines += ["", "Review (format sites, applied: the ID text changes shape):"]
        for path, f in formats[:MAX_REVIEW_LINES]:
            lines.append(f"  {path}:{f.line}: {f.member}: {f.reason}")
        if len(formats) > MAX_REVIEW_LINES:
            lines.append(f"  ... and {len(formats) - MAX_REVIEW_LINES} more (`git show` this commit)")
    decided = batch.review.applied_in({o.path for o in batch.outcomes}) if batch.review is not None else []
    if decided:
        lines += ["", f"Review decisions applied ({len(decided)}, from idmigrate-decisions.toml):"]
        for path, d in decided[:MAX_REVIEW_LINES]:
            typed = f" {d.id_type}" if d.id_type else ""
            note = f" ({d.note})" if d.note else ""
            lines.append(f"  {path}: {d.action}{typed} {d.fingerprint}{note}")
    problems = [(o.path, o.result.reason) for o in batch.outcomes if o.result.status in ("skipped", "failed")]
    if problems:
        lines += ["", "Not migrated (left unchanged):"]
        lines += [f"  {path}: {why}" for path, why in problems]
    lines += ["", f"Tests: {tests_line}", f"Base: {batch.base}", f"{RECIPE_TRAILER}{recipe}", "",
              f"Generated-by: idmigrate {__version__} (idmigrate run)"]
    return "\n".join(escape_control(line) for line in lines) + "\n"
