"""Discover -> prefilter -> (cache | parallel transform) -> results, for every CLI verb.

``build_plan`` is the one entry point: scan, diff, apply, report, verify and run
all look at the same ``Plan``, so they can never disagree about what changes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from migrate.workspace.apis import binding_digest, bind_to_repo
from migrate.workspace.cache import PrefilterIndex, ResultCache, cache_dir, cache_key
from migrate.workspace.config import Config
from codemods.core.recipes import DEFAULT_RECIPES, RECIPES
from codemods.core.results import CHANGED
from codemods.generator.around.wrappers import ParserWrappers, find_all_wrappers, scan_wrappers
from migrate.workspace.discovery import ConftestFixtures, narrow, prefilter_tokens, scan_conftests
from migrate.workspace.errors import UsageError
from migrate.workspace.matching import Matches, Prefilter, match_files
from migrate.workspace.workers import WorkerPool, transform_jobs
from migrate.workspace.workspace import Workspace

#: A tree of this many files forks its workers before reading itself (``WorkerPool.start``),
#: unless its prefilter index already knows most files: reading 2,000 files takes ~60 ms,
#: about what the workers need to import the engine.
EARLY_FORK_FILES = 2_000


@dataclass
class Outcome:
    """One file's engine result plus where it belongs."""

    service: str
    result: object  # codemods.core.results.FileResult
    original: bytes = b""
    #: The result's key in the result cache ("" when the plan used no cache).
    key: str = ""
    #: The file's patch, rendered as its result arrived (``build_plan(patches=True)``), else None.
    patch: bytes | None = None

    @property
    def path(self) -> str:
        return self.result.path


@dataclass
class Plan:
    root: Path
    outcomes: list[Outcome] = field(default_factory=list)
    files_scanned: int = 0
    #: (path, reason) for files that could not even be read.
    unreadable: list[tuple[str, str]] = field(default_factory=list)
    services: list[str] = field(default_factory=list)
    #: What the plan was made from (None for a plan of a hand-picked list of outcomes).
    workspace: Workspace | None = None
    #: The review decisions and what became of them (``migrate.review.honour.ReviewState``).
    review: object = None

    def by_status(self, status: str) -> list[Outcome]:
        return [o for o in self.outcomes if o.result.status == status]

    @property
    def changed(self) -> list[Outcome]:
        return self.by_status("changed")


@dataclass(frozen=True)
class Job:
    path: str
    service: str
    source: bytes
    import_path: str
    boundary: str | None
    recipes: tuple[str, ...] = DEFAULT_RECIPES
    emit: bool = True
    #: Review decisions for the file's sites (``FileSettings.overrides``).
    overrides: tuple[tuple[int, int, str, str], ...] = ()
    #: Generator fixtures of the conftest.py files above the file.
    fixtures: tuple[str, ...] = ()
    #: The repository's parser wrappers the file names (``FileSettings.wrappers``).
    wrappers: tuple = ()


def resolve_paths(root: Path, paths: list[str]) -> list[str]:
    """``--path`` values as ROOT-relative posix paths; anything outside ROOT is refused."""
    out = []
    real_root = root.resolve()
    for raw in paths:
        candidate = Path(raw)
        full = (candidate if candidate.is_absolute() else Path.cwd() / candidate)
        if not full.exists():
            full = root / candidate
        resolved = full.resolve()
        if resolved != real_root and real_root not in resolved.parents:
            raise UsageError(f"--path {raw!r} is outside {root}")
        if not resolved.exists():
            raise UsageError(f"--path {raw!r} does not exist")
        out.append(resolved.relative_to(real_root).as_posix())
    return out


def _matching_files(workspace: Workspace, files: list[str], wanted, prefilter: Prefilter, pool: WorkerPool,
                    plan: Plan | None, index: PrefilterIndex, replay) -> list[tuple[str, bytes]]:
    """(path, bytes) of the listed files the prefilter keeps (``match_files``, in parts when the pool
    is forked); what could not be read goes to ``plan`` (None: not this plan's to report)."""
    skip = workspace.api_files
    todo = [rel for rel in files if rel not in skip and (wanted is None or wanted(rel))]
    matches = Matches()
    for part in pool.map_parts(match_files, todo, prefilter):
        matches.extend(part)
    if plan is not None:
        plan.unreadable += matches.unreadable
    index.absorb(matches.clean)
    if replay is not None and matches.unsettled:
        replay.unsettled = True
    return matches.files


