"""What bench.py prints: the table of steps, the targets (met / missed), the machine."""

from __future__ import annotations

import os
import platform
import subprocess
from dataclasses import dataclass
from pathlib import Path

from timing.measure import Step

GENERATOR_SPEEDUP = 150.0  # generator cold diff vs libcst's runner with a naive codemod
FLOOR_RATIO = 1.0          # generator cold diff vs its parse floor
UUID_SPEEDUP = 20.0        # uuid cold scan vs libcst's runner with a naive codemod (same recipes)
RERUN_SPEEDUP = 10.0       # generator cold diff vs the same diff re-run with nothing changed
RSS_TARGET_MB = 500        # peak summed RSS of any idmigrate command's process tree


@dataclass
class Target:
    name: str
    measured: str
    met: bool | None  # None: not measured in this run (e.g. --no-baseline)
    #: The same ratio from CPU seconds of the process trees: it holds up when other processes
    #: share the machine (the wall-clock verdict is the target; this says whether load explains a miss).
    by_cpu: str = "-"
    #: A speed target's ratio against the engine runner instead of the naive one (the stricter figure).
    vs_engine: str = "-"

    @property
    def verdict(self) -> str:
        return "not measured" if self.met is None else ("met" if self.met else "MISSED")


def _find(steps: list[Step], name: str) -> Step | None:
    return next((s for s in steps if s.name == name), None)


def runner(steps: list[Step], recipe: str, mode: str = "naive") -> Step | None:
    """libcst's runner for ``recipe`` in ``mode``: ``naive`` is the targets' baseline, ``engine`` the stricter."""
    return next((s for s in steps if s.baseline == mode and s.recipe == recipe), None)


def _ratio(num: Step | None, den: Step | None) -> float | None:
    return num.seconds / den.seconds if num and den and den.seconds > 0 else None


def _cpu_ratio(num: Step | None, den: Step | None) -> float | None:
    return num.cpu / den.cpu if num and den and den.cpu > 0 else None


def _target(name: str, pair: tuple[Step | None, Step | None] | None, fmt: str, ok, value: float | None = None,
            engine: Step | None = None) -> Target:
    """``pair`` is (numerator, denominator); for a speed target ``engine`` replaces the numerator in ``vs_engine``."""
    vs_engine = _ratio(engine, pair[1]) if engine is not None and pair is not None else None
    vs_engine_text = fmt.format(vs_engine) if vs_engine is not None else "-"
    if pair is not None:
        value = _ratio(*pair)
    if value is None:
        return Target(name, "-", None, vs_engine=vs_engine_text)
    by_cpu = _cpu_ratio(*pair) if pair is not None else None
    return Target(name, fmt.format(value), bool(ok(value)), fmt.format(by_cpu) if by_cpu is not None else "-",
                  vs_engine_text)


def targets(steps: list[Step]) -> list[Target]:
    diff = _find(steps, "diff (cold)")
    tool_steps = [s for s in steps if not s.name.startswith(("libcst", "parse floor"))]
    peak = max((s.tree_rss_mb for s in tool_steps), default=None)
    return [
        _target(f"generator cold diff >= {GENERATOR_SPEEDUP:.0f}x the libcst runner (naive codemod)",
                (runner(steps, "generator"), diff), "{:.1f}x", lambda v: v >= GENERATOR_SPEEDUP,
                engine=runner(steps, "generator", "engine")),
        _target(f"generator cold diff <= {FLOOR_RATIO:.1f}x the parse floor",
                (diff, _find(steps, "parse floor (generator)")), "{:.2f}x", lambda v: v <= FLOOR_RATIO),
        _target(f"uuid cold scan >= {UUID_SPEEDUP:.0f}x the libcst runner (naive codemod)",
                (runner(steps, "uuid"), _find(steps, "uuid scan (cold)")), "{:.1f}x",
                lambda v: v >= UUID_SPEEDUP, engine=runner(steps, "uuid", "engine")),
        _target(f"no-change re-run >= {RERUN_SPEEDUP:.0f}x faster than cold diff",
                (diff, _find(steps, "diff (no change)")), "{:.1f}x", lambda v: v >= RERUN_SPEEDUP),
        _target(f"peak RSS of the process tree <= {RSS_TARGET_MB} MB", None, "{:.0f} MB",
                lambda v: v <= RSS_TARGET_MB, peak),
    ]


def other_ratios(steps: list[Step]) -> list[tuple[str, float | None]]:
    """Figures worth a look that no target is set for."""
    uuid_scan = _find(steps, "uuid scan (cold)")
    return [
        ("generator cold scan vs libcst runner (naive)",
         _ratio(runner(steps, "generator"), _find(steps, "scan (cold)"))),
        ("naive / engine libcst runner (generator)",
         _ratio(runner(steps, "generator"), runner(steps, "generator", "engine"))),
        ("naive / engine libcst runner (uuid)", _ratio(runner(steps, "uuid"), runner(steps, "uuid", "engine"))),
        ("no-change scan vs cold diff (x faster)", _ratio(_find(steps, "diff (cold)"), _find(steps, "scan (no change)"))),
        ("uuid cold scan / its parse floor", _ratio(uuid_scan, _find(steps, "parse floor (uuid)"))),
        ("uuid no-change scan vs uuid cold scan (x faster)", _ratio(uuid_scan, _find(steps, "uuid scan (no change)"))),
    ]


