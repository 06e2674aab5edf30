#!/usr/bin/env python3
"""Benchmark idmigrate on generated monorepos. See benchmarks/README.md.

    python benchmarks/bench.py [--files 10000] [--also 50000] [--jobs 2] [--affected 250] [--uuid-ratio 0.17]
                               [--baseline-sample [SIZE:]K] [--baseline-mode both|naive|engine] [--repeat 3]
                               [--step-budget 60] [--no-uuid]

For each size it generates (or reuses) a tree with ``generate_monorepo.py``, then times, as
subprocesses of the installed ``idmigrate`` console script, wall clock, best of ``--repeat``
(a step stops repeating once its runs took ``--step-budget`` seconds):

  scan (cold)             results cache and prefilter index removed before each run (page cache warm)
  diff (cold)             idem; the patch is checked with ``git apply --check``
  scan (no change)        re-run with a warm cache and no edits
  diff (no change)        idem: "the no-change re-run"
  apply (cold)            on a copy of the tree, reset with ``git reset --hard`` + cache removed between runs
  uuid scan (cold)        ``scan --recipe adhoc-ids --recipe test-ids``, cold
  uuid scan (no change)   idem, warm

and for each recipe group the parse floor (``libcst.parse_module`` of the files holding its
usages, on ``--jobs`` processes) and libcst's own runner (``libcst_baseline.py``, ``jobs=--jobs``)
in its two modes: ``naive``, a matcher-based codemod walking every file, which the targets are
measured against, and ``engine``, idmigrate's prefilter under the runner (the stricter ratio);
over every tracked file, or over a stratified sample of K files with the runner time scaled by
N/K. It prints, per tree, the step table with ratios against both runners, the targets (met /
missed) and the checks (sites counted vs written, the patch applies, ``apply`` changes what
``scan`` said, both runners wrote the same diff), and writes everything to a JSON file.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import generate_monorepo  # noqa: E402
from timing.measure import CHILD_CWD, CHILD_ENV, Step  # noqa: E402
from timing.report import environment, summary, targets  # noqa: E402
from timing.diffs import compare  # noqa: E402
from timing.steps import (  # noqa: E402
    BASELINE_MODES, RECIPE_ARGS, baseline, baseline_sample_for, clear_cache, git, idmigrate_cmd, log, parse_floor,
    run_step, warm_page_cache,
)


def ensure_tree(workdir: Path, n: int, affected: int, uuid_files: int, seed: int, reuse: bool) -> tuple[Path, dict]:
    tree = workdir / f"n{n}-a{affected}-u{uuid_files}-s{seed}"
    manifest_path = tree / ".idmigrate-bench.json"
    if reuse and manifest_path.is_file() and (tree / ".git").is_dir():
        manifest = json.loads(manifest_path.read_text())
        same = (manifest.get("version") == generate_monorepo.VERSION and manifest.get("files") == n
                and manifest.get("affected_files") == affected and manifest.get("uuid_files") == uuid_files
                and manifest.get("size_scale") == 1.0)
        if same and not git(tree, "status", "--porcelain"):
            log(f"reusing {tree}")
            return tree, manifest
    shutil.rmtree(tree, ignore_errors=True)
    log(f"generating {n} files ({affected} use the generator, {uuid_files} uuid4 IDs) in {tree}")
    manifest = generate_monorepo.generate(n, tree, affected=affected, uuid_files=uuid_files, seed=seed)
    log(f"generated in {manifest['seconds_total']:.1f} s ({manifest['bytes'] / 1e6:.0f} MB of .py, "
        f"commit {manifest['commit'][:12]})")
    return tree, manifest


def _scan_counts(path: Path) -> dict:
    summary_ = json.loads(path.read_text())
    return {"files_scanned": summary_.get("files_scanned"), "files_to_change": summary_.get("files_to_change"),
            "sites": (summary_.get("totals") or {}).get("all", 0), "totals": summary_.get("totals"),
            "skipped": len(summary_.get("skipped") or []), "failed": len(summary_.get("failed") or [])}


def _check_sites(label: str, counted: int, written: int, known_gap: int = 0) -> None:
    if counted == written:
        return
    gap = f" ({known_gap} of them are calls through a pytest fixture parameter)" if known_gap else ""
    log(f"WARNING: {label} counted {counted} sites, the generator wrote {written}{gap}")


def bench_generator(args, tree: Path, manifest: dict, info: dict, steps: list[Step]) -> None:
    idm, jobs, workdir = idmigrate_cmd(), ["-j", str(args.jobs)], args.workdir
    budget, cold = args.step_budget, (lambda: clear_cache(tree))
    scan_out = workdir / f"{tree.name}-scan.json"
    steps.append(run_step("scan (cold)", idm + ["scan", str(tree), "--json"] + jobs, args.repeat, budget=budget,
                          before=cold, stdout_path=scan_out))
    info["scan"] = _scan_counts(scan_out)
    _check_sites("scan", info["scan"]["sites"], manifest["generator_sites"], manifest["generator_sites_via_fixture"])
    if info["scan"]["files_scanned"] != manifest["files"]:
        log(f"WARNING: scan saw {info['scan']['files_scanned']} files, the tree has {manifest['files']}")

    patch = workdir / f"{tree.name}.patch"
    steps.append(run_step("diff (cold)", idm + ["diff", str(tree)] + jobs, args.repeat, budget=budget,
                          before=cold, stdout_path=patch))
    check = subprocess.run(["git", "apply", "--check", str(patch)], cwd=tree, capture_output=True, text=True)
    info["patch_applies"], info["patch_bytes"] = check.returncode == 0, patch.stat().st_size

    steps.append(run_step("scan (no change)", idm + ["scan", str(tree)] + jobs, args.repeat))
    steps.append(run_step("diff (no change)", idm + ["diff", str(tree)] + jobs, args.repeat,
                          stdout_path=workdir / f"{tree.name}-warm.patch"))
    info["worktree_clean_after_scan"] = not git(tree, "status", "--porcelain")

    copy = workdir / f"{tree.name}-apply"
    shutil.rmtree(copy, ignore_errors=True)
    subprocess.run(["cp", "-a", str(tree), str(copy)], check=True)

    def reset_copy() -> None:
        subprocess.run(["git", "reset", "-q", "--hard"], cwd=copy, check=True)
        clear_cache(copy)

    steps.append(run_step("apply (cold)", idm + ["apply", str(copy)] + jobs, args.repeat, budget=budget,
                          before=reset_copy))
    info["apply_changed_files"] = len([ln for ln in git(copy, "status", "--porcelain").splitlines() if ln.strip()])
    if not args.keep:
        shutil.rmtree(copy, ignore_errors=True)
    steps.append(parse_floor(tree, args.jobs, args.repeat, "generator", budget, workdir))
    run_baselines(args, tree, manifest, "generator", info, steps)


def bench_uuid(args, tree: Path, manifest: dict, info: dict, steps: list[Step]) -> None:
    idm, jobs, recipes = idmigrate_cmd(), ["-j", str(args.jobs)], RECIPE_ARGS["uuid"]
    scan_out = args.workdir / f"{tree.name}-uuid-scan.json"
    steps.append(run_step("uuid scan (cold)", idm + ["scan", str(tree), "--json"] + recipes + jobs, args.repeat,
                          recipe="uuid", budget=args.step_budget, before=lambda: clear_cache(tree),
                          stdout_path=scan_out))
    info["uuid_scan"] = _scan_counts(scan_out)
    _check_sites("uuid scan", info["uuid_scan"]["sites"], manifest["uuid_sites"])
    steps.append(run_step("uuid scan (no change)", idm + ["scan", str(tree)] + recipes + jobs, args.repeat,
                          recipe="uuid"))
    steps.append(parse_floor(tree, args.jobs, args.repeat, "uuid", args.step_budget, args.workdir))
    run_baselines(args, tree, manifest, "uuid", info, steps)


def run_baselines(args, tree: Path, manifest: dict, recipe: str, info: dict, steps: list[Step]) -> None:
    """libcst's runner in each selected mode, on the same files; both must write the same diff."""
    if args.no_baseline:
        return
    modes = BASELINE_MODES if args.baseline_mode == "both" else (args.baseline_mode,)
    sample = baseline_sample_for(args.baseline_sample, manifest["files"])
    diffs = {}
    for mode in modes:
        step, diffs[mode] = baseline(tree, args.jobs, sample, args.seed, recipe, mode)
        steps.append(step)
    if len(diffs) == 2:
        changed, differ = compare(*(path.read_text() for path in diffs.values()), str(tree))
        info.setdefault("baselines_agree", {})[recipe] = {"files_changed": changed, "differ": differ}
        if differ:
            log(f"WARNING: the {recipe} baselines' diffs differ in {len(differ)} files, e.g. {differ[:3]}")


