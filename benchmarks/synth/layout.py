"""Where the synthetic monorepo's files go, which of them use the generator or ``uuid4()``, and how big they are.

The shares follow the real repository the tool was written for (see the project README): the
generator's ~200 users sit mostly in ``netra_backend`` and the tests, the ~1,400 files with uuid
IDs spread wider, and every file that uses either is big (median 660 lines, mean 780, p90 1,480,
max 2,510), while ordinary modules are the usual 50-600 lines.
"""

from __future__ import annotations

import random

from synth.vocab import NOUNS, VERBS

#: service -> (share of the files, sub-areas).
LAYOUT = {
    "netra_backend": (0.42, ("app/agents", "app/services", "app/websocket", "app/db/repositories",
                             "app/db/models", "app/core", "app/routes", "app/utils", "app/schemas",
                             "app/middleware", "app/llm", "app/workers", "app/integrations",
                             "tests/unit", "tests/integration", "tests/agents")),
    "auth_service": (0.08, ("auth_core", "auth_core/oauth", "auth_core/tokens", "auth_core/db",
                            "api", "tests", "tests/integration")),
    "analytics_service": (0.08, ("analytics_core", "analytics_core/ingest", "analytics_core/reports",
                                 "clickhouse", "api", "tests")),
    "shared": (0.07, ("logging", "events", "config", "utils", "types", "clients", "cache",
                      "security", "monitoring")),
    "test_framework": (0.04, ("", "fixtures", "helpers", "ssot", "docker")),
    "tests": (0.27, ("e2e", "integration", "unit", "mission_critical", "performance", "regression",
                     "websocket", "agents", "auth")),
    "scripts": (0.04, ("", "migrations", "deploy", "maintenance")),
}
ROOT_LOOSE = ("generate_fixture_ids.py", "manage.py", "run_local.py", "check_health.py",
              "seed_data.py", "export_schema.py", "profile_startup.py", "conftest.py")
API_FILES = (
    "shared/__init__.py",
    "shared/id_generation/__init__.py",
    "shared/id_generation/unified_id_generator.py",
    "netra_backend/__init__.py",
    "netra_backend/app/__init__.py",
    "netra_backend/app/core/__init__.py",
    "netra_backend/app/core/unified_id_manager.py",
)
#: Where the generator's users live (about 200 files in the real repo).
GENERATOR_SHARE = {
    "netra_backend": 0.40, "tests": 0.45, "auth_service": 0.03, "analytics_service": 0.03,
    "shared": 0.015, "test_framework": 0.02, "scripts": 0.02, "_root": 0.015,
}
#: Where files with uuid4-based IDs live (1,387 of 8,121 files in the real repo).
UUID_SHARE = {
    "netra_backend": 0.38, "tests": 0.36, "auth_service": 0.07, "analytics_service": 0.07,
    "shared": 0.05, "test_framework": 0.04, "scripts": 0.025, "_root": 0.005,
}
FILES_PER_DIR = 24
#: Quantiles of the line count of a file with sites: (share of files, lines), linear in between.
#: Median 660, p90 1,480, max 2,510; the mean comes out at ~785.
SIZE_QUANTILES = ((0.0, 120), (0.25, 420), (0.5, 660), (0.75, 1000), (0.9, 1480), (0.97, 2000), (1.0, 2510))


def service_of(rel: str) -> str:
    return rel.split("/", 1)[0] if "/" in rel else "_root"


def is_test_path(rel: str) -> bool:
    """The files idmigrate's ``test-ids`` recipe takes (and ``adhoc-ids`` leaves alone)."""
    parts = rel.split("/")
    name = parts[-1]
    return "tests" in parts[:-1] or name.startswith("test_") or name.endswith("_test.py") or name == "conftest.py"


def is_test_module(rel: str) -> bool:
    """A ``test_*.py`` module: written as one big test class."""
    return rel.rsplit("/", 1)[-1].startswith("test_")


