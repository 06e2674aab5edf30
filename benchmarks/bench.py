#!/usr/bin/env python3
"""Benchmark idmigrate on generated monorepos (SPEC 7). See benchmarks/README.md.

    python benchmarks/bench.py [--files 10000] [--also 50000] [--jobs 2] [--affected 250]
                               [--baseline-sample K] [--repeat 3] [--workdir benchmarks/_trees]

For each size it generates (or reuses) a tree with ``generate_monorepo.py``, then times, as
subprocesses of the installed ``idmigrate`` console script, wall clock, best of ``--repeat``:

  scan (cold)        results cache removed before each run (the page cache is warm)
  diff (cold)        idem; the patch is checked with ``git apply --check``
  scan (no change)   re-run with a warm results cache and no edits
  diff (no change)   idem, for reference
  apply (cold)       on a copy of the tree, reset with ``git reset --hard`` + cache removed between runs

and, as the baseline, idmigrate's engine under libcst's own runner
(``libcst_baseline.py``: ``parallel_exec_transform_with_prettyprint``, ``jobs=--jobs``) over every
tracked .py file, or over a stratified random sample of K files with the runner time scaled
by N/K (the table says so). A "parse floor" row is ``libcst.parse_module`` of just the files
the prefilter lets through, on ``--jobs`` processes (SPEC 7: cold diff within 1.5x of it).

Memory, two figures per step:
  * peak RSS (max process): ``ru_maxrss`` from ``os.wait4`` of the command, which covers the
    command and every descendant it reaped (pool workers, git) -- the largest single process,
    exact, not a sum;
  * tree RSS (sum, sampled): every 50 ms, the sum of ``Rss`` (and ``Pss``) from
    ``/proc/PID/smaps_rollup`` over the live process tree; a fork's shared pages are counted
    in every process by Rss (Pss splits them). Sampling can miss spikes shorter than 50 ms.
The 500 MB target is checked against the sampled tree-RSS sum (the conservative figure).

The machine is shared (other processes may run): each row also reports the CPU time other
processes used during the best run, from /proc/stat minus our own rusage.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import generate_monorepo  # noqa: E402

#: Issue 5 / SPEC 7 set the time targets for this tree size only (other sizes show scaling).
TARGET_FILES = 10_000
TARGETS = {  # step -> (seconds, description)
    "scan (cold)": (3.0, "scan <= 3 s"),
    "diff (cold)": (5.0, "diff <= 5 s"),
    "scan (no change)": (0.5, "no-change re-run <= 0.5 s"),
}
RSS_TARGET_MB = 500
SPEEDUP_TARGET = 20.0
CLK_TCK = os.sysconf("SC_CLK_TCK")
#: Environment of every measured subprocess (PYTHONPATH points at the code snapshot, if any).
CHILD_ENV: dict[str, str] = dict(os.environ)
#: Working directory of every measured subprocess: not the repository, whose ``migrate/`` would
#: shadow the snapshot for ``python -c`` (sys.path[0] is the cwd there).
CHILD_CWD: list[Path] = [Path("/")]


# --------------------------------------------------------------------------- process measurement
def _children(pid: int) -> list[int]:
    out = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            try:
                with open(f"/proc/{pid}/task/{tid}/children") as fh:
                    out += [int(x) for x in fh.read().split()]
            except OSError:
                pass
    except OSError:
        pass
    return out


def _rollup(pid: int) -> tuple[int, int]:
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


class TreeSampler(threading.Thread):
    """Peak of the summed Rss/Pss (kB) over a process tree, sampled every ``interval`` s."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak_rss = self.peak_pss = self.peak_procs = 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            pids, i = [self.pid], 0
            while i < len(pids):
                pids += _children(pids[i])
                i += 1
            rss = pss = 0
            for pid in pids:
                r, p = _rollup(pid)
                rss, pss = rss + r, pss + p
            self.peak_rss = max(self.peak_rss, rss)
            self.peak_pss = max(self.peak_pss, pss)
            self.peak_procs = max(self.peak_procs, len(pids))
            self._stop_event.wait(self.interval)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


def _cpu_busy_seconds() -> float:
    with open("/proc/stat") as fh:
        parts = fh.readline().split()[1:]
    user, nice, system, idle, iowait, irq, softirq = (int(x) for x in parts[:7])
    steal = int(parts[7]) if len(parts) > 7 else 0
    return (user + nice + system + irq + softirq + steal) / CLK_TCK


@dataclass
class Run:
    seconds: float
    returncode: int
    maxrss_mb: float
    tree_rss_mb: float
    tree_pss_mb: float
    procs: int
    cpu_seconds: float
    others_cpu_seconds: float


