"""The timed steps: idmigrate commands, the parse floor and libcst's runner (``libcst_baseline.py``, two modes)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from timing.measure import Step, measure

HERE = Path(__file__).resolve().parents[1]
#: The recipes of each step group, as ``idmigrate`` options.
RECIPE_ARGS = {"generator": [], "uuid": ["--recipe", "adhoc-ids", "--recipe", "test-ids"]}
#: Text that marks a file the recipes have work in, for the parse floor: the generator's names,
#: and for the uuid recipes a ``uuid4`` call (a file that only mentions ``uuid`` has no site).
FLOOR_TOKENS = {"generator": ("UnifiedIdGenerator", "unified_id_generator", "id_generation"), "uuid": ("uuid4",)}


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def idmigrate_cmd() -> list[str]:
    """The installed console script next to this interpreter (not a pyenv shim), else ``-m migrate``."""
    script = Path(sys.executable).parent / "idmigrate"
    if script.is_file():
        return [str(script)]
    found = shutil.which("idmigrate")
    return [found] if found else [sys.executable, "-m", "migrate"]


def clear_cache(tree: Path) -> None:
    """Cold: the results cache and the prefilter index go (the page cache stays warm)."""
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


def run_step(name: str, cmd: list[str], repeat: int, *, recipe: str = "generator", budget: float | None = None,
             before=None, cwd=None, stdout_path=None) -> Step:
    """Best of ``repeat`` runs, but no new run once the runs so far took ``budget`` seconds."""
    step = Step(name, recipe)
    for i in range(repeat):
        if before:
            before()
        run, stderr = measure(cmd, cwd=cwd, stdout_path=stdout_path)
        if run.returncode not in (0, 1):
            raise SystemExit(f"{name}: {' '.join(cmd)} exited {run.returncode}\n{stderr[-3000:]}")
        step.runs.append(run)
        log(f"{name} #{i + 1}: {run.seconds:.2f} s, rc {run.returncode}, maxrss {run.maxrss_mb:.0f} MB, "
            f"tree rss {run.tree_rss_mb:.0f} MB, others' cpu {run.others_cpu_seconds:.1f} s")
        if budget is not None and sum(r.seconds for r in step.runs) >= budget and i + 1 < repeat:
            log(f"{name}: {len(step.runs)} run(s) took over {budget:.0f} s, no more repeats")
            break
    return step


_FLOOR = (
    "import sys, subprocess, os\n"
    "from concurrent.futures import ProcessPoolExecutor\n"
    "from multiprocessing import get_context\n"
    "import libcst\n"
    "root, jobs = sys.argv[1], int(sys.argv[2])\n"
    "toks = tuple(t.encode() for t in sys.argv[3:])\n"
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


def parse_floor(tree: Path, jobs: int, repeat: int, recipe: str, budget: float | None, workdir: Path) -> Step:
    """``libcst.parse_module`` of the files holding the recipe's tokens, on ``jobs`` forked processes.

    A whole process, like the command it is compared with: interpreter start, libcst import,
    listing, reading and text-testing every file are included.
    """
    out = workdir / f"{tree.name}-floor-{recipe}.txt"
    step = run_step(f"parse floor ({recipe})", [sys.executable, "-c", _FLOOR, str(tree), str(jobs),
                                                *FLOOR_TOKENS[recipe]],
                    repeat, recipe=recipe, budget=budget, stdout_path=out)
    step.note = f"{out.read_text().strip()} files parsed"
    return step


#: The two baselines (``libcst_baseline.py --mode``): a naive matcher-based codemod, which the
#: speed targets are measured against, and idmigrate's prefilter under the runner (stricter).
BASELINE_MODES = ("naive", "engine")


def baseline(tree: Path, jobs: int, sample: int | None, seed: int, recipe: str, mode: str) -> tuple[Step, Path]:
    """libcst's own runner (``libcst_baseline.py --mode MODE``), maybe on a sample; the step and its diff."""
    cmd = [sys.executable, str(HERE / "libcst_baseline.py"), str(tree), "--mode", mode, "--jobs", str(jobs),
           "--json", *RECIPE_ARGS[recipe]]
    if sample:
        cmd += ["--sample", str(sample), "--seed", str(seed)]
    log(f"baseline: {' '.join(cmd)} (this takes minutes)")
    out = tree.parent / f"{tree.name}-baseline-{recipe}-{mode}.diff"
    run, stderr = measure(cmd, stdout_path=out)
    line = next((ln for ln in stderr.splitlines() if ln.startswith("BASELINE-JSON ")), None)
    if run.returncode != 0 or line is None:
        raise SystemExit(f"baseline failed (rc {run.returncode}):\n{stderr[-3000:]}")
    info = json.loads(line.split(" ", 1)[1])
    if info["failures"]:  # a baseline that errors out early is not the same work: no ratio from it
        raise SystemExit(f"baseline: {info['failures']} files failed, so its time means nothing:\n{stderr[-3000:]}")
    step = Step(f"libcst runner ({recipe}, {mode})", recipe, [run], baseline=mode)
    if sample and info["files_run"] < info["files_total"]:
        scale = info["files_total"] / info["files_run"]
        step.extrapolated_seconds = run.seconds - info["runner_seconds"] + info["runner_seconds"] * scale
        setup = min(info["setup_seconds"], run.cpu_seconds)  # single-threaded: its CPU is about its wall time
        step.extrapolated_cpu = setup + (run.cpu_seconds - setup) * scale
        step.note = (f"sample of {info['files_run']} files (stratified), measured {run.seconds:.1f} s, "
                     f"runner time x{scale:.2f}")
    else:
        step.note = f"all {info['files_run']} files"
    step.note += f"; {info['successes']} ok, {info['failures']} failed, {info['skips']} skipped"
    log(f"baseline ({mode}): {run.seconds:.1f} s measured -> {step.seconds:.1f} s ({step.note})")
    return step, out


def baseline_sample_for(specs: list[str], n: int) -> int | None:
    """The ``--baseline-sample`` that applies to a tree of ``n`` files (``SIZE:K`` beats a bare ``K``)."""
    chosen = None
    for spec in specs:
        size, _, k = spec.rpartition(":")
        if not size:
            chosen = chosen if chosen is not None else int(k)
        elif int(size) == n:
            chosen = int(k)
    return chosen if chosen and chosen < n else None