def bench_tree(args, n: int) -> dict:
    uuid_files = args.uuid_files if args.uuid_files is not None else round(n * args.uuid_ratio)
    tree, manifest = ensure_tree(args.workdir, n, args.affected, uuid_files, args.seed, not args.regenerate)
    warm_page_cache(tree)
    steps: list[Step] = []
    info: dict = {"files": n, "manifest": {k: v for k, v in manifest.items() if k not in ("affected", "sites")}}
    bench_generator(args, tree, manifest, info, steps)
    if not args.no_uuid:
        bench_uuid(args, tree, manifest, info, steps)
    info["steps"] = [dict(name=s.name, recipe=s.recipe, baseline=s.baseline, seconds=s.seconds, cpu=s.cpu, note=s.note,
                          runs=[asdict(r) for r in s.runs], extrapolated=s.extrapolated_seconds is not None)
                     for s in steps]
    info["targets"] = [asdict(t) | {"verdict": t.verdict} for t in targets(steps)]
    info["summary"] = summary(steps, info)
    return info


def snapshot_code(workdir: Path, rev: str = "HEAD") -> str:
    """Export the committed tool (``rev``, default HEAD) and run every measurement against it.

    Other people may commit to the repository while a benchmark runs; the cache key includes a
    hash of the codemod sources, so a mid-run edit would silently turn a warm run cold.
    """
    sha = subprocess.run(["git", "rev-parse", "--verify", f"{rev}^{{commit}}"], cwd=REPO, capture_output=True,
                         text=True).stdout.strip()
    if not sha:
        raise SystemExit(f"--code {rev}: not a commit of this repository")
    target = workdir / f"_code-{sha[:12]}"
    if not (target / "migrate" / "cli.py").is_file():
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        archive = subprocess.run(["git", "archive", sha, "migrate", "codemods"], cwd=REPO, capture_output=True,
                                 check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    CHILD_ENV["PYTHONPATH"] = os.pathsep.join([str(target)] + [p for p in [os.environ.get("PYTHONPATH")] if p])
    return sha


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=10_000)
    ap.add_argument("--also", type=int, action="append", default=[], help="another size (repeatable), e.g. 50000")
    ap.add_argument("--affected", type=int, default=250, help="files using the generator, the same for every size")
    ap.add_argument("--uuid-ratio", type=float, default=generate_monorepo.UUID_RATIO,
                    help="share of the files with uuid4 IDs (default 0.17)")
    ap.add_argument("--uuid-files", type=int, default=None, help="exact number of files with uuid4 IDs, every size")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--step-budget", type=float, default=60.0,
                    help="stop repeating a cold step once its runs took this many seconds (default 60)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--baseline-sample", action="append", default=[], metavar="[SIZE:]K",
                    help="run the libcst baselines on K stratified random files and extrapolate linearly; "
                         "SIZE:K applies to one tree size only (repeatable), e.g. --baseline-sample 50000:2000")
    ap.add_argument("--baseline-mode", choices=("both", *BASELINE_MODES), default="both",
                    help="which libcst runner(s) to time: naive (the targets' baseline), engine (stricter), "
                         "or both (default)")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--no-uuid", action="store_true", help="skip the uuid recipes' steps")
    ap.add_argument("--workdir", type=Path, default=HERE / "_trees", help="where trees go (git-ignored)")
    ap.add_argument("--regenerate", action="store_true", help="do not reuse an existing tree")
    ap.add_argument("--keep", action="store_true", help="keep the apply copy")
    ap.add_argument("--json", type=Path, default=None, help="where to write all measurements "
                                                            "(default WORKDIR/results.json)")
    ap.add_argument("--code", default="HEAD", metavar="REV",
                    help="measure the tool as committed at REV (default HEAD), e.g. to compare two commits")
    ap.add_argument("--live", action="store_true",
                    help="run the working tree's code instead of a snapshot of --code (see snapshot_code)")
    args = ap.parse_args(argv)
    if args.repeat < 1 or args.jobs < 1:
        ap.error("--repeat and --jobs must be at least 1")
    args.workdir = args.workdir.resolve()
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    env = environment(REPO)
    args.workdir.mkdir(parents=True, exist_ok=True)
    if not args.live:
        env["idmigrate_commit"] = f"{args.code} " + snapshot_code(args.workdir, args.code)[:12] + " (snapshot)"
    CHILD_CWD[0] = args.workdir
    env["code_path"] = subprocess.run([sys.executable, "-c", "import migrate, codemods; print(migrate.__file__)"],
                                      env=CHILD_ENV, cwd=CHILD_CWD[0], capture_output=True, text=True).stdout.strip()
    log(f"{env['cpu']}, nproc {env['nproc']}, Python {env['python']}, libcst {env['libcst']}, "
        f"idmigrate {env['idmigrate_commit']} from {env['code_path']}, load {env['loadavg_at_start']}")
    results = {"environment": env, "command": " ".join([Path(sys.argv[0]).name] + (argv or sys.argv[1:])),
               "idmigrate": " ".join(idmigrate_cmd()), "trees": []}
    for n in [args.files, *args.also]:
        info = bench_tree(args, n)
        results["trees"].append(info)
        print(f"\n### {n} files\n\n{info['summary']}\n", flush=True)
    if len(results["trees"]) > 1:
        names = [s["name"] for s in results["trees"][0]["steps"]]
        print("### scaling\n\n| step | " + " | ".join(f"{t['files']} files" for t in results["trees"]) + " |")
        print("|---|" + "---:|" * len(results["trees"]))
        for name in names:
            cells = [next((f"{s['seconds']:.2f}" for s in t["steps"] if s["name"] == name), "-")
                     for t in results["trees"]]
            print(f"| {name} | " + " | ".join(cells) + " |")
    out = args.json or args.workdir / "results.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1) + "\n")
    log(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