def measure(cmd: list[str], *, cwd: Path | None = None, stdout_path: Path | None = None,
            env: dict | None = None) -> tuple[Run, str]:
    """Run ``cmd`` to completion; wall clock, rusage of the whole reaped tree, sampled tree memory."""
    out = open(stdout_path, "wb") if stdout_path else subprocess.DEVNULL
    err_path = Path(os.environ.get("TMPDIR", "/tmp")) / f"idm-bench-{os.getpid()}.err"
    err = open(err_path, "wb")
    busy0 = _cpu_busy_seconds()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd or CHILD_CWD[0], stdout=out, stderr=err,
                            env=env if env is not None else CHILD_ENV)
    sampler = TreeSampler(proc.pid)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t0
    busy1 = _cpu_busy_seconds()
    sampler.stop()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if stdout_path:
        out.close()
    err.close()
    stderr = err_path.read_text(errors="replace")
    err_path.unlink()
    own_cpu = usage.ru_utime + usage.ru_stime
    run = Run(
        seconds=elapsed, returncode=proc.returncode, maxrss_mb=usage.ru_maxrss / 1024,
        tree_rss_mb=sampler.peak_rss / 1024, tree_pss_mb=sampler.peak_pss / 1024, procs=sampler.peak_procs,
        cpu_seconds=own_cpu, others_cpu_seconds=max(0.0, (busy1 - busy0) - own_cpu),
    )
    return run, stderr


# --------------------------------------------------------------------------- steps
@dataclass
class Step:
    name: str
    runs: list[Run] = field(default_factory=list)
    note: str = ""
    extrapolated_seconds: float | None = None

    @property
    def best(self) -> Run:
        return min(self.runs, key=lambda r: r.seconds)

    @property
    def seconds(self) -> float:
        return self.extrapolated_seconds if self.extrapolated_seconds is not None else self.best.seconds

    @property
    def maxrss_mb(self) -> float:
        return max(r.maxrss_mb for r in self.runs)

    @property
    def tree_rss_mb(self) -> float:
        return max(r.tree_rss_mb for r in self.runs)

    @property
    def tree_pss_mb(self) -> float:
        return max(r.tree_pss_mb for r in self.runs)


def idmigrate_cmd() -> list[str]:
    """The installed console script next to this interpreter (not a pyenv shim), else ``-m migrate``."""
    script = Path(sys.executable).parent / "idmigrate"
    if script.is_file():
        return [str(script)]
    found = shutil.which("idmigrate")
    return [found] if found else [sys.executable, "-m", "migrate"]


def clear_cache(tree: Path) -> None:
    shutil.rmtree(tree / ".git" / "idmigrate", ignore_errors=True)


def warm_page_cache(tree: Path) -> None:
    files = subprocess.run(["git", "ls-files", "-z"], cwd=tree, capture_output=True, check=True).stdout.split(b"\0")
    for rel in files:
        if rel:
            try:
                with open(tree / os.fsdecode(rel), "rb") as fh:
                    while fh.read(1 << 20):
                        pass
            except OSError:
                pass


def git(tree: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=tree, capture_output=True, check=True, text=True).stdout


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def run_step(name: str, cmd: list[str], repeat: int, *, before=None, cwd=None, stdout_path=None,
             check=None) -> Step:
    step = Step(name)
    for i in range(repeat):
        if before:
            before()
        run, stderr = measure(cmd, cwd=cwd, stdout_path=stdout_path)
        if run.returncode not in (0, 1):
            raise SystemExit(f"{name}: {' '.join(cmd)} exited {run.returncode}\n{stderr[-3000:]}")
        step.runs.append(run)
        log(f"{name} #{i + 1}: {run.seconds:.2f} s, rc {run.returncode}, maxrss {run.maxrss_mb:.0f} MB, "
            f"tree rss {run.tree_rss_mb:.0f} MB, others' cpu {run.others_cpu_seconds:.1f} s")
        if check:
            check(stderr)
    return step


