"""The last plan of each command shape, reused whole while nothing it was made from changed.

A plan depends on the tree's Python files, the configuration (and the APIs it binds to),
the engine, the review decisions and what the command asked for (recipes, services,
paths, full or findings-only). ``Replay.start`` takes all of that in a moment that does
not grow with the number of files (``tree_state``: two git commands and the index's
checksum; no file is listed, stat-ed or read by Python) and, when it equals what the last
plan of the same command shape recorded, ``plan()`` rebuilds that plan from one pickle:
statuses, findings, reasons and review state, with bytes fetched on demand (``stored``).
Otherwise the ordinary path runs and ``save`` records its plan for next time. The state is
taken before the ordinary path reads anything, so an edit made while it runs is seen by
the next run; a file it read that changed after the state was taken, even one changed
back since, keeps its plan from being recorded (``settle``).
"""

from __future__ import annotations

import functools
import gc
import hashlib
import os
import pickle
import sys
from dataclasses import dataclass
from pathlib import Path

from codemods.core.results import FileResult
from migrate import __version__
from migrate.workspace.cache import CACHE_FORMAT, ResultCache, cache_dir, engine_fingerprint, write_private
from migrate.workspace.config import Config
from migrate.workspace.discovery import CONFTEST, exclusion
from migrate.workspace.fileio import UnsafePathError, read_listed, resolve_inside
from migrate.workspace.pipeline import Job, Plan, job_key, transform_jobs
from migrate.workspace.replay.stored import SourceChangedError, StoredOutcome, StoredResult
from migrate.workspace.replay.tree_state import TreeState, capture, changed_lately, index_copy, settle_limit
from migrate.workspace.workspace import Workspace

SNAPSHOT_FORMAT = "1"
_DECISIONS = "idmigrate-decisions.toml"


def _digest(*parts: object) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def _file_digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None
    except OSError as exc:  # unreadable now: never equal to a digest
        return f"error:{exc.errno}"


def _layout(root: Path, config: Config) -> tuple[bool, ...]:
    """Which API modules exist as files: where a service imports the manager from depends on it."""
    facts = []
    for module in (*config.rules.source_modules, config.manager_module, config.exposed_module):
        base = root.joinpath(*module.split("."))
        facts += [base.with_suffix(".py").is_file(), (base / "__init__.py").is_file()]
    return tuple(facts)


class DeferredWorkspace:
    """The ``Workspace`` of a replayed plan, listed only when someone asks (``verify``'s boundary check)."""

    def __init__(self, root: Path, config: Config) -> None:
        self.root, self.config = root, config

    @functools.cached_property
    def _opened(self) -> Workspace:
        return Workspace.open(self.root, self.config)

    def __getattr__(self, name: str):
        return getattr(self._opened, name)


