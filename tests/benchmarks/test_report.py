"""bench.py's report: the speed targets are ratios against the naive libcst runner, the
engine runner's ratio is shown next to them; the per-file diff check of the two runners."""

from __future__ import annotations

from tests.benchmarks.bench_support import bench_module


def _step(name: str, seconds: float, recipe: str = "generator", baseline: str | None = None):
    measure = bench_module("timing.measure")
    run = measure.Run(seconds=seconds, returncode=0, maxrss_mb=50, tree_rss_mb=100, tree_pss_mb=80, procs=1,
                      cpu_seconds=seconds, others_cpu_seconds=0.0)
    return measure.Step(name, recipe, [run], baseline=baseline)


STEPS = [
    _step("diff (cold)", 2.0), _step("diff (no change)", 0.1), _step("uuid scan (cold)", 10.0, "uuid"),
    _step("libcst runner (generator, naive)", 400.0, baseline="naive"),
    _step("libcst runner (generator, engine)", 200.0, baseline="engine"),
    _step("libcst runner (uuid, naive)", 150.0, "uuid", "naive"),
    _step("libcst runner (uuid, engine)", 300.0, "uuid", "engine"),
]


def test_speed_targets_are_measured_against_the_naive_runner():
    by_name = {t.name.split(" >=")[0]: t for t in bench_module("timing.report").targets(STEPS)}
    generator, uuid = by_name["generator cold diff"], by_name["uuid cold scan"]
    assert (generator.measured, generator.met, generator.vs_engine) == ("200.0x", True, "100.0x")
    assert (uuid.measured, uuid.met, uuid.vs_engine) == ("15.0x", False, "30.0x")


def test_the_table_shows_both_ratios():
    rows = {row.split(" | ")[0].strip("| "): row.split(" | ")
            for row in bench_module("timing.report").table(STEPS).splitlines()[2:]}
    assert rows["diff (cold)"][3:5] == ["200.0x", "100.0x"]
    assert rows["libcst runner (generator, engine)"][3:5] == ["2.0x", "1.0x"]
    assert rows["uuid scan (cold)"][3:5] == ["15.0x", "30.0x"]


def test_without_the_naive_runner_the_speed_targets_are_not_measured():
    steps = [s for s in STEPS if s.baseline != "naive"]
    by_name = {t.name.split(" >=")[0]: t for t in bench_module("timing.report").targets(steps)}
    assert by_name["generator cold diff"].verdict == "not measured"
    assert by_name["generator cold diff"].vs_engine == "100.0x"


def test_diff_blocks_split_at_file_headers_only():
    root = "/r/mono"
    text = (f"--- {root}/a.py\n+++ {root}/a.py\n@@ -1,2 +1,1 @@\n--- not a header\n x = 1\n"
            f"--- {root}/b.py\n+++ {root}/b.py\n@@ -1 +1 @@\n-y = 1\n+y = 2\n")
    blocks = bench_module("timing.diffs").diff_blocks(text, root)
    assert sorted(blocks) == ["a.py", "b.py"]
    assert "--- not a header" in blocks["a.py"] and blocks["b.py"].endswith("+y = 2")
    other = text.replace("+y = 2", "+y = 3")
    assert bench_module("timing.diffs").compare(text, other, root) == (2, ["b.py"])