def parse_floor(tree: Path, jobs: int, repeat: int) -> Step:
    """libcst.parse_module of the prefilter hits only, on ``jobs`` forked processes."""
    code = (
        "import sys, subprocess, os\n"
        "from concurrent.futures import ProcessPoolExecutor\n"
        "from multiprocessing import get_context\n"
        "import libcst\n"
        "root, jobs = sys.argv[1], int(sys.argv[2])\n"
        "toks = (b'UnifiedIdGenerator', b'unified_id_generator', b'id_generation')\n"
        "names = subprocess.run(['git', 'ls-files', '-z', '--', '*.py'], cwd=root, capture_output=True).stdout.split(b'\\0')\n"
        "srcs = []\n"
        "for n in names:\n"
        "    if n:\n"
        "        d = open(os.path.join(root, os.fsdecode(n)), 'rb').read()\n"
        "        if any(t in d for t in toks): srcs.append(d)\n"
        "def parse(chunk):\n"
        "    for s in chunk: libcst.parse_module(s)\n"
        "    return len(chunk)\n"
        "chunks = [srcs[i::jobs * 4] for i in range(jobs * 4)]\n"
        "with ProcessPoolExecutor(jobs, mp_context=get_context('fork')) as pool: print(sum(pool.map(parse, chunks)))\n"
    )
    return run_step("parse floor (hits only)", [sys.executable, "-c", code, str(tree), str(jobs)], repeat)


def baseline(tree: Path, jobs: int, sample: int | None, seed: int, n_files: int) -> Step:
    cmd = [sys.executable, str(HERE / "libcst_baseline.py"), str(tree), "--jobs", str(jobs), "--json"]
    if sample:
        cmd += ["--sample", str(sample), "--seed", str(seed)]
    log(f"baseline: {' '.join(cmd)} (this takes minutes)")
    run, stderr = measure(cmd, stdout_path=tree.parent / f"{tree.name}-baseline.diff")
    line = next((ln for ln in stderr.splitlines() if ln.startswith("BASELINE-JSON ")), None)
    if run.returncode != 0 or line is None:
        raise SystemExit(f"baseline failed (rc {run.returncode}):\n{stderr[-3000:]}")
    info = json.loads(line.split(" ", 1)[1])
    if info["failures"]:  # a baseline that errors out early is not the same work: no ratio from it
        raise SystemExit(f"baseline: {info['failures']} files failed, so its time means nothing:\n{stderr[-3000:]}")
    step = Step("libcst runner baseline", [run])
    if sample and info["files_run"] < info["files_total"]:
        scale = info["files_total"] / info["files_run"]
        step.extrapolated_seconds = run.seconds - info["runner_seconds"] + info["runner_seconds"] * scale
        step.note = (f"sample of {info['files_run']} files (stratified), measured {run.seconds:.1f} s, "
                     f"runner time x{scale:.2f}")
    else:
        step.note = f"all {info['files_run']} files"
    step.note += f"; {info['successes']} ok, {info['failures']} failed, {info['skips']} skipped"
    log(f"baseline: {run.seconds:.1f} s measured -> {step.seconds:.1f} s ({step.note})")
    return step


def baseline_sample_for(specs: list[str], n: int) -> int | None:
    chosen = None
    for spec in specs:
        size, _, k = spec.rpartition(":")
        if not size:
            chosen = chosen if chosen is not None else int(k)
        elif int(size) == n:
            chosen = int(k)
    return chosen if chosen and chosen < n else None


# --------------------------------------------------------------------------- one tree
def ensure_tree(workdir: Path, n: int, affected: int, seed: int, reuse: bool) -> tuple[Path, dict]:
    tree = workdir / f"n{n}-a{affected}-s{seed}"
    manifest_path = tree / ".idmigrate-bench.json"
    if reuse and manifest_path.is_file() and (tree / ".git").is_dir():
        manifest = json.loads(manifest_path.read_text())
        if manifest.get("files") == n and manifest.get("affected_files") == affected:
            if not git(tree, "status", "--porcelain"):
                log(f"reusing {tree}")
                return tree, manifest
    shutil.rmtree(tree, ignore_errors=True)
    log(f"generating {n} files ({affected} affected) in {tree}")
    manifest = generate_monorepo.generate(n, tree, affected=affected, seed=seed)
    log(f"generated in {manifest['seconds_total']:.1f} s ({manifest['bytes'] / 1e6:.0f} MB of .py)")
    return tree, manifest