def build_plan(
    root: Path,
    config: Config,
    *,
    services: list[str] | None = None,
    paths: list[str] | None = None,
    workers: int | None = None,
    use_cache: bool = True,
    progress_factory=None,
    recipes: tuple[str, ...] = DEFAULT_RECIPES,
    emit: bool = True,
    patches: bool = False,
) -> Plan:
    """The plan for ROOT. ``emit=False`` (``verify``) skips generating the rewritten
    sources: findings and statuses only, cached separately from full plans. ``patches``
    (``diff``): each changed file's patch is rendered as its result arrives, while the
    workers still transform, instead of all of them at the end."""
    unknown_recipes = [r for r in recipes if r not in RECIPES]
    if unknown_recipes:
        raise UsageError(f"unknown recipe {unknown_recipes[0]!r} (known: {', '.join(RECIPES)})")
    declared, config = config, bind_to_repo(root, config, use_cache=use_cache)
    rel_paths = resolve_paths(root, paths or [])
    replay = None
    if use_cache:  # nothing changed since the last plan of this command: that plan, without a per-file pass
        from migrate.workspace.replay.snapshot import Replay

        replay = Replay.start(root, declared, config, recipes=tuple(recipes), emit=emit, services=services,
                              paths=rel_paths)
        replayed = replay.plan()
        if replayed is not None:
            return replayed
    with WorkerPool(workers or os.cpu_count() or 1) as pool:
        return _fresh_plan(root, config, services, rel_paths, pool, use_cache, progress_factory, recipes, emit,
                           patches, replay)


def _fresh_plan(root: Path, config: Config, services: list[str] | None, rel_paths: list[str], pool: WorkerPool,
                use_cache: bool, progress_factory, recipes: tuple[str, ...], emit: bool, patches: bool,
                replay) -> Plan:
    """``build_plan`` when the last plan cannot be replayed: read the tree, transform what the cache lacks."""
    workspace = Workspace.open(root, config)
    service_map = workspace.services
    if services:
        unknown = sorted(set(services) - set(service_map.names))
        if unknown:
            raise UsageError(f"unknown service {unknown[0]!r} (known: {', '.join(service_map.names)})")
    files = narrow(workspace.files, rel_paths)
    plan = Plan(root=root, files_scanned=len(files), services=service_map.names, workspace=workspace)
    tokens = prefilter_tokens(config.rules, recipes)
    # Unnarrowed: a --path below tests/ still sees the fixtures of tests/conftest.py.
    fixtures = scan_conftests(root, workspace.files, config.rules) if "generator" in recipes else ConftestFixtures()
    if replay is not None and "generator" in recipes:
        replay.settle_conftests(workspace.files)
    manager_modules = service_map.manager_modules()
    jobs: list[Job] = []
    cache_root = cache_dir(root) if use_cache else None
    index = PrefilterIndex(cache_root.parent / "prefilter.idx" if cache_root else None,
                           (*tokens, *fixtures.signature()))
    if len(files) >= EARLY_FORK_FILES and len(index.entries) < len(files) // 2:
        pool.start()
    wanted = (lambda rel: service_map.service_of(rel).name in services) if services else None
    prefilter = Prefilter(root, tokens, fixtures, index.entries, replay.settle_after_ns if replay else None)
    matched = _matching_files(workspace, files, wanted, prefilter, pool, plan, index, replay)
    cache = ResultCache(cache_root)
    key_parts = (config.fingerprint() + binding_digest(config), ",".join(sorted(manager_modules)))
    wrappers = _parser_wrappers(workspace, matched, files, wanted, prefilter, pool, index, replay, cache,
                                key_parts[0]) if "generator" in recipes else ParserWrappers()
    for rel, data in matched:
        service = service_map.service_of(rel)
        import_path = service_map.import_path_for(service)
        boundary = service_map.boundary_violation(service, import_path)
        jobs.append(Job(rel, service.name, data, import_path, boundary, tuple(recipes), emit,
                        fixtures=fixtures.for_path(rel), wrappers=wrappers.for_source(data)))

    index.save()

    def transform(todo: list[Job]) -> tuple[list, list[str], list]:
        return _transform_cached(todo, cache, key_parts, config, manager_modules, pool, progress_factory,
                                 patches)

    results, keys, rendered = transform(jobs)
    plan.outcomes = [Outcome(job.service, result, job.source, key if use_cache else "", patch)
                     for job, result, key, patch in zip(jobs, results, keys, rendered)]
    from migrate.review.honour import honour_decisions  # it builds on the plan's fingerprints

    def rerun(overrides: dict[int, tuple]) -> None:
        """Transform outcomes again with the review decisions for their sites."""
        order = sorted(overrides)
        todo = [replace(jobs[i], overrides=overrides[i]) for i in order]
        for i, job, result, key, patch in zip(order, todo, *transform(todo)):
            jobs[i], keys[i] = job, key
            plan.outcomes[i].result = result
            plan.outcomes[i].key = key if use_cache else ""
            plan.outcomes[i].patch = patch

    plan.review = honour_decisions(plan, rerun, scoped=bool(services or rel_paths), use_cache=use_cache)
    if replay is not None:
        replay.save(plan, jobs, keys, key_parts, manager_modules)
    return plan


