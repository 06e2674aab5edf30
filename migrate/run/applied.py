"""What was applied, kept so ``report --applied`` can list it after ``run`` or ``apply``, also
once the batch branch is merged and ``report`` no longer sees the sites in the checkout.

``run`` keeps each committed batch's applied sites in the run state of its recipe set
(``state.py``, written under the run lock). ``apply`` keeps the sites of every file it wrote
in ``.git/idmigrate/applied.json``: its own file, because ``apply`` takes no run lock and so
must never rewrite the run state a ``run`` may be saving. Outside a git repository nothing is
kept (there is nowhere to keep it without dirtying the work tree).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from migrate.run.model import now
from migrate.run.state import StateError, state_dir
from migrate.workspace.fileio import replace_file

APPLY_FILE = "applied.json"
APPLY_VERSION = 1


def site_records(outcomes: Iterable) -> list[dict[str, Any]]:
    """The applied (exact and format) sites of plan outcomes, JSON-ready, by path and line."""
    return [
        {"path": o.path, "line": f.line, "column": f.column, "class": f.safety.label, "code": f.code,
         "member": f.member, "reason": f.reason, "before": f.before, "after": f.suggestion}
        for o in sorted(outcomes, key=lambda o: o.path) for f in o.result.findings if f.applied
    ]


def batch_record(service: str, branch: str, commit: str, base: str, outcomes: Iterable) -> dict[str, Any]:
    """The run state's record of one committed batch."""
    return {"service": service, "branch": branch, "commit": commit, "base": base, "recorded": now(),
            "sites": site_records(outcomes)}


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _load_apply_file(path: Path) -> dict[str, Any]:
    """The file's data; an unreadable or foreign file counts as empty (it only feeds a report)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != APPLY_VERSION or not isinstance(data.get("recipes"), dict):
        return {}
    return data


def record_apply(root: Path, outcomes: Iterable, recipe_set: str) -> None:
    """Keep the sites of the files ``apply`` wrote (a file written again replaces its entry).
    Raises ``OSError`` when the file cannot be written; does nothing outside a git repository."""
    try:
        directory = state_dir(root)
    except StateError:
        return
    path = directory / APPLY_FILE
    data = _load_apply_file(path) or {"version": APPLY_VERSION, "recipes": {}}
    files = data["recipes"].setdefault(recipe_set, {})
    recorded = now()
    for outcome in outcomes:
        files[outcome.path] = {"service": outcome.service, "recorded": recorded,
                               "sha256": _digest(outcome.result.new_source), "sites": site_records([outcome])}
    if not directory.is_dir():
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    replace_file(path, (json.dumps(data, indent=1) + "\n").encode("utf-8"), private=True)


@dataclass
class AppliedGroup:
    """The applied sites of one service from one source: a committed batch, or ``apply``."""

    service: str
    source: str  # "run" | "apply"
    #: Where the sites are now, e.g. "commit 1a2b3c4d5e on idmigrate/auth_service (base ..., merged into HEAD)".
    where: str
    sites: list[dict[str, Any]] = field(default_factory=list)
    commit: str | None = None
    branch: str = ""
    base: str | None = None
    recorded: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"service": self.service, "source": self.source, "where": self.where, "commit": self.commit,
                "branch": self.branch, "base": self.base, "recorded": self.recorded, "sites": self.sites}


@dataclass
class AppliedLog:
    recipe_set: str
    groups: list[AppliedGroup] = field(default_factory=list)
    #: Lines about records left out (a replaced batch commit) or about what could not be read.
    notes: list[str] = field(default_factory=list)


def _wanted(path: str, service: str, services: list[str] | None, paths: list[str] | None) -> bool:
    if services and service not in services:
        return False
    return not paths or any(p in ("", ".") or path == p or path.startswith(p.rstrip("/") + "/") for p in paths)


def _commit_where(repo, record: dict[str, Any]) -> str | None:
    """Where a batch commit is: merged into HEAD, or the tip of its branch; None when neither
    (a later run replaced it, or the branch was deleted unmerged: it is applied nowhere)."""
    from migrate import gitops

    commit = record.get("commit") or ""
    base = f"base {(record.get('base') or '?')[:10]}"
    try:
        gitops.run_command(repo, "merge_base", "--is-ancestor", commit, "HEAD")
        return f"commit {commit[:10]} ({base}), merged into HEAD"
    except gitops.GitError:
        pass
    if record.get("branch") and gitops.branch_tip(repo, record["branch"]) == commit:
        return f"commit {commit[:10]} on {record['branch']} ({base}), not merged yet"
    return None


def collect_applied(root: Path, recipe_set: str, services: list[str] | None = None,
                    paths: list[str] | None = None) -> AppliedLog:
    """What ``run`` committed and ``apply`` wrote for ``recipe_set``; raises ``StateError`` when
    ROOT is not a git repository or its run state cannot be read."""
    from migrate import gitops
    from migrate.run.state import RunState

    try:
        directory = state_dir(root)
    except StateError:
        raise StateError(f"{root}: not a git repository; `run` and `apply` keep what they applied "
                         "in its .git directory") from None
    log = AppliedLog(recipe_set)
    state = RunState.load(directory, recipe_set)
    by_service: dict[str, dict[str, Any]] = {}
    for record in state.applied:
        by_service.setdefault(record.get("service", ""), {})[record.get("commit")] = record
    try:
        repo = gitops.open_repo(root)
    except gitops.NotARepositoryError as exc:
        raise StateError(str(exc)) from None
    gone = 0
    try:
        for service, records in by_service.items():
            for record in reversed(list(records.values())):  # the newest first
                sites = [s for s in record.get("sites", []) if _wanted(s["path"], service, services, paths)]
                if not sites:
                    continue
                where = _commit_where(repo, record)
                if where is None:
                    gone += 1
                    continue
                log.groups.append(AppliedGroup(service, "run", where, sites, record.get("commit"),
                                               record.get("branch", ""), record.get("base"),
                                               record.get("recorded", "")))
    finally:
        repo.close()
    if gone:
        log.notes.append(f"{gone} earlier batch commit{'s' if gone != 1 else ''} left out: neither merged nor "
                         "on its branch any more (a later run replaced it, or its branch was deleted)")
    log.groups += _apply_groups(root, directory, recipe_set, services, paths)
    log.groups.sort(key=lambda g: (g.service, g.source != "run", g.recorded))
    return log


def _apply_groups(root: Path, directory: Path, recipe_set: str, services: list[str] | None,
                  paths: list[str] | None) -> list[AppliedGroup]:
    files = _load_apply_file(directory / APPLY_FILE).get("recipes", {}).get(recipe_set, {})
    by_service: dict[str, list[tuple[str, dict]]] = {}
    for path, entry in sorted(files.items()):
        if isinstance(entry, dict) and _wanted(path, entry.get("service", ""), services, paths):
            by_service.setdefault(entry.get("service", ""), []).append((path, entry))
    groups = []
    for service, entries in by_service.items():
        changed = []
        for path, entry in entries:
            try:
                now_digest = _digest((root / path).read_bytes())
            except OSError:
                now_digest = None
            if now_digest != entry.get("sha256"):
                changed.append(path)
        where = "written by `idmigrate apply`"
        if changed:
            where += f" ({len(changed)} of these files changed since: {', '.join(changed)})"
        recorded = max(entry.get("recorded", "") for _path, entry in entries)
        sites = [s for _path, entry in entries for s in entry.get("sites", [])]
        if sites:
            groups.append(AppliedGroup(service, "apply", where, sites, recorded=recorded))
    return groups
