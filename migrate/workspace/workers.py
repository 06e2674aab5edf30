"""The worker processes that transform files, or the one process when a pool does not pay.

A plan of a big tree forks its pool before it reads the tree (``WorkerPool.start``): the
workers then match parts of the tree and scan parts of it for parser wrappers beside the
parent (``map_parts``), and import the engine (libcst, black) while the parent finishes,
a phase in which the other cores would otherwise idle. A pool forked only when the first
transform needs it imports the engine once, in the parent, just before forking.
"""

from __future__ import annotations

import gc
from typing import Callable

from migrate.workspace.config import Config
from migrate.workspace.errors import WorkerCrashError

#: Below this many files a process pool costs more than it saves.
PARALLEL_THRESHOLD = 8
#: Tasks per worker: small tasks keep the workers' finishing times close (a file takes
#: ~15 ms), and each costs well under a millisecond to hand over.
_CHUNKS_PER_WORKER = 32
#: Cyclic garbage collection while transforming: libcst allocates hundreds of thousands of
#: short-lived nodes per file, almost none in cycles, and the default first threshold (700)
#: runs a collection every few hundred of them (~10-15% of the CPU time). Memory stays the same.
_GC_THRESHOLD = (50_000, 20, 20)


def _run_jobs(jobs: list, config: Config, manager_modules: frozenset[str]) -> list:
    from codemods.engine.transform import FileSettings, transform_source

    out = []
    threshold = gc.get_threshold()
    gc.set_threshold(*_GC_THRESHOLD)
    try:
        for job in jobs:
            settings = FileSettings(config.rules, job.import_path, manager_modules, job.boundary, job.recipes,
                                    job.emit, overrides=job.overrides, fixtures=job.fixtures,
                                    wrappers=job.wrappers)
            out.append(transform_source(job.source, job.path, settings))
    finally:
        gc.set_threshold(*threshold)
    return out


def _warm_up() -> None:
    """What a worker forked early imports before its first file (black: most files lay out a statement)."""
    import black  # noqa: F401

    import codemods.engine.transform  # noqa: F401


def _chunks(items: list, count: int) -> list[list]:
    size = max(1, -(-len(items) // count))
    return [items[i:i + size] for i in range(0, len(items), size)]


def _result(future, when: str):
    """The task's result; a worker that died is one line (every unfinished task fails alike, so the
    culprit is unknown)."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        return future.result()
    except BrokenProcessPool:
        raise WorkerCrashError(f"a worker process died (killed, out of memory, or a crash in native code) "
                               f"{when}; nothing was written") from None


class WorkerPool:
    """``workers`` processes for one plan's transforms, forked at ``start`` or at the first
    transform that needs them, and shut down by ``close`` (or the ``with`` block)."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._executor = None
        #: Forked early, the workers still have to import the engine (queued behind ``map_parts``' parts).
        self._cold = False

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def start(self) -> None:
        """Fork now: the workers take parts of ``map_parts``, then import the engine."""
        if self.workers > 1 and self._executor is None:
            self._fork(warm=True)

    def map_parts(self, fn: Callable, items: list, *args) -> list:
        """``[fn(part, *args) for part in parts]``, ``items`` cut into one part per worker when the
        pool is forked (the first part done here meanwhile), else into one part."""
        parts = [items] if self._executor is None or len(items) < 2 * self.workers else _chunks(items, self.workers)
        futures = [self._executor.submit(fn, part, *args) for part in parts[1:]]
        if self._cold:  # queued behind the parts, so that those start at once
            self._cold = False
            for _ in range(self.workers):
                self._executor.submit(_warm_up)
        return [fn(parts[0], *args), *(_result(future, "while reading the tree") for future in futures)]

    def _fork(self, warm: bool) -> None:
        # Imported here, not at the top: a run with nothing to transform needs none of them.
        from concurrent.futures import ProcessPoolExecutor
        from multiprocessing import get_context

        # Keep what the workers inherit out of their garbage collections (the Python docs'
        # advice for fork without exec): less to scan, fewer copy-on-write pages.
        gc.freeze()
        self._executor = ProcessPoolExecutor(max_workers=self.workers, mp_context=get_context("fork"))
        self._executor.submit(int)  # a pool forks at its first task: now
        self._cold = warm

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(cancel_futures=True)
            self._executor = None
            gc.unfreeze()

    def transform(self, jobs: list, config: Config, manager_modules: frozenset[str],
                  arrived: Callable[[int, list], None]) -> list:
        """Results of ``jobs`` in job order; ``arrived(start, results)`` as each task's come in."""
        if self.workers <= 1 or len(jobs) < PARALLEL_THRESHOLD:
            results = []
            for i, job in enumerate(jobs):
                results.extend(_run_jobs([job], config, manager_modules))
                arrived(i, results[-1:])
            return results
        if self._executor is None:
            # Import libcst once, before forking: every worker inherits it instead of importing it again.
            import codemods.engine.transform  # noqa: F401

            self._fork(warm=False)
        results: list = []
        futures = [self._executor.submit(_run_jobs, chunk, config, manager_modules)
                   for chunk in _chunks(jobs, self.workers * _CHUNKS_PER_WORKER)]
        for future in futures:
            done = _result(future, f"with {len(jobs) - len(results)} of {len(jobs)} files unfinished")
            arrived(len(results), done)
            results.extend(done)
        return results


def transform_jobs(
    jobs: list, config: Config, manager_modules: frozenset[str], workers: int,
    on_result: Callable[[int, object], None] | None = None, pool: WorkerPool | None = None,
) -> list:
    """Run the engine over ``jobs`` (in ``pool``, else in a pool of ``workers`` made for them when
    it pays); results keep job order.

    ``on_result(i, result)`` is called as each result arrives (a progress bar, a cache
    write), so that work overlaps the workers still transforming.
    """
    def arrived(start: int, results: list) -> None:
        if on_result:
            for offset, result in enumerate(results):
                on_result(start + offset, result)

    if pool is not None:
        return pool.transform(jobs, config, manager_modules, arrived)
    with WorkerPool(workers) as own:
        return own.transform(jobs, config, manager_modules, arrived)
