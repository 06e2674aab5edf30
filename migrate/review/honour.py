"""How every verb honours the review decisions: the plan is made, its sites fingerprinted,
and each file with a ``reject`` or ``type`` decision is transformed again with those
decisions in its engine settings (so the result cache keeps the two apart)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from migrate.review.store import ReviewDecision, load_decisions

#: What a decided site is called in reports, by action.
LABELS = {"accept": "accepted in review", "reject": "rejected in review", "type": "typed in review"}


@dataclass
class ReviewState:
    """The decisions of ROOT's file and which sites of the plan they were found at."""

    decisions: dict[str, ReviewDecision] = field(default_factory=dict)
    #: Fingerprint -> (path, line) of the site it was found at.
    found: dict[str, tuple[str, int]] = field(default_factory=dict)
    #: Decisions whose site is gone (only known for a plan of the whole tree).
    stale: list[ReviewDecision] = field(default_factory=list)
    #: Whether the plan covered only some services or paths (then nothing is called stale).
    scoped: bool = False

    def decision_for(self, fingerprint: str) -> ReviewDecision | None:
        return self.decisions.get(fingerprint) if fingerprint in self.found else None

    def label(self, fingerprint: str) -> str:
        """"rejected in review", ... or "" for a site nobody decided."""
        decision = self.decision_for(fingerprint)
        return LABELS[decision.action] if decision else ""

    def applied_in(self, paths: set[str]) -> list[tuple[str, ReviewDecision]]:
        """(path, decision) of the decisions found in these files, for a commit message."""
        return sorted(((self.found[fp][0], d) for fp, d in self.decisions.items()
                       if fp in self.found and self.found[fp][0] in paths), key=lambda pd: (pd[0], pd[1].fingerprint))


def honour_decisions(plan, rerun: Callable[[dict[int, tuple]], None], *, scoped: bool,
                     use_cache: bool = True) -> ReviewState:
    from migrate.gate.sites import plan_fingerprints

    state = ReviewState(load_decisions(plan.root), scoped=scoped)
    if not state.decisions:
        return state
    fps = plan_fingerprints(plan, use_cache)
    overrides: dict[int, tuple] = {}
    for index, outcome in enumerate(plan.outcomes):
        wanted = []
        for finding in outcome.result.findings:
            decision = state.decisions.get(fps.of(finding))
            if decision is None:
                continue
            state.found[decision.fingerprint] = (outcome.path, finding.line)
            if decision.action in ("reject", "type"):
                wanted.append((finding.line, finding.column, decision.action, decision.id_type))
        if wanted:
            overrides[index] = tuple(sorted(wanted))
    if overrides:
        rerun(overrides)
    if not scoped:
        state.stale = [d for fp, d in sorted(state.decisions.items()) if fp not in state.found]
    return state



@dataclass(frozen=True)
class SiteReview:
    """One review item (a format or manual site) and the decision taken on it, if any."""

    service: str
    path: str
    finding: object  # codemods.core.findings.Finding
    fingerprint: str
    decision: ReviewDecision | None

    @property
    def label(self) -> str:
        return LABELS[self.decision.action] if self.decision else ""


def review_sites(plan, use_cache: bool = True, classes: tuple[str, ...] = ("format", "manual")) -> list[SiteReview]:
    """Every format and manual site of the plan with its fingerprint and decision, by path and position."""
    from migrate.gate.sites import plan_fingerprints

    fps = plan_fingerprints(plan, use_cache)
    state = plan.review if isinstance(plan.review, ReviewState) else ReviewState()
    out = []
    for outcome in sorted(plan.outcomes, key=lambda o: o.path):
        for f in outcome.result.findings:
            if f.safety.label in classes:
                fp = fps.of(f)
                out.append(SiteReview(outcome.service, outcome.path, f, fp, state.decisions.get(fp)))
    return out


def review_counts(plan, use_cache: bool = True) -> dict[str, dict[str, int]]:
    """service -> {"reviewed": n, "pending": n} over its format and manual sites."""
    counts: dict[str, dict[str, int]] = {}
    for site in review_sites(plan, use_cache):
        entry = counts.setdefault(site.service, {"reviewed": 0, "pending": 0})
        entry["reviewed" if site.decision else "pending"] += 1
    return counts
