"""Compare the usages left now with a baseline, and compute the baseline to write next.

Matching is a multiset match on fingerprints: first a usage and an entry with the
same fingerprint in the same file, then (a file moved within its service, or a
usage moved between files) the same fingerprint anywhere. A fingerprint may occur
in several files (two files can hold the same statement), so counts matter: a
copy of a known usage into a new file is new.

When the check is narrowed (``--service``, ``--path``, files from pre-commit),
entries outside that scope are neither matched nor stale, except entries whose
file no longer exists: those are free to match a usage that moved.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable

from migrate.gate.baseline import Baseline, Entry, Unchecked
from migrate.gate.sites import Site

#: (path, service, recipe) -> whether this check looked at it.
Scope = Callable[[str, str, str], bool]


@dataclass
class Comparison:
    #: Usages not in the baseline: the gate fails on these.
    new: list[Site] = field(default_factory=list)
    #: Usages matched to an entry.
    known: list[tuple[Site, Entry]] = field(default_factory=list)
    #: Entries that matched no usage in scope (fixed, or changed beyond recognition).
    stale: list[Entry] = field(default_factory=list)
    #: Entries outside the scope, carried over untouched.
    outside: list[Entry] = field(default_factory=list)
    new_unchecked: list[Unchecked] = field(default_factory=list)
    known_unchecked: list[Unchecked] = field(default_factory=list)
    stale_unchecked: list[Unchecked] = field(default_factory=list)
    outside_unchecked: list[Unchecked] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.new or self.new_unchecked)


def entry_of(site: Site) -> Entry:
    return Entry(site.path, site.service, site.member, site.code, site.safety, site.recipe, site.fingerprint)


def compare(sites: list[Site], unchecked: list[Unchecked], baseline: Baseline, in_scope: Scope,
            exists: Callable[[str], bool]) -> Comparison:
    result = Comparison()
    available: list[Entry] = []
    for entry in baseline.entries:
        if in_scope(entry.path, entry.service, entry.recipe) or not exists(entry.path):
            available.append(entry)
        else:
            result.outside.append(entry)

    by_place: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    by_fingerprint: dict[str, list[Entry]] = defaultdict(list)
    for entry in available:
        by_place[(entry.fingerprint, entry.path)].append(entry)
    used: set[int] = set()
    unmatched = []
    for site in sites:
        candidates = by_place.get((site.fingerprint, site.path))
        if candidates:
            entry = candidates.pop()
            used.add(id(entry))
            result.known.append((site, entry))
        else:
            unmatched.append(site)
    for entry in available:
        if id(entry) not in used:
            by_fingerprint[entry.fingerprint].append(entry)
    for site in unmatched:
        candidates = by_fingerprint.get(site.fingerprint)
        if candidates:
            entry = candidates.pop(0)
            used.add(id(entry))
            result.known.append((site, entry))
        else:
            result.new.append(site)
    # An entry outside the scope whose file is gone may have moved to a file this run did not
    # look at: unless a usage in scope claimed it, it is kept as it is, never dropped.
    for entry in available:
        if id(entry) not in used:
            (result.stale if in_scope(entry.path, entry.service, entry.recipe) else result.outside).append(entry)

    current = {u.path: u for u in unchecked}
    for old in baseline.unchecked:
        if old.path in current:
            result.known_unchecked.append(current.pop(old.path))
        elif in_scope(old.path, old.service, ""):
            result.stale_unchecked.append(old)
        else:
            result.outside_unchecked.append(old)
    result.new_unchecked = list(current.values())
    return result


def next_baseline(comparison: Comparison, grow: bool) -> Baseline:
    """What ``--write-baseline`` records: never more than before unless ``grow``.

    Known usages are recorded as they are now (a moved file's entries follow it);
    stale entries are dropped; new usages are added only when ``grow``.
    """
    entries = list(comparison.outside) + [entry_of(site) for site, _ in comparison.known]
    unchecked = list(comparison.outside_unchecked) + list(comparison.known_unchecked)
    if grow:
        entries += [entry_of(site) for site in comparison.new]
        unchecked += comparison.new_unchecked
    return Baseline(entries, unchecked)
