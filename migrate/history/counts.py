"""Count the usages left at each of the last commits, reading blobs from git (no checkout).

Commits are walked newest first along first parents: the newest tree is listed
once, and each older tree is the newer one with that commit's changes undone, so
only changed files are looked at again. A file's count depends only on its bytes
and its settings (path, service), so it is keyed by the blob id: a blob seen in an
earlier commit, or in an earlier run (``history.idx`` next to the result cache),
costs nothing. Blobs that must be transformed share the result cache with
``verify`` and ``status``, so the newest commit is usually free as well.

Every commit is judged with the current configuration and service layout.
"""

from __future__ import annotations

import os
import pickle
from dataclasses import dataclass
from pathlib import Path

from migrate import gitops
from migrate.history import gitlog
from migrate.workspace.cache import ResultCache, cache_dir, cache_key, write_private
from migrate.workspace.config import Config
from migrate.workspace.discovery import api_files, exclusion, mentions_generator, prefilter_tokens
from migrate.workspace.pipeline import Job, UsageError, transform_jobs
from migrate.workspace.services import ServiceMap

_INDEX_FORMAT = 1
#: (usages, files that could not be checked) of one file.
Count = tuple[int, int]


class HistoryError(ValueError):
    """No history can be read: one line for the user, exit 2."""


@dataclass(frozen=True)
class Point:
    commit: str
    date: str
    usages: int
    files: int
    unchecked: int

    def to_json(self) -> dict:
        return {"commit": self.commit, "date": self.date, "usages": self.usages, "files": self.files,
                "unchecked": self.unchecked}


class _Index:
    """Persistent: which blobs mention a prefilter token, and per (blob, settings) the count."""

    def __init__(self, path: Path | None, tokens: tuple[bytes, ...]) -> None:
        self.path, self.tokens = path, tokens
        self.mentions: dict[str, bool] = {}
        self.counts: dict[tuple[str, str], Count] = {}
        self.dirty = False
        if path is None:
            return
        try:
            with open(path, "rb") as fh:
                saved = pickle.load(fh)
        except (OSError, pickle.PickleError, EOFError, ValueError, TypeError, AttributeError):
            return
        if isinstance(saved, dict) and saved.get("format") == _INDEX_FORMAT and saved.get("tokens") == tokens:
            self.mentions, self.counts = saved["mentions"], saved["counts"]

    def save(self) -> None:
        if self.path is not None and self.dirty:
            data = {"format": _INDEX_FORMAT, "tokens": self.tokens, "mentions": self.mentions, "counts": self.counts}
            write_private(self.path, data, (self.path.parent,))


class _Layout:
    """Which paths count, and each one's service settings, as ``build_plan`` decides them."""

    def __init__(self, root: Path, config: Config, newest: dict[str, str], services: list[str] | None,
                 recipes: tuple[str, ...]) -> None:
        self.config, self.recipes = config, recipes
        self.service_map = ServiceMap(root, config, {p.split("/", 1)[0] for p in newest if "/" in p})
        if services:
            unknown = sorted(set(services) - set(self.service_map.names))
            if unknown:
                raise UsageError(f"unknown service {unknown[0]!r} (known: {', '.join(self.service_map.names)})")
        self.services = set(services or ())
        self.excluded = exclusion(config.exclude)
        self.api = api_files(root, config)
        self.api_dirs = tuple(
            "/".join(m.split(".")) + "/" for m in config.rules.source_modules
            if "/".join(m.split(".")) + "/__init__.py" in newest
        )
        self.manager_modules = self.service_map.manager_modules()
        self._fixed = (config.fingerprint(), ",".join(sorted(self.manager_modules)), ",".join(recipes))
        self._by_service: dict[str, tuple[str, str, str | None]] = {}

    def wanted(self, path: str) -> bool:
        if not path.endswith(".py") or self.excluded(path) or path in self.api:
            return False
        if self.api_dirs and path.startswith(self.api_dirs):
            return False
        return not self.services or self.service_map.service_of(path).name in self.services

    def settings(self, path: str) -> tuple[str, str, str | None]:
        """(service, import path, boundary problem) of a file."""
        service = self.service_map.service_of(path)
        found = self._by_service.get(service.name)
        if found is None:
            import_path = self.service_map.import_path_for(service)
            found = self._by_service[service.name] = (
                service.name, import_path, self.service_map.boundary_violation(service, import_path))
        return found

    def cache_parts(self, path: str) -> tuple[str, ...]:
        """Everything ``build_plan`` keys a scan-only result on, apart from the file's bytes."""
        _, import_path, boundary = self.settings(path)
        config_print, managers, recipes = self._fixed
        return (config_print, path, import_path, boundary or "", managers, recipes, "scan")


