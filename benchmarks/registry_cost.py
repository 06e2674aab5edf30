"""What an ID costs in the manager's registry: mint IDs through the example's manager under tracemalloc.

Every ``generate_id`` call registers the ID (with its ``context`` dict) in the process-wide
manager until ``release_id``; ``reset_counters`` does not forget them. This measures the
memory that stays allocated per ID, without and with a small context dict.

    python benchmarks/registry_cost.py [--count 100000]
"""

from __future__ import annotations

import argparse
import gc
import sys
import tracemalloc
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1] / "migrate" / "demo" / "example_monorepo"


def bytes_per_id(count: int, with_context: bool) -> float:
    sys.path.insert(0, str(EXAMPLE))
    try:
        from netra_backend.app.core.unified_id_manager import IDType, UnifiedIDManager
    finally:
        sys.path.remove(str(EXAMPLE))
    manager = UnifiedIDManager()
    gc.collect()
    tracemalloc.start()
    start, _ = tracemalloc.get_traced_memory()
    for index in range(count):
        context = {"user_id": f"user-{index % 1000}"} if with_context else None
        manager.generate_id(IDType.REQUEST, prefix="req", context=context)
    manager.reset_counters()  # counters only: the registered IDs stay
    gc.collect()
    end, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert manager.active_count() == count, "reset_counters() forgot registered IDs"
    return (end - start) / count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    args = parser.parse_args(argv)
    plain = bytes_per_id(args.count, with_context=False)
    context = bytes_per_id(args.count, with_context=True)
    print(f"{args.count:,} IDs kept by the registry: {plain:.0f} B per ID, {context:.0f} B with a one-key context")
    print(f"100,000 IDs: {plain * 1e5 / 2**20:.1f} MiB, {context * 1e5 / 2**20:.1f} MiB with context")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
