"""``verify --baseline`` / ``--write-baseline``: the ratchet a team can put in CI on day one.

Builds what the gate compares (usages, boundary violations and files that could not
be checked, all fingerprinted), compares it with the baseline and says, for every
new usage, the command that fixes it.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from migrate.gate import baseline as baseline_file
from migrate.gate.baseline import Baseline, Unchecked
from migrate.gate.fingerprint import fingerprints
from migrate.gate.ratchet import Comparison, compare, next_baseline
from migrate.gate.sites import Site, plan_sites
from migrate.output.terminal import escape_control
from migrate.workspace.boundaries import Violation
from migrate.workspace.pipeline import Plan

BOUNDARY = "boundary"


@dataclass(frozen=True)
class Scope:
    """What this run of ``verify`` looked at: entries outside it are left alone."""

    services: tuple[str, ...] = ()
    #: ROOT-relative posix paths (files or directories); empty: everything.
    paths: tuple[str, ...] = ()
    recipes: tuple[str, ...] = ("generator",)

    def __call__(self, path: str, service: str, recipe: str) -> bool:
        if self.services and service not in self.services:
            return False
        if self.paths and not any(p in ("", ".") or path == p or path.startswith(p + "/") for p in self.paths):
            return False
        return not recipe or recipe == BOUNDARY or recipe in self.recipes


def violation_sites(violations: list[Violation]) -> list[Site]:
    by_file: dict[str, list[Violation]] = {}
    for v in violations:
        by_file.setdefault(v.path, []).append(v)
    sites = []
    for path, found in by_file.items():
        found.sort(key=lambda v: (v.line, v.column))
        members = [f"import {v.module}" for v in found]
        places = [(v.line, v.column, m) for v, m in zip(found, members)]
        prints = fingerprints(found[0].service, found[0].source, places)
        sites += [Site(v.service, path, v.line, v.column, m, BOUNDARY, "manual", v.reason, "", "", BOUNDARY, fp)
                  for v, m, fp in zip(found, members, prints)]
    return sites


def unchecked_files(plan: Plan, service_of: Callable[[str], str]) -> list[Unchecked]:
    """Files skipped (do not parse, cannot be decoded), failed (guard) or unreadable."""
    out = [Unchecked(o.path, o.service, f"{o.result.status}: {o.result.reason}")
           for o in plan.outcomes if o.result.status in ("skipped", "failed")]
    out += [Unchecked(path, service_of(path), f"unreadable: {reason}") for path, reason in plan.unreadable]
    return sorted(out, key=Unchecked.sort_key)


def fix_hint(site: Site, root_arg: str) -> str:
    """The command that fixes a usage, or what to do by hand."""
    if site.safety == "manual":
        hint = f"rewrite by hand: {site.reason}"
        return hint + (f" (suggested: {site.suggestion})" if site.suggestion else "")
    recipe = f" --recipe {site.recipe}" if site.recipe != "generator" else ""
    return f"fix: idmigrate apply{root_arg}{recipe} --path {shlex.quote(site.path)}"


def new_usage_line(site: Site, root_arg: str) -> str:
    what = (f"new boundary violation ({site.member})" if site.recipe == BOUNDARY
            else f"new usage of {site.member} ({site.code} {site.safety})")
    return escape_control(f"{site.path}:{site.line}:{site.column}: {what}, not in the baseline; "
                          f"{fix_hint(site, root_arg)}")


@dataclass
class GateResult:
    comparison: Comparison
    lines: list[str]
    notes: list[str]
    exit_code: int


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _check_root(root: Path, old: Baseline, write_path: Path) -> None:
    """Refuse to rewrite a baseline none of whose files exists under ROOT: ROOT is wrong, and
    writing would drop every entry."""
    paths = {e.path for e in old.entries} | {u.path for u in old.unchecked}
    if paths and not any((root / p).exists() for p in paths):
        raise baseline_file.BaselineError(
            f"none of the {_plural(len(paths), 'file')} {write_path} records exists under ROOT {root}: "
            "is ROOT right? (run from the project root, or delete the file to start a new baseline)")


def run_gate(
    root: Path, plan: Plan, violations: list[Violation], scope: Scope, *, service_of: Callable[[str], str],
    baseline_path: Path | None = None, write_path: Path | None = None, allow_growth: bool = False,
    allow_manual: bool = False, use_cache: bool = True, root_arg: str = "",
) -> GateResult:
    """Check against ``baseline_path``, or (``write_path``) record the baseline; never both."""
    sites = plan_sites(plan, use_cache, include_manual=not allow_manual) + violation_sites(violations)
    unchecked = unchecked_files(plan, service_of)
    source = write_path or baseline_path
    assert source is not None
    first = write_path is not None and not source.exists()
    old = Baseline() if first else baseline_file.load(source)
    if write_path is not None:
        _check_root(root, old, write_path)
    comparison = compare(sites, unchecked, old, scope, lambda rel: (root / rel).exists())
    lines = [new_usage_line(site, root_arg) for site in comparison.new]
    lines += [escape_control(f"{u.path}: could not be checked ({u.reason}), not in the baseline")
              for u in comparison.new_unchecked]
    notes = [escape_control(f"stale: {e.path}: {e.member} ({e.code}) is gone (fixed, moved or changed)")
             for e in comparison.stale]
    notes += [escape_control(f"stale: {u.path}: can be checked again (or is gone)") for u in comparison.stale_unchecked]
    notes += [escape_control(f"not checked (in the baseline): {u.path}: {u.reason}")
              for u in comparison.known_unchecked]
    new_count = len(comparison.new) + len(comparison.new_unchecked)
    new_what = _plural(len(comparison.new), "new usage") + (
        f" and {_plural(len(comparison.new_unchecked), 'file')} that could not be checked"
        if comparison.new_unchecked else "")
    if write_path is None:
        stale = len(comparison.stale) + len(comparison.stale_unchecked)
        summary = (f"verify: {new_what} not in the baseline {baseline_path}; "
                   f"{_plural(len(comparison.known), 'known usage')} left")
        if stale:
            summary += (f"; {stale} baseline entries are stale: drop them with "
                        f"`idmigrate verify --write-baseline {baseline_path}`")
        return GateResult(comparison, lines, notes + [summary], 1 if comparison.failed else 0)

    grow = first or allow_growth
    updated = next_baseline(comparison, grow)
    baseline_file.save(write_path, updated)
    summary = f"wrote {write_path}: {_plural(len(updated.entries), 'usage')}"
    if updated.unchecked:
        summary += f", {_plural(len(updated.unchecked), 'file')} that could not be checked"
    dropped = len(comparison.stale) + len(comparison.stale_unchecked)
    if dropped:
        summary += f"; {dropped} stale {'entry' if dropped == 1 else 'entries'} dropped"
    if new_count and not grow:
        summary += (f"; {new_what} NOT recorded (the baseline only shrinks; "
                    f"fix them, or record them with --allow-growth)")
        return GateResult(comparison, lines, notes + [summary], 1)
    if new_count and not first:
        summary += f" ({new_count} new {'one' if new_count == 1 else 'ones'} recorded: --allow-growth)"
    return GateResult(comparison, [], notes + [summary], 0)