def _parser_wrappers(workspace: Workspace, matched: list[tuple[str, bytes]], files: list[str], wanted,
                     prefilter: Prefilter, pool: WorkerPool, index: PrefilterIndex, replay, cache: ResultCache,
                     rules_key: str) -> ParserWrappers:
    """The repository's parser wrappers: a wrapper mentions the generator, so the files the
    prefilter matched hold every one, unless ``--path``/``--service`` left some out: those are
    read too (their problems are not this plan's to report). Each file's are cached by its bytes,
    and the files to parse are parsed in parts (``WorkerPool.map_parts``)."""
    sources = matched
    if wanted is not None or len(files) != len(workspace.files):
        scoped = set(files) if wanted is None else {rel for rel in files if wanted(rel)}
        outside = [rel for rel in workspace.files if rel not in scoped]
        sources = [*matched, *_matching_files(workspace, outside, None, prefilter, pool, None, index, replay)]
    rules = workspace.config.rules
    return scan_wrappers(sources, rules, prefilter.fixtures.for_path, cache,
                         lambda rel, data, names: cache_key(data, "parser-wrappers", rules_key, rel, ",".join(names)),
                         lambda todo: [found for part in pool.map_parts(find_all_wrappers, todo, rules)
                                       for found in part])


def job_key(job: Job, key_parts: tuple[str, str]) -> str:
    """The result cache's key for ``job``: its bytes and everything that can change its result."""
    return cache_key(job.source, key_parts[0], job.path, job.import_path, job.boundary or "", key_parts[1],
                     ",".join(job.recipes), "emit" if job.emit else "scan",
                     ",".join(job.fixtures), repr(job.wrappers), *((repr(job.overrides),) if job.overrides else ()))


def _transform_cached(jobs: list[Job], cache: ResultCache, key_parts: tuple[str, str], config: Config,
                      manager_modules: frozenset[str], pool: WorkerPool, progress_factory,
                      patches: bool = False) -> tuple[list, list[str], list]:
    """Results for ``jobs`` (in order) from the cache, transforming (and caching) the misses; their
    keys; and with ``patches``, the patch of each changed miss (None for the rest)."""
    keys = [job_key(j, key_parts) for j in jobs]
    results: list = [cache.get(k) for k in keys]
    rendered: list = [None] * len(jobs)
    misses = [i for i, r in enumerate(results) if r is None]
    if misses:
        progress = progress_factory(len(misses)) if progress_factory else None
        from migrate.output.diffing import file_patch

        def arrived(k: int, result) -> None:
            i = misses[k]
            results[i] = result
            cache.put(keys[i], result)
            if patches and result.status == CHANGED and result.new_source is not None:
                rendered[i] = file_patch(result.path, jobs[i].source, result.new_source,
                                         cache if cache.directory is not None else None, keys[i])
            if progress:
                progress(1)

        transform_jobs([jobs[i] for i in misses], config, manager_modules, pool.workers, arrived, pool)
    return results, keys, rendered