def bench_tree(args, n: int) -> dict:
    workdir = args.workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    tree, manifest = ensure_tree(workdir, n, args.affected, args.seed, not args.regenerate)
    idm = idmigrate_cmd()
    jobs = ["-j", str(args.jobs)]
    warm_page_cache(tree)
    steps: list[Step] = []
    info: dict = {"files": n, "manifest": {k: v for k, v in manifest.items() if k != "affected"}}

    # scan, cold results cache
    scan_out = workdir / f"{tree.name}-scan.json"
    steps.append(run_step("scan (cold)", idm + ["scan", str(tree), "--json"] + jobs, args.repeat,
                          before=lambda: clear_cache(tree), stdout_path=scan_out))
    summary = json.loads(scan_out.read_text())
    info["scan"] = {k: summary.get(k) for k in ("files_scanned", "files_with_usages", "files_to_change", "totals")}
    info["scan"]["skipped"] = len(summary.get("skipped") or [])
    info["scan"]["failed"] = len(summary.get("failed") or [])
    if summary.get("files_scanned") != n:
        log(f"WARNING: scan saw {summary.get('files_scanned')} files, the tree has {n} tracked .py files")

    # diff, cold results cache; the patch must apply
    patch = workdir / f"{tree.name}.patch"
    steps.append(run_step("diff (cold)", idm + ["diff", str(tree)] + jobs, args.repeat,
                          before=lambda: clear_cache(tree), stdout_path=patch))
    check = subprocess.run(["git", "apply", "--check", str(patch)], cwd=tree, capture_output=True, text=True)
    info["patch_applies"] = check.returncode == 0
    info["patch_bytes"] = patch.stat().st_size

    # no-change re-runs (the cache is warm after the diff above)
    steps.append(run_step("scan (no change)", idm + ["scan", str(tree)] + jobs, args.repeat))
    steps.append(run_step("diff (no change)", idm + ["diff", str(tree)] + jobs, args.repeat,
                          stdout_path=workdir / f"{tree.name}-warm.patch"))
    if git(tree, "status", "--porcelain"):
        log("WARNING: the work tree is dirty after scan/diff")
        info["worktree_clean_after_scan"] = False
    else:
        info["worktree_clean_after_scan"] = True

    # apply on a copy; reset between runs
    copy = workdir / f"{tree.name}-apply"
    shutil.rmtree(copy, ignore_errors=True)
    subprocess.run(["cp", "-a", str(tree), str(copy)], check=True)

    def reset_copy() -> None:
        subprocess.run(["git", "reset", "-q", "--hard"], cwd=copy, check=True)
        clear_cache(copy)

    steps.append(run_step("apply (cold)", idm + ["apply", str(copy)] + jobs, args.repeat, before=reset_copy))
    changed = [ln for ln in git(copy, "status", "--porcelain").splitlines() if ln.strip()]
    info["apply_changed_files"] = len(changed)
    if not args.keep:
        shutil.rmtree(copy, ignore_errors=True)

    steps.append(parse_floor(tree, args.jobs, args.repeat))
    if not args.no_baseline:
        sample = baseline_sample_for(args.baseline_sample, n)
        steps.append(baseline(tree, args.jobs, sample, args.seed, n))
    info["steps"] = [dict(name=s.name, seconds=s.seconds, note=s.note, runs=[asdict(r) for r in s.runs],
                          extrapolated=s.extrapolated_seconds is not None) for s in steps]
    info["table"] = table(steps, n, manifest)
    return info


def table(steps: list[Step], n: int, manifest: dict) -> str:
    base = next((s for s in steps if s.name.startswith("libcst runner")), None)
    rows = ["| step | seconds (best) | runs | x faster than baseline | own CPU s | peak RSS MB (max process) "
            "| tree RSS / PSS MB (sampled sum) | others' CPU s | target |",
            "|---|---:|---|---:|---:|---:|---:|---:|---|"]
    for s in steps:
        runs = ", ".join(f"{r.seconds:.2f}" for r in s.runs)
        if s.extrapolated_seconds is not None:
            runs = f"measured {s.best.seconds:.1f} (extrapolated)"
        ratio = f"{base.seconds / s.seconds:.1f}x" if base and s is not base else ("1.0x" if s is base else "-")
        target = ""
        if s.name in TARGETS and n == TARGET_FILES:
            limit, text = TARGETS[s.name]
            target = f"{text}: {'met' if s.seconds <= limit else 'NOT met'}"
        if base and s.name in ("scan (cold)", "diff (cold)", "apply (cold)"):
            fast = base.seconds / s.seconds >= SPEEDUP_TARGET
            target += ("; " if target else "") + f">= {SPEEDUP_TARGET:.0f}x: {'met' if fast else 'NOT met'}"
        if not s.name.startswith(("libcst", "parse floor")):
            target += ("; " if target else "") + f"RSS <= {RSS_TARGET_MB}: {'met' if s.tree_rss_mb <= RSS_TARGET_MB else 'NOT met'}"
        name = s.name + (" *" if s.extrapolated_seconds is not None else "")
        cpu = f"{s.best.cpu_seconds:.1f}" if s.extrapolated_seconds is None else f"{s.best.cpu_seconds:.1f} (sample)"
        rows.append(f"| {name} | {s.seconds:.2f} | {runs} | {ratio} | {cpu} | {s.maxrss_mb:.0f} | "
                    f"{s.tree_rss_mb:.0f} / {s.tree_pss_mb:.0f} | {s.best.others_cpu_seconds:.1f} | {target} |")
    notes = [f"\n{n} tracked .py files, {manifest['affected_files']} use the generator "
             f"(~{manifest['affected_sites_approx']} call sites), {manifest['bytes'] / 1e6:.0f} MB of source."]
    for s in steps:
        if s.note:
            notes.append(f"{s.name}{' *' if s.extrapolated_seconds is not None else ''}: {s.note}.")
    return "\n".join(rows + notes)