@dataclass
class Replay:
    root: Path
    config: Config
    recipes: tuple[str, ...]
    emit: bool
    path: Path
    inputs: str
    state: TreeState | None
    #: A file the ordinary path read changed after the state was taken: its plan is not kept.
    unsettled: bool = False

    @classmethod
    def start(cls, root: Path, declared: Config, config: Config, *, recipes: tuple[str, ...], emit: bool,
              services: list[str] | None, paths: list[str]) -> "Replay":
        """``declared``: the configuration as read, ``config``: bound to the repository's APIs."""
        from migrate.workspace.apis import binding_digest

        shape = _digest(SNAPSHOT_FORMAT, str(root.resolve()), recipes, emit, services or [], paths)
        inputs = _digest(__version__, CACHE_FORMAT, SNAPSHOT_FORMAT, engine_fingerprint(), sys.version,
                         repr(declared), binding_digest(config), _layout(root, config),
                         _file_digest(root / _DECISIONS))
        excluded = exclusion(config.exclude)
        state = capture(root, lambda rel: not excluded(rel))
        return cls(root, config, recipes, emit, cache_dir(root).parent / "plans" / shape, inputs, state)

    # ------------------------------------------------------------------ replay
    def plan(self) -> Plan | None:
        """The last plan of this command shape, if nothing it was made from changed."""
        if self.state is None or self.state.recent:
            return None
        collecting = gc.isenabled()
        gc.disable()  # tens of thousands of new objects, none of them garbage: no collection can pay off
        try:
            with open(self.path, "rb") as fh:
                inputs, state, blob = pickle.load(fh)
            if inputs != self.inputs or not isinstance(state, TreeState) or not state.same_tree(self.state):
                return None
            saved = pickle.loads(blob)
            cache = ResultCache(cache_dir(self.root))
            outcomes = [self._outcome(entry, saved["key_parts"], saved["manager_modules"], cache)
                        for entry in saved["outcomes"]]
        except (OSError, pickle.PickleError, EOFError, ValueError, TypeError, AttributeError, ImportError,
                KeyError):
            return None
        finally:
            if collecting:
                gc.enable()
        return Plan(root=self.root, outcomes=outcomes, files_scanned=saved["files_scanned"],
                    unreadable=saved["unreadable"], services=saved["services"],
                    workspace=DeferredWorkspace(self.root, self.config), review=saved["review"])

    def _outcome(self, entry: tuple, key_parts: tuple[str, str], manager_modules: frozenset[str],
                 cache: ResultCache) -> StoredOutcome:
        key, status, findings, reason, has_new_source, params = entry
        path, service = params[0], params[1]

        def job(source: bytes) -> Job:
            return Job(path, service, source, *params[2:4], self.recipes, self.emit, *params[4:])

        def original() -> bytes:
            for read in (self._read, index_copy):
                data = read(self.root, path)
                if data is not None and job_key(job(data), key_parts) == key:
                    return data
            raise SourceChangedError(path)

        def new_source() -> bytes | None:
            hit = cache.get(key)
            if isinstance(hit, FileResult) and hit.status == status:
                return hit.new_source
            result = transform_jobs([job(outcome.original)], self.config, manager_modules, 1)[0]  # the entry is gone
            cache.put(key, result)
            return result.new_source

        result = StoredResult(path, status, findings, reason, new_source if has_new_source else None)
        outcome = StoredOutcome(service, result, key, original)
        return outcome

    @staticmethod
    def _read(root: Path, rel: str) -> bytes | None:
        try:
            data = read_listed(root, rel)
            resolve_inside(root, rel)
        except (OSError, UnsafePathError):
            return None
        return data

    # -------------------------------------------------------------------- save
    def settle(self, path: str) -> None:
        """Called after the ordinary path read ``path``: was it changed since the state was taken?

        git compares mtimes to the second, so a file edited and edited back within a second
        while the plan was being made looks clean to it; its change time does not.
        """
        if self.state is not None and not self.unsettled:
            self.unsettled = changed_lately(path, self.state)

    @property
    def settle_after_ns(self) -> int | None:
        """``settle`` as a time: a file read that changed after it unsettles the plan (None: nothing can)."""
        return None if self.state is None or self.unsettled else settle_limit(self.state)

    def settle_conftests(self, files: list[str]) -> None:
        prefix = str(self.root) + os.sep
        for rel in files:
            if rel == CONFTEST or rel.endswith("/" + CONFTEST):
                self.settle(prefix + rel)

    def save(self, plan: Plan, jobs: list[Job], keys: list[str], key_parts: tuple[str, str],
             manager_modules: frozenset[str]) -> None:
        """Record ``plan`` (made from ``jobs``, whose results have ``keys``) for the next run."""
        decisions = self.root / _DECISIONS
        if decisions.exists():
            self.settle(str(decisions))
        if self.state is None or self.state.recent or self.unsettled:
            return
        outcomes = []
        for outcome, job, key in zip(plan.outcomes, jobs, keys):
            r = outcome.result
            params = (job.path, job.service, job.import_path, job.boundary, job.overrides, job.fixtures,
                      job.wrappers)
            outcomes.append((key, r.status, r.findings, r.reason, r.new_source is not None, params))
        saved = {"outcomes": outcomes, "files_scanned": plan.files_scanned, "unreadable": plan.unreadable,
                 "services": plan.services, "review": plan.review, "key_parts": key_parts,
                 "manager_modules": manager_modules}
        try:
            blob = pickle.dumps(saved, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PickleError, TypeError, AttributeError):
            return
        write_private(self.path, (self.inputs, self.state, blob), (self.path.parent.parent, self.path.parent))
