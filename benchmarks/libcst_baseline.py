#!/usr/bin/env python3
"""The baselines for benchmarks/bench.py: libcst's own codemod runner, over every tracked file.

    python benchmarks/libcst_baseline.py ROOT [--mode naive|engine] [--jobs 2] [--recipe R ...]
                                              [--sample K] [--seed 1] [--json]

Both modes run a ``VisitorBasedCodemodCommand`` under
``libcst.codemod.parallel_exec_transform_with_prettyprint`` (diff mode: nothing is written) over
every tracked ``.py`` file of ROOT: the runner reads and parses every file, hands it to the
command, renders the result back to code and diffs it. Where a file has work for the ``--recipe``
recipes (default ``generator``), the command hands its bytes to idmigrate's engine
(``codemods.engine.transform.transform_source``, after idmigrate's own prefilter test), so the
output is byte-identical to idmigrate's in both modes. They differ in how a file is found:

``naive`` (what the speed targets are measured against): ``NaiveBaselineCommand`` is the codemod
a libcst user writes from libcst's docs. Its ``leave_Import`` / ``leave_ImportFrom`` /
``leave_Call`` / ``leave_Attribute`` hooks test every such node of every file with
``libcst.matchers`` for the recipes' names (``naive_matchers``), so every tree is walked by a
transformer. It asks for no metadata: a command that resolved names with
``QualifiedNameProvider`` (what a careful one would do) would be slower still, so this is the
cheap end of naive.

``engine``: ``IdMigrateBaselineCommand`` tests the file's bytes with idmigrate's prefilter and
returns any other tree without walking it, so it is faster than a naive codemod: the stricter
baseline.

``--sample K`` runs on a random sample of K files, stratified so the share of files that pass
the prefilter matches the whole tree (the same files in both modes for the same seed);
bench.py extrapolates the runner time linearly. The JSON line on stderr has the file counts
and the timing split (setup vs runner).
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
import libcst.matchers as m  # noqa: E402
from libcst.codemod import (  # noqa: E402
    CodemodContext,
    SkipFile,
    VisitorBasedCodemodCommand,
    parallel_exec_transform_with_prettyprint,
)

from codemods.engine.transform import CHANGED, FAILED, FileSettings, transform_source  # noqa: E402
from codemods.generator.rules import GENERATOR_CLASS, MODULE_HELPERS  # noqa: E402
from migrate.workspace.config import load_config  # noqa: E402
from migrate.workspace.discovery import mentions_generator, prefilter_tokens  # noqa: E402

_CONFIG_CACHE: dict[str, object] = {}


def _config(root: str):
    if root not in _CONFIG_CACHE:
        _CONFIG_CACHE[root] = load_config(Path(root))
    return _CONFIG_CACHE[root]


class IdMigrateBaselineCommand(VisitorBasedCodemodCommand):
    """``--mode engine``: idmigrate's prefilter decides, and no tree is walked."""

    DESCRIPTION = "UnifiedIdGenerator -> UnifiedIDManager via idmigrate's engine, under libcst's runner."

    def __init__(self, context: CodemodContext, root: str, services: dict, manager_modules: tuple,
                 api_files: tuple, recipes: tuple = ("generator",)) -> None:
        super().__init__(context)
        self.root = root
        self.recipes = tuple(recipes)
        self.services = services
        self.manager_modules = frozenset(manager_modules)
        self.api_files = frozenset(api_files)

    def _rel(self) -> str:
        rel = os.path.relpath(self.context.filename or "", self.root).replace(os.sep, "/")
        if rel in self.api_files:
            raise SkipFile("API module")
        return rel

    def transform_module_impl(self, tree: cst.Module) -> cst.Module:
        return self.hand_to_engine(self._rel(), tree)

    def hand_to_engine(self, rel: str, tree: cst.Module) -> cst.Module:
        """The file as idmigrate would leave it: its prefilter test, then its engine on the file's bytes."""
        config = _config(self.root)
        with open(self.context.filename, "rb") as fh:
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


# --------------------------------------------------------------------------- the naive codemod
def _one_of(options: list):
    return options[0] if len(options) == 1 else m.OneOf(*options)


def _dotted(name: str):
    """The matcher of a dotted name as libcst parses it (``a.b.c``: Attribute(Attribute(a, b), c))."""
    head, _, tail = name.rpartition(".")
    return m.Attribute(value=_dotted(head), attr=m.Name(tail)) if head else m.Name(tail)


def _among(alias):
    """An import list holding ``alias`` (``from x import a, b as c``)."""
    return [m.ZeroOrMore(), alias, m.ZeroOrMore()]