def table(steps: list[Step]) -> str:
    """One Markdown row per step, with its ratio against both libcst runners of the same recipes."""
    rows = ["| step | seconds (best) | runs | x faster than libcst runner (naive codemod) | x faster than engine "
            "runner (stricter) | own CPU s (least) | peak RSS MB (max process) | tree RSS / PSS MB (sampled sum) "
            "| others' CPU s |",
            "|---|---:|---|---:|---:|---:|---:|---:|---:|"]
    for s in steps:
        ratios = []
        for mode in ("naive", "engine"):
            base = runner(steps, s.recipe, mode)
            ratios.append("1.0x" if s is base else (f"{base.seconds / s.seconds:,.1f}x" if base else "-"))
        runs = ", ".join(f"{r.seconds:.2f}" for r in s.runs)
        if s.extrapolated_seconds is not None:
            runs = f"measured {s.best.seconds:.1f} (extrapolated)"
        name = s.name + (" *" if s.extrapolated_seconds is not None else "")
        cpu = f"{s.cpu:,.1f}" + (f" (measured {s.best.cpu_seconds:.1f})" if s.extrapolated_cpu is not None else "")
        rows.append(f"| {name} | {s.seconds:,.2f} | {runs} | {ratios[0]} | {ratios[1]} | {cpu} | {s.maxrss_mb:.0f} | "
                    f"{s.tree_rss_mb:.0f} / {s.tree_pss_mb:.0f} | {s.best.others_cpu_seconds:.1f} |")
    return "\n".join(rows)


def summary(steps: list[Step], info: dict) -> str:
    """The step table, the targets and the checks of one tree, as Markdown."""
    m = info["manifest"]
    out = [table(steps), "", "| target | measured (wall clock) | | same ratio by CPU time "
           "| against the engine runner (stricter) |", "|---|---:|---|---:|---:|"]
    out += [f"| {t.name} | {t.measured} | {t.verdict} | {t.by_cpu} | {t.vs_engine} |" for t in targets(steps)]
    out.append("")
    out += [f"- {name}: {value:,.2f}" for name, value in other_ratios(steps) if value is not None]
    gen_lines, uuid_lines = m["lines_generator_files"], m["lines_uuid_files"]
    out += [
        f"- tree: {m['files']:,} tracked .py files, {m['bytes'] / 1e6:.0f} MB, {m['lines_total']:,} lines; "
        f"commit {m.get('commit', '?')[:12]}",
        f"- generator: {m['affected_files']} files (lines: median {gen_lines['median']}, mean {gen_lines['mean']}, "
        f"p90 {gen_lines['p90']}, max {gen_lines['max']}), {m['generator_sites']:,} call sites written, "
        f"`scan` counted {info['scan']['sites']:,} ({m['generator_sites_via_fixture']} of those written are "
        "calls through a pytest fixture parameter)",
        f"- uuid: {m['uuid_files']:,} files (lines: median {uuid_lines['median']}, mean {uuid_lines['mean']}, "
        f"p90 {uuid_lines['p90']}, max {uuid_lines['max']}), {m['uuid_sites']:,} sites written, "
        f"`scan --recipe adhoc-ids --recipe test-ids` counted {info['uuid_scan']['sites']:,}"
        if "uuid_scan" in info else "- uuid steps skipped",
        f"- patch applies: {info['patch_applies']}; `apply` changed {info['apply_changed_files']} files, "
        f"`scan` said {info['scan']['files_to_change']}; work tree clean after scan/diff: "
        f"{info['worktree_clean_after_scan']}",
    ]
    for recipe, agree in (info.get("baselines_agree") or {}).items():
        differ = agree["differ"]
        out.append(f"- {recipe} libcst runners, naive and engine: the same diff of {agree['files_changed']} files"
                   if not differ else f"- {recipe} libcst runners, naive and engine: DIFFERENT diffs in "
                   f"{len(differ)} files, e.g. {', '.join(differ[:3])}")
    out += [f"- {s.name}{' *' if s.extrapolated_seconds is not None else ''}: {s.note}" for s in steps if s.note]
    return "\n".join(out)


def environment(repo: Path) -> dict:
    cpu = ""
    try:
        cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                    if line.startswith("model name")), "")
    except OSError:
        pass
    try:
        from importlib.metadata import version
        libcst_version = version("libcst")
    except Exception:  # noqa: BLE001
        libcst_version = "?"
    commit = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=repo, capture_output=True,
                            text=True).stdout.strip()
    try:
        mem = next(line.split(":")[1].strip() for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal"))
    except (OSError, StopIteration):
        mem = ""
    return {"cpu": cpu, "nproc": len(os.sched_getaffinity(0)), "cores": os.cpu_count(), "memory": mem,
            "python": platform.python_version(), "libcst": libcst_version, "idmigrate_commit": commit,
            "platform": platform.platform(), "loadavg_at_start": os.getloadavg()}