# --------------------------------------------------------------------------- environment
def environment() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        import libcst
        from importlib.metadata import version
        libcst_version = version("libcst")
    except Exception:  # noqa: BLE001
        libcst_version = "?"
    try:
        commit = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=REPO, capture_output=True,
                                text=True).stdout.strip()
    except OSError:
        commit = "?"
    mem = ""
    try:
        mem = next(l.split(":")[1].strip() for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal"))
    except (OSError, StopIteration):
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "memory": mem, "python": platform.python_version(),
            "libcst": libcst_version, "idmigrate_commit": commit, "platform": platform.platform(),
            "loadavg_at_start": os.getloadavg()}


def snapshot_code(workdir: Path) -> str:
    """Export the committed tool (HEAD) and run every measurement against it.

    Other people may commit to the repository while a benchmark runs; the cache key includes a
    hash of the codemod sources, so a mid-run edit would silently turn a warm run cold.
    """
    sha = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True,
                         check=True).stdout.strip()
    target = workdir / f"_code-{sha[:12]}"
    if not (target / "migrate" / "cli.py").is_file():
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        archive = subprocess.run(["git", "archive", "HEAD", "migrate", "codemods"], cwd=REPO, capture_output=True,
                                 check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    CHILD_ENV["PYTHONPATH"] = os.pathsep.join([str(target)] + [p for p in [os.environ.get("PYTHONPATH")] if p])
    return sha


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=10_000)
    ap.add_argument("--also", type=int, action="append", default=[], help="another size (repeatable), e.g. 50000")
    ap.add_argument("--affected", type=int, default=250, help="files using the generator, the same for every size")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--baseline-sample", action="append", default=[], metavar="[SIZE:]K",
                    help="run the libcst baseline on K stratified random files and extrapolate linearly; "
                         "SIZE:K applies to one tree size only (repeatable), e.g. --baseline-sample 50000:2000")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--workdir", type=Path, default=HERE / "_trees", help="where trees go (git-ignored)")
    ap.add_argument("--regenerate", action="store_true", help="do not reuse an existing tree")
    ap.add_argument("--keep", action="store_true", help="keep the apply copy")
    ap.add_argument("--json", type=Path, default=None, help="also write all measurements here")
    ap.add_argument("--live", action="store_true",
                    help="run the working tree's code instead of a snapshot of HEAD (see snapshot_code)")
    args = ap.parse_args(argv)

    env = environment()
    args.workdir.mkdir(parents=True, exist_ok=True)
    if not args.live:
        env["idmigrate_commit"] = "HEAD " + snapshot_code(args.workdir.resolve())[:12] + " (snapshot)"
    CHILD_CWD[0] = args.workdir.resolve()
    env["code_path"] = subprocess.run([sys.executable, "-c", "import migrate, codemods; print(migrate.__file__)"],
                                      env=CHILD_ENV, cwd=CHILD_CWD[0], capture_output=True, text=True).stdout.strip()
    log(f"{env['cpu']}, {env['cores']} cores, Python {env['python']}, libcst {env['libcst']}, "
        f"idmigrate {env['idmigrate_commit']} from {env['code_path']}, load {env['loadavg_at_start']}")
    results = {"environment": env, "command": " ".join([Path(sys.argv[0]).name] + (argv or sys.argv[1:])),
               "idmigrate": " ".join(idmigrate_cmd()), "trees": []}
    for n in [args.files, *args.also]:
        info = bench_tree(args, n)
        results["trees"].append(info)
        print(f"\n### {n} files\n\n{info['table']}\n", flush=True)
    if len(results["trees"]) > 1:
        first = results["trees"][0]
        print("### scaling\n\n| step | " + " | ".join(f"{t['files']} files" for t in results["trees"]) + " |")
        print("|---|" + "---:|" * len(results["trees"]))
        for i, step in enumerate(first["steps"]):
            cells = [f"{t['steps'][i]['seconds']:.2f}" for t in results["trees"]]
            print(f"| {step['name']} | " + " | ".join(cells) + " |")
    out = args.json or args.workdir / "results.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1) + "\n")
    log(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
