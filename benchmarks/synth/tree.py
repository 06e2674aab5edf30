"""Writing a synthetic monorepo: plan, files (in a process pool), untracked noise, git commit, manifest.

A file's content depends only on (seed, path, its role, its target size), so the tree is
byte-identical for the same arguments whatever the number of writer processes, and its one
commit (fixed author and date) has the same SHA.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from synth.layout import (
    GENERATOR_SHARE, UUID_SHARE, assign_sizes, candidates, choose, percentiles, plan_layout, service_of,
)
from synth.modules import affected_file, ordinary_file

HERE = Path(__file__).resolve().parent
FORBIDDEN = (b"UnifiedIdGenerator", b"unified_id_generator", b"id_generation")
#: Share of all files that use uuid4 IDs (1,387 of 8,121 in the real repo).
UUID_RATIO = 0.17
#: Bumped whenever the same arguments would give a different tree (bench.py regenerates older trees).
VERSION = 2


def file_rng(seed: int, rel: str) -> random.Random:
    return random.Random(f"{seed}:{rel}")


def _api_sources() -> dict[str, bytes]:
    """The two APIs, copied from the example monorepo bundled with idmigrate."""
    candidates_ = [HERE.parents[1] / "migrate" / "demo" / "example_monorepo"]
    try:
        import migrate
        candidates_.append(Path(migrate.__file__).resolve().parent / "demo" / "example_monorepo")
    except ImportError:
        pass
    names = ("shared/id_generation/__init__.py", "shared/id_generation/unified_id_generator.py",
             "netra_backend/app/core/unified_id_manager.py")
    for base in candidates_:
        if all((base / rel).is_file() for rel in names):
            return {rel: (base / rel).read_bytes() for rel in names}
    raise SystemExit("cannot find the bundled example monorepo (migrate/demo/example_monorepo) to copy the APIs from")


def _write_chunk(args) -> list[tuple[str, dict[str, int], int, int]]:
    """Write some files; (path, sites, bytes, lines) each."""
    out_dir, seed, items = args
    stats = []
    for rel, generator, uuid, target in items:
        rng = file_rng(seed, rel)
        if generator or uuid:
            text, sites = affected_file(rng, rel, target, generator, uuid)
        else:
            text, sites = ordinary_file(rng, rel), {}
        data = text.encode()
        if not generator and any(tok in data for tok in FORBIDDEN):
            raise AssertionError(f"{rel} mentions the generator but should not")
        if not uuid and b"uuid4" in data:
            raise AssertionError(f"{rel} calls uuid4 but should not")
        with open(os.path.join(out_dir, rel), "wb") as fh:
            fh.write(data)
        stats.append((rel, sites, len(data), text.count("\n")))
    return stats


def _noise(out: Path, seed: int) -> int:
    """Untracked files full of usages that discovery must skip."""
    rng = random.Random(f"{seed}:noise")
    made = 0
    for base, count in ((".venv/lib/python3.11/site-packages/vendored_ids", 40), ("node_modules/pyodide-shim/py", 10),
                        ("generated/clients", 10)):
        d = out / base
        d.mkdir(parents=True, exist_ok=True)
        for i in range(count):
            text, _ = affected_file(rng, f"{base}/mod_{i}.py", 120, True, i % 3 == 0)
            (d / f"mod_{i}.py").write_text(text)
            made += 1
    (out / ".venv" / "pyvenv.cfg").write_text("home = /usr/bin\nversion = 3.11.0\n")
    return made


def _git(out: Path, *args: str) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="bench@example.invalid",
               GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@example.invalid",
               GIT_AUTHOR_DATE="2024-01-01T00:00:00Z", GIT_COMMITTER_DATE="2024-01-01T00:00:00Z")
    subprocess.run(["git", "-c", "core.loosecompression=0", "-c", "core.fsync=none", "-c", "gc.auto=0",
                    "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args],
                   cwd=out, check=True, env=env, stdout=subprocess.DEVNULL)


def generate(n: int, out: Path, *, affected_ratio: float = 0.025, affected: int | None = None, seed: int = 1,
             jobs: int | None = None, git: bool = True, uuid_ratio: float = UUID_RATIO, uuid_files: int | None = None,
             size_scale: float = 1.0) -> dict:
    """Write the tree; return its manifest (also written to ``OUT/.idmigrate-bench.json``)."""
    started = time.perf_counter()
    if out.exists() and any(out.iterdir()):
        raise SystemExit(f"{out} exists and is not empty")
    if size_scale <= 0:
        raise SystemExit("--size-scale must be positive")
    out.mkdir(parents=True, exist_ok=True)
    paths = plan_layout(n, random.Random(f"{seed}:layout:{n}"))
    api = _api_sources()
    pool = candidates(paths)
    want = affected if affected is not None else round(n * affected_ratio)
    chosen = choose(pool, want, GENERATOR_SHARE, random.Random(f"{seed}:affected:{n}:{want}"))
    want_uuid = uuid_files if uuid_files is not None else round(n * uuid_ratio)
    with_uuid = choose(pool, want_uuid, UUID_SHARE, random.Random(f"{seed}:uuid:{n}:{want_uuid}"))
    size_rng = random.Random(f"{seed}:sizes:{n}")
    sizes = assign_sizes(sorted(chosen), size_rng, size_scale)
    sizes.update(assign_sizes(sorted(with_uuid - chosen), size_rng, size_scale))

    for d in sorted({os.path.dirname(p) for p in paths} - {""}):
        (out / d).mkdir(parents=True, exist_ok=True)
    for rel, data in api.items():
        (out / rel).write_bytes(data)
    items = [(rel, rel in chosen, rel in with_uuid, sizes.get(rel, 0)) for rel in paths if rel not in api]
    jobs = jobs or os.cpu_count() or 1
    chunk = max(1, len(items) // (jobs * 8))
    work = [(str(out), seed, items[i:i + chunk]) for i in range(0, len(items), chunk)]
    stats: list[tuple[str, dict[str, int], int, int]] = []
    if jobs > 1 and len(items) > 500:
        with ProcessPoolExecutor(max_workers=jobs) as executor:
            for part in executor.map(_write_chunk, work):
                stats.extend(part)
    else:
        for w in work:
            stats.extend(_write_chunk(w))
    generated_at = time.perf_counter()

    (out / "pyproject.toml").write_text(
        '[project]\nname = "synthetic-monorepo"\nversion = "0.0.0"\n\n'
        "[tool.idmigrate]\n# defaults: every top-level package is a service\n")
    (out / "README.md").write_text(f"Synthetic monorepo for idmigrate benchmarks: {n} files, seed {seed}.\n")
    (out / ".gitignore").write_text(".venv/\nnode_modules/\ngenerated/\n__pycache__/\n*.pyc\n.idmigrate-bench.json\n")
    noise = _noise(out, seed)
    manifest = _manifest(n, seed, size_scale, chosen, with_uuid, stats, api)
    manifest["untracked_noise_files"] = noise
    if git:
        _git(out, "init", "-q")
        _git(out, "add", "-A")
        _git(out, "commit", "-q", "-m", f"synthetic monorepo: {n} files, seed {seed}")
        manifest["commit"] = subprocess.run(["git", "rev-parse", "HEAD"], cwd=out, capture_output=True, text=True,
                                            check=True).stdout.strip()
    manifest["seconds_generate"] = round(generated_at - started, 2)
    manifest["seconds_total"] = round(time.perf_counter() - started, 2)
    (out / ".idmigrate-bench.json").write_text(json.dumps(manifest, indent=1) + "\n")
    return manifest


def _manifest(n, seed, size_scale, chosen, with_uuid, stats, api) -> dict:
    by_service: dict[str, dict[str, int]] = {}
    for rel, sites, _, _ in stats:
        entry = by_service.setdefault(service_of(rel), {"generator_files": 0, "generator_sites": 0,
                                                        "uuid_files": 0, "uuid_sites": 0})
        if sites.get("generator"):
            entry["generator_files"] += 1
            entry["generator_sites"] += sites["generator"]
        if sites.get("uuid"):
            entry["uuid_files"] += 1
            entry["uuid_sites"] += sites["uuid"]
    lines = {rel: count for rel, _, _, count in stats}
    ordinary = [count for rel, sites, _, count in stats if not sites and not rel.endswith("__init__.py")]
    total = {key: sum(s.get(key, 0) for _, s, _, _ in stats) for key in ("generator", "generator_via_fixture", "uuid")}
    return {
        "version": VERSION, "files": n, "seed": seed, "size_scale": size_scale,
        "affected_files": len(chosen),
        "affected_sites_approx": total["generator"],  # exact; the name is kept for older readers
        "generator_sites": total["generator"], "generator_sites_via_fixture": total["generator_via_fixture"],
        "uuid_files": len(with_uuid), "uuid_sites": total["uuid"],
        "by_service": dict(sorted(by_service.items())),
        "bytes": sum(s[2] for s in stats) + sum(len(v) for v in api.values()),
        "lines_total": sum(lines.values()),
        "lines_generator_files": percentiles([lines[rel] for rel in chosen]),
        "lines_uuid_files": percentiles([lines[rel] for rel in with_uuid]),
        "lines_ordinary_files": percentiles(ordinary),
        "affected": sorted(chosen),
        "sites": {rel: sites for rel, sites, _, _ in stats if sites},
    }