def _trees(log: list[gitlog.LogEntry], newest: dict[str, str], wanted) -> list[dict[str, str | None]]:
    """Per commit, newest first: the wanted files that differ from the newer commit (all, for the newest)."""
    deltas: list[dict[str, str | None]] = [{p: b for p, b in newest.items() if wanted(p)}]
    for entry in log[:-1]:  # undoing a commit's changes gives its first parent: the next entry
        deltas.append({
            path: None if status == "A" or set(old) == {"0"} else old
            for old, _new, status, path in entry.changes if wanted(path)
        })
    return deltas


def count_history(root: Path, config: Config, *, limit: int | None = None, since: str | None = None,
                  services: list[str] | None = None, recipes: tuple[str, ...] = ("generator",),
                  workers: int | None = None, use_cache: bool = True, progress_factory=None) -> list[Point]:
    try:
        repo = gitops.open_repo(root)
    except gitops.GitError as exc:
        raise HistoryError(f"--history needs git: {exc}") from None
    try:
        log = gitlog.first_parent_log(repo, limit, since)
        if not log:
            return []
        newest = gitlog.tree_files(repo, log[0].commit)
        layout = _Layout(root, config, newest, services, recipes)
        deltas = _trees(log, newest, layout.wanted)
        cache_root = cache_dir(root) if use_cache else None
        tokens = prefilter_tokens(config.rules, recipes)
        index = _Index(cache_root.parent / "history.idx" if cache_root else None, tokens)
        counts = _count_pairs(repo, layout, index, ResultCache(cache_root), deltas, tokens, workers,
                              progress_factory)
        index.save()
    except gitops.GitError as exc:
        raise HistoryError(str(exc)) from None
    finally:
        repo.close()
    return _totals(log, deltas, counts)


def _count_pairs(repo, layout: _Layout, index: _Index, cache: ResultCache, deltas, tokens, workers,
                 progress_factory) -> dict[tuple[str, str], Count]:
    """(path, blob) -> count for every file version in ``deltas``."""
    pairs = {(path, blob) for delta in deltas for path, blob in delta.items() if blob is not None}
    settings: dict[str, str] = {}  # path -> its settings' digest, for files that may have usages
    counts: dict[tuple[str, str], Count] = {}
    todo = []
    for path, blob in pairs:
        if index.mentions.get(blob) is False:
            counts[(path, blob)] = (0, 0)
            continue
        if path not in settings:
            settings[path] = cache_key(b"", *layout.cache_parts(path))
        if (blob, settings[path]) in index.counts:
            counts[(path, blob)] = index.counts[(blob, settings[path])]
        else:
            todo.append((path, blob))
    sources = gitops.read_blobs(repo, sorted({blob for _, blob in todo})) if todo else {}
    jobs, keys = [], []
    for path, blob in sorted(todo):
        data = sources.get(blob, b"")
        if not mentions_generator(data, tokens):
            index.mentions[blob] = False
            counts[(path, blob)] = (0, 0)
            continue
        index.mentions[blob] = True
        service, import_path, boundary = layout.settings(path)
        key = cache_key(data, *layout.cache_parts(path))
        result = cache.get(key)
        if result is not None:
            counts[(path, blob)] = _count(result)
            continue
        jobs.append(Job(path, service, data, import_path, boundary, layout.recipes, False))
        keys.append((key, path, blob))
    index.dirty = bool(todo)
    if jobs:
        progress = progress_factory(len(jobs)) if progress_factory else None

        def arrived(i: int, result) -> None:
            key, path, blob = keys[i]
            cache.put(key, result)
            counts[(path, blob)] = _count(result)
            if progress:
                progress(1)

        transform_jobs(jobs, layout.config, layout.manager_modules, workers or os.cpu_count() or 1, arrived)
    for path, blob in todo:
        if index.mentions.get(blob):
            index.counts[(blob, settings[path])] = counts[(path, blob)]
    return counts


def _count(result) -> Count:
    return len(result.findings), int(result.status in ("skipped", "failed"))


def _totals(log, deltas, counts) -> list[Point]:
    per_path: dict[str, Count] = {}
    usages = files = unchecked = 0
    points = []
    for entry, delta in zip(log, deltas):
        for path, blob in delta.items():
            old = per_path.pop(path, (0, 0))
            new = counts[(path, blob)] if blob is not None else (0, 0)
            usages += new[0] - old[0]
            files += (new[0] > 0) - (old[0] > 0)
            unchecked += new[1] - old[1]
            if blob is not None:
                per_path[path] = new
        points.append(Point(entry.commit, entry.date, usages, files, unchecked))
    return points
