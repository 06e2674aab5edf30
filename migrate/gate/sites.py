"""Every usage of a plan as a ``Site``: a finding with its file, service and fingerprint.

Fingerprinting parses each file with usages once more (stdlib ``ast``), so results
are cached by content hash next to the plan's own results: an unchanged file costs
one small cache read.
"""

from __future__ import annotations

from dataclasses import dataclass

from migrate.gate.fingerprint import fingerprints
from migrate.workspace.cache import ResultCache, cache_dir, cache_key
from migrate.workspace.pipeline import Outcome, Plan

_CACHE_TAG = "site-fingerprints/1"


@dataclass(frozen=True)
class Site:
    """One usage still in the tree, as the gate, SARIF and review lists see it."""

    service: str
    path: str
    line: int
    column: int
    member: str
    code: str
    safety: str
    reason: str
    suggestion: str
    before: str
    recipe: str
    fingerprint: str


class Fingerprints:
    """Fingerprints of a plan's findings, looked up by the finding object itself."""

    def __init__(self) -> None:
        self._by_id: dict[int, str] = {}
        self._keep: list = []  # the findings, so their ids stay theirs

    def add(self, finding, fingerprint: str) -> None:
        self._by_id[id(finding)] = fingerprint
        self._keep.append(finding)

    def of(self, finding) -> str:
        return self._by_id[id(finding)]


def _outcome_fingerprints(outcome: Outcome, cache: ResultCache) -> list[str]:
    """Fingerprints in the order of ``outcome.result.findings``."""
    findings = outcome.result.findings
    order = sorted(range(len(findings)), key=lambda i: (findings[i].line, findings[i].column))
    sites = [(findings[i].line, findings[i].column, findings[i].member) for i in order]
    key = cache_key(outcome.original, _CACHE_TAG, outcome.service,
                    "\n".join(f"{line}:{col}:{member}" for line, col, member in sites))
    found = cache.get(key)
    if not (isinstance(found, list) and len(found) == len(sites)):
        found = fingerprints(outcome.service, outcome.original, sites)
        cache.put(key, found)
    out = [""] * len(findings)
    for rank, i in enumerate(order):
        out[i] = found[rank]
    return out


def plan_fingerprints(plan: Plan, use_cache: bool = True) -> Fingerprints:
    cache = ResultCache(cache_dir(plan.root) if use_cache else None)
    index = Fingerprints()
    for outcome in plan.outcomes:
        if outcome.result.findings:
            for finding, fp in zip(outcome.result.findings, _outcome_fingerprints(outcome, cache)):
                index.add(finding, fp)
    return index


def plan_sites(plan: Plan, use_cache: bool = True, include_manual: bool = True) -> list[Site]:
    """Every usage in the plan, sorted by path and position."""
    index = plan_fingerprints(plan, use_cache)
    sites = []
    for outcome in plan.outcomes:
        for f in outcome.result.findings:
            if not include_manual and f.safety.label == "manual":
                continue
            sites.append(Site(
                outcome.service, outcome.path, f.line, f.column, f.member, f.code, f.safety.label, f.reason,
                f.suggestion, f.before, f.recipe, index.of(f),
            ))
    sites.sort(key=lambda s: (s.path, s.line, s.column, s.member))
    return sites
