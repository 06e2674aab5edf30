"""Timing and memory of one subprocess tree: wall clock, rusage of everything it reaped, sampled RSS/PSS.

Memory, two figures per run:
  * peak RSS (max process): ``ru_maxrss`` from ``os.wait4`` of the command, which covers the
    command and every descendant it reaped (pool workers, git): the largest single process,
    exact, not a sum;
  * tree RSS (sum, sampled): every 50 ms, the sum of ``Rss`` (and ``Pss``) from
    ``/proc/PID/smaps_rollup`` over the live process tree; a fork's shared pages are counted
    in every process by Rss (Pss splits them). Sampling can miss spikes shorter than 50 ms.

The machine may be shared: each run also records the CPU time *other* processes used
meanwhile, from /proc/stat minus our own rusage.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

CLK_TCK = os.sysconf("SC_CLK_TCK")
#: Environment of every measured subprocess (PYTHONPATH points at the code snapshot, if any).
CHILD_ENV: dict[str, str] = dict(os.environ)
#: Working directory of every measured subprocess: not the repository, whose ``migrate/`` would
#: shadow the snapshot for ``python -c`` (sys.path[0] is the cwd there).
CHILD_CWD: list[Path] = [Path("/")]


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


@dataclass
class Step:
    """One timed command, run one or more times; its figure is the best run (or an extrapolation)."""

    name: str
    #: ``generator`` or ``uuid``: the recipes the step ran (its baseline is the same recipes').
    recipe: str = "generator"
    runs: list[Run] = field(default_factory=list)
    #: For a libcst runner step, its ``libcst_baseline.py --mode`` (``naive`` or ``engine``); else None.
    baseline: str | None = None
    note: str = ""
    extrapolated_seconds: float | None = None
    extrapolated_cpu: float | None = None

    @property
    def best(self) -> Run:
        return min(self.runs, key=lambda r: r.seconds)

    @property
    def seconds(self) -> float:
        return self.extrapolated_seconds if self.extrapolated_seconds is not None else self.best.seconds

    @property
    def cpu(self) -> float:
        """CPU seconds of the whole process tree, least of the runs: the figure other load disturbs least."""
        return self.extrapolated_cpu if self.extrapolated_cpu is not None else min(r.cpu_seconds for r in self.runs)

    @property
    def maxrss_mb(self) -> float:
        return max(r.maxrss_mb for r in self.runs)

    @property
    def tree_rss_mb(self) -> float:
        return max(r.tree_rss_mb for r in self.runs)

    @property
    def tree_pss_mb(self) -> float:
        return max(r.tree_pss_mb for r in self.runs)