def _generator_matchers(rules) -> dict:
    """``UnifiedIdGenerator``, the package's helpers and source modules, the rule table's members."""
    cls = m.Name(GENERATOR_CLASS)
    names = _one_of([cls, *(m.Name(h) for h in MODULE_HELPERS)])
    modules = _one_of([_dotted(mod) for mod in rules.source_modules])
    members = _one_of([m.Name(member) for member in rules.members])
    # ``from shared import id_generation``: a source module imported from its package
    packages = [m.ImportFrom(module=_dotted(head), names=_among(m.ImportAlias(name=m.Name(tail))))
                for head, _, tail in (mod.rpartition(".") for mod in rules.source_modules) if head]
    return {
        "Import": m.Import(names=_among(m.ImportAlias(name=modules))),
        "ImportFrom": _one_of([m.ImportFrom(module=modules),
                               m.ImportFrom(names=_among(m.ImportAlias(name=names))), *packages]),
        "Call": m.Call(func=names | m.Attribute(attr=names)
                       | m.Attribute(value=cls | m.Attribute(attr=cls), attr=members)),
        "Attribute": m.Attribute(value=cls) | m.Attribute(attr=cls) | m.Attribute(value=modules),
    }


def _uuid_matchers(rules) -> dict:
    """``uuid4()`` / ``uuid.uuid4()`` calls and imports of ``uuid``."""
    uuid4 = m.Name("uuid4")
    return {
        "Import": m.Import(names=_among(m.ImportAlias(name=m.Name("uuid")))),
        "ImportFrom": m.ImportFrom(module=m.Name("uuid")),
        "Call": m.Call(func=uuid4 | m.Attribute(attr=uuid4)),
    }


#: What the naive codemod looks for, per recipe.
NAIVE_MATCHERS = {"generator": _generator_matchers, "adhoc-ids": _uuid_matchers, "test-ids": _uuid_matchers}
_MATCHER_CACHE: dict[tuple, dict] = {}


def naive_matchers(root: str, recipes: tuple[str, ...]) -> dict:
    """Node type -> the matcher its ``leave_`` hook tests, for these recipes (built once per process)."""
    key = (root, recipes)
    if key not in _MATCHER_CACHE:
        rules, by_type = _config(root).rules, {}
        for recipe in recipes:
            for node_type, matcher in NAIVE_MATCHERS[recipe](rules).items():
                by_type.setdefault(node_type, []).append(matcher)
        _MATCHER_CACHE[key] = {node_type: _one_of(found) for node_type, found in by_type.items()}
    return _MATCHER_CACHE[key]


class NaiveBaselineCommand(IdMigrateBaselineCommand):
    """``--mode naive``: every file is walked, and its nodes are tested with ``libcst.matchers``.

    A transformer as libcst's docs teach one: each ``leave_`` hook tests the node against the
    recipes' names and would rewrite it there. Instead of rewriting, a match marks the file,
    and a marked file goes to idmigrate's engine (``hand_to_engine``) so the output is idmigrate's.
    """

    def __init__(self, context: CodemodContext, **kwargs) -> None:
        super().__init__(context, **kwargs)
        self.matchers = naive_matchers(self.root, self.recipes)
        self.found = False

    def transform_module_impl(self, tree: cst.Module) -> cst.Module:
        rel = self._rel()
        self.found = False
        walked = tree.visit(self)
        return self.hand_to_engine(rel, walked) if self.found else walked

    def _test(self, node_type: str, node: cst.CSTNode) -> None:
        matcher = self.matchers.get(node_type)
        if matcher is not None and m.matches(node, matcher):
            self.found = True

    def leave_Import(self, original_node: cst.Import, updated_node: cst.Import) -> cst.Import:
        self._test("Import", updated_node)
        return updated_node

    def leave_ImportFrom(self, original_node: cst.ImportFrom, updated_node: cst.ImportFrom) -> cst.ImportFrom:
        self._test("ImportFrom", updated_node)
        return updated_node

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.Call:
        self._test("Call", updated_node)
        return updated_node

    def leave_Attribute(self, original_node: cst.Attribute, updated_node: cst.Attribute) -> cst.Attribute:
        self._test("Attribute", updated_node)
        return updated_node


COMMANDS = {"naive": NaiveBaselineCommand, "engine": IdMigrateBaselineCommand}


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
    ap.add_argument("--mode", choices=sorted(COMMANDS), default="naive",
                    help="naive: a matcher-based codemod walks every file (default); engine: idmigrate's prefilter")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--recipe", action="append", default=[], choices=sorted(NAIVE_MATCHERS),
                    help="recipe to run (repeatable; default generator)")
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
        COMMANDS[args.mode],
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
        "mode": args.mode, "files_total": total, "files_run": len(files), "sampled": bool(args.sample),
        "recipes": list(recipes), "hits_in_tree": hits_in_tree, "jobs": args.jobs,
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