def plan_layout(n: int, rng: random.Random) -> list[str]:
    """Exactly ``n`` relative .py paths (API modules and package __init__ files included)."""
    paths: list[str] = list(API_FILES)
    seen = set(paths)
    budget = n - len(API_FILES) - len(ROOT_LOOSE)
    if budget < 50:
        raise SystemExit("N must be at least 70")
    for service, (share, areas) in LAYOUT.items():
        count = max(8, round(budget * share))
        made = 0
        dir_index = 0
        while made < count:
            area = areas[dir_index % len(areas)]
            round_no = dir_index // len(areas)
            sub = area if round_no == 0 else f"{area}/{rng.choice(NOUNS)}_{round_no}".lstrip("/")
            directory = f"{service}/{sub}".rstrip("/")
            dir_index += 1
            parts = directory.split("/")
            for depth in range(1, len(parts) + 1):  # package __init__ files along the way
                init = "/".join(parts[:depth]) + "/__init__.py"
                if init not in seen:
                    seen.add(init)
                    paths.append(init)
                    made += 1
            in_dir = rng.randint(FILES_PER_DIR // 2, FILES_PER_DIR * 3 // 2)
            test_dir = "tests" in parts or service == "tests"
            for _ in range(in_dir):
                if made >= count:
                    break
                noun, verb = rng.choice(NOUNS), rng.choice(VERBS)
                if test_dir:
                    name = f"test_{noun}_{verb}"
                else:
                    name = rng.choice((f"{noun}_service", f"{noun}_{verb}", f"{noun}_repository",
                                       f"{noun}s", f"{verb}_{noun}s", f"{noun}_handler", f"{noun}_models"))
                rel = f"{directory}/{name}.py"
                suffix = 2
                while rel in seen:
                    rel = f"{directory}/{name}_{suffix}.py"
                    suffix += 1
                seen.add(rel)
                paths.append(rel)
                made += 1
    paths.extend(ROOT_LOOSE)
    protected = set(API_FILES) | set(ROOT_LOOSE)
    while len(paths) > n:  # trim or pad to exactly n (pad in tests/, the biggest bucket after the backend)
        for i in range(len(paths) - 1, -1, -1):
            if paths[i] not in protected and not paths[i].endswith("__init__.py"):
                del paths[i]
                break
    pad = 0
    while len(paths) < n:
        rel = f"tests/regression/test_padding_{pad}.py"
        pad += 1
        if rel not in seen:
            seen.add(rel)
            paths.append(rel)
    return paths


def candidates(paths: list[str]) -> dict[str, list[str]]:
    """Files that may hold sites, by service: not the APIs, not package ``__init__`` files."""
    out: dict[str, list[str]] = {}
    for rel in paths:
        if rel in API_FILES or rel.endswith("__init__.py"):
            continue
        out.setdefault(service_of(rel), []).append(rel)
    return out


def choose(pool: dict[str, list[str]], want: int, shares: dict[str, float], rng: random.Random) -> set[str]:
    """``want`` files spread over the services by ``shares`` (at least one per service when any)."""
    chosen: set[str] = set()
    for service, share in shares.items():
        files = pool.get(service, [])
        k = min(len(files), max(1 if want else 0, round(want * share)))
        chosen.update(rng.sample(files, k))
    rest = sorted(set().union(*pool.values()) - chosen) if pool else []
    while len(chosen) < want and rest:
        chosen.add(rest.pop(rng.randrange(len(rest))))
    while len(chosen) > want:
        chosen.discard(sorted(chosen)[rng.randrange(len(chosen))])
    return chosen


def size_at(share: float) -> float:
    for (u0, l0), (u1, l1) in zip(SIZE_QUANTILES, SIZE_QUANTILES[1:]):
        if share <= u1:
            return l0 + (l1 - l0) * (share - u0) / (u1 - u0)
    return float(SIZE_QUANTILES[-1][1])


def assign_sizes(files: list[str], rng: random.Random, scale: float = 1.0) -> dict[str, int]:
    """Target line counts for ``files``: evenly spaced quantiles of SIZE_QUANTILES, shuffled.

    Stratified rather than drawn, so even a few hundred files have the median, p90 and max above.
    """
    k = len(files)
    sizes = [round(size_at(i / (k - 1) if k > 1 else 0.5) * scale) for i in range(k)]
    rng.shuffle(sizes)
    return dict(zip(sorted(files), sizes))


def percentiles(values: list[int]) -> dict[str, float]:
    """Median, mean, p90 and max of a list of line counts (0s when empty)."""
    if not values:
        return {"median": 0, "mean": 0, "p90": 0, "max": 0, "count": 0}
    ordered = sorted(values)
    return {"median": ordered[len(ordered) // 2], "mean": round(sum(ordered) / len(ordered)),
            "p90": ordered[min(len(ordered) - 1, int(len(ordered) * 0.9))], "max": ordered[-1],
            "count": len(ordered)}
