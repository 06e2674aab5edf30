#!/usr/bin/env python3
"""The baseline for benchmarks/bench.py: our transform run through libcst's own codemod runner.

    python benchmarks/libcst_baseline.py ROOT [--jobs 2] [--recipe R ...] [--sample K] [--seed 1] [--json]

``IdMigrateBaselineCommand`` is a ``VisitorBasedCodemodCommand`` around idmigrate's engine,
run by ``libcst.codemod.parallel_exec_transform_with_prettyprint`` (diff mode: nothing is
written) over every tracked ``.py`` file of ROOT, the way a plain libcst codemod would be run:
the runner reads and parses every file and renders every result back to code. Where the engine
would act (the file's bytes pass idmigrate's own prefilter for the ``--recipe`` recipes, default
``generator``), the command hands the bytes to ``codemods.engine.transform.transform_source``
with those recipes, so the output is byte-identical to idmigrate's. That re-parses only those
files, and the command does *not* walk a transformer over the other files (a naive command
would, and would ask for position metadata), so if anything this baseline is faster than a
truly naive one.

``--sample K`` runs on a random sample of K files, stratified so the share of files that pass
the prefilter matches the whole tree; bench.py extrapolates the runner time linearly.
The JSON line on stdout has the file counts and the timing split (setup vs runner).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

_started = time.perf_counter()

import libcst as cst  # noqa: E402
from libcst.codemod import (  # noqa: E402
    CodemodContext,
    SkipFile,
    VisitorBasedCodemodCommand,
    parallel_exec_transform_with_prettyprint,
)

from codemods.engine.transform import CHANGED, FAILED, FileSettings, transform_source  # noqa: E402
from migrate.workspace.config import load_config  # noqa: E402
from migrate.workspace.discovery import mentions_generator, prefilter_tokens  # noqa: E402

_CONFIG_CACHE: dict[str, object] = {}


def _config(root: str):
    if root not in _CONFIG_CACHE:
        _CONFIG_CACHE[root] = load_config(Path(root))
    return _CONFIG_CACHE[root]


class IdMigrateBaselineCommand(VisitorBasedCodemodCommand):
    DESCRIPTION = "UnifiedIdGenerator -> UnifiedIDManager via idmigrate's engine, under libcst's runner."

    def __init__(self, context: CodemodContext, root: str, services: dict, manager_modules: tuple,
                 api_files: tuple, recipes: tuple = ("generator",)) -> None:
        super().__init__(context)
        self.root = root
        self.recipes = tuple(recipes)
        self.services = services
        self.manager_modules = frozenset(manager_modules)
        self.api_files = frozenset(api_files)

    def transform_module_impl(self, tree: cst.Module) -> cst.Module:
        filename = self.context.filename or ""
        rel = os.path.relpath(filename, self.root).replace(os.sep, "/")
        if rel in self.api_files:
            raise SkipFile("API module")
        config = _config(self.root)
        with open(filename, "rb") as fh:
            source = fh.read()
        if not mentions_generator(source, prefilter_tokens(config.rules, self.recipes)):
            return tree
        service = rel.split("/", 1)[0] if "/" in rel else "_root"
        import_path, boundary = self.services.get(service, self.services["_default"])
        settings = FileSettings(config.rules, import_path, self.manager_modules, boundary, recipes=self.recipes)
        result = transform_source(source, rel, settings)
        if result.status == FAILED:
            self.warn(f"{rel}: {result.reason}")
        if result.status == CHANGED:
            return cst.parse_module(result.new_source)
        return tree


def _tracked_py(root: Path) -> list[str]:
    out = subprocess.run(["git", "-c", "core.quotepath=off", "ls-files", "-z", "--", "*.py"], cwd=root,
                         capture_output=True, check=True).stdout
    return sorted({os.fsdecode(p) for p in out.split(b"\0") if p})


def _service_settings(root: Path, files: list[str]) -> tuple[dict, tuple, tuple]:
    """service -> (import_path, boundary) exactly as migrate.workspace.pipeline.build_plan decides them."""
    from migrate.workspace.discovery import api_files
    from migrate.workspace.services import ServiceMap

    config = _config(str(root))
    tops = {f.split("/", 1)[0] for f in files if "/" in f}
    smap = ServiceMap(root, config, tops)
    services = {}
    for rel in files:
        svc = smap.service_of(rel)
        key = rel.split("/", 1)[0] if "/" in rel else "_root"
        if key not in services:
            import_path = smap.import_path_for(svc)
            services[key] = (import_path, smap.boundary_violation(svc, import_path))
    services["_default"] = services.get("_root") or next(iter(services.values()))
    return services, tuple(sorted(smap.manager_modules())), tuple(sorted(api_files(root, config)))


def stratified_sample(root: Path, files: list[str], k: int, seed: int,
                      tokens: tuple[bytes, ...]) -> tuple[list[str], int]:
    """K files keeping the share of files that contain one of ``tokens``; returns (sample, hits in tree)."""
    hits, rest = [], []
    for rel in files:
        with open(root / rel, "rb") as fh:
            data = fh.read()
        (hits if any(t in data for t in tokens) else rest).append(rel)
    rng = random.Random(seed)
    k = min(k, len(files))
    k_hits = min(len(hits), round(k * len(hits) / max(1, len(files))))
    return sorted(rng.sample(hits, k_hits) + rng.sample(rest, k - k_hits)), len(hits)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("root", type=Path)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--recipe", action="append", default=[], help="recipe to run (repeatable; default generator)")
    ap.add_argument("--sample", type=int, default=None, help="run on K stratified random files")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", action="store_true", help="print one JSON line with counts and timings")
    args = ap.parse_args(argv)
    root = args.root.resolve()
    recipes = tuple(args.recipe) or ("generator",)
    files = _tracked_py(root)
    total = len(files)
    hits_in_tree = None
    if args.sample:
        tokens = prefilter_tokens(_config(str(root)).rules, recipes)
        files, hits_in_tree = stratified_sample(root, files, args.sample, args.seed, tokens)
    services, manager_modules, api = _service_settings(root, files)
    setup_done = time.perf_counter()
    result = parallel_exec_transform_with_prettyprint(
        IdMigrateBaselineCommand,
        [str(root / f) for f in files],
        jobs=args.jobs,
        unified_diff=3,
        hide_progress=True,
        hide_generated=True,
        hide_blacklisted=True,
        repo_root=str(root),
        codemod_args={"root": str(root), "services": services, "manager_modules": manager_modules,
                      "api_files": api, "recipes": recipes},
    )
    finished = time.perf_counter()
    summary = {
        "files_total": total, "files_run": len(files), "sampled": bool(args.sample), "recipes": list(recipes),
        "hits_in_tree": hits_in_tree, "jobs": args.jobs,
        "successes": result.successes, "failures": result.failures, "skips": result.skips,
        "warnings": result.warnings,
        "setup_seconds": round(setup_done - _started, 3), "runner_seconds": round(finished - setup_done, 3),
    }
    if args.json:
        sys.stderr.flush()
        print("BASELINE-JSON " + json.dumps(summary), file=sys.stderr)
    else:
        print(json.dumps(summary, indent=1), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
