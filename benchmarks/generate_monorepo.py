#!/usr/bin/env python3
"""Generate a deterministic synthetic monorepo for benchmarking idmigrate.

    python benchmarks/generate_monorepo.py N OUT [--affected K | --affected-ratio 0.025]
                                           [--uuid-ratio 0.17 | --uuid-files K] [--size-scale 1.0] [--seed 1]

writes N tracked ``.py`` files under OUT in the layout of the real repository (netra_backend/,
auth_service/, analytics_service/, shared/, test_framework/, tests/, scripts/ and loose root
scripts) with working ``shared/id_generation`` and ``netra_backend/app/core/unified_id_manager.py``
copied from the bundled example monorepo. The code is written by ``benchmarks/synth``:

* ``--affected`` files (or ``--affected-ratio`` of N) use ``UnifiedIdGenerator`` in the call-site
  shapes the default recipe handles, ~5 sites each;
* ``--uuid-files`` (or ``--uuid-ratio`` of N, default 17%) build IDs from ``uuid4()`` the way the
  opt-in ``adhoc-ids``/``test-ids`` recipes target, ~5-6 sites each;
* those files are as big as the real ones (median 660 lines, mean ~780, p90 1,480, max 2,510;
  ``--size-scale`` shrinks them for quick tests), and a test module is one test class of dozens
  of methods; every other module is ordinary code of 50-600 lines;
* untracked noise that a correct discovery must skip: ``.venv/``, ``node_modules/`` and a
  git-ignored ``generated/`` directory, all full of usages.

The tree is ``git init``-ed with one commit (fixed author and date): the same arguments give
byte-identical files and the same commit SHA. The manifest ``OUT/.idmigrate-bench.json``
(git-ignored) records the counts, the size statistics and every file's sites.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth.tree import UUID_RATIO, VERSION, generate  # noqa: E402

__all__ = ["UUID_RATIO", "VERSION", "generate", "main"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, nargs="?", default=10_000, help="number of tracked .py files (default 10000)")
    ap.add_argument("out", type=Path, help="output directory (must not exist or be empty)")
    ap.add_argument("--affected-ratio", type=float, default=0.025, help="share of files that use the generator")
    ap.add_argument("--affected", type=int, default=None, help="exact number of generator files (overrides the ratio)")
    ap.add_argument("--uuid-ratio", type=float, default=UUID_RATIO, help="share of files with uuid4 IDs")
    ap.add_argument("--uuid-files", type=int, default=None, help="exact number of files with uuid4 IDs")
    ap.add_argument("--size-scale", type=float, default=1.0,
                    help="multiply the line counts of files with usages (e.g. 0.1 for a quick test tree)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=None, help="writer processes (default: all cores)")
    ap.add_argument("--no-git", action="store_true", help="skip git init + commit")
    args = ap.parse_args(argv)
    m = generate(args.n, args.out, affected_ratio=args.affected_ratio, affected=args.affected, seed=args.seed,
                 jobs=args.jobs, git=not args.no_git, uuid_ratio=args.uuid_ratio, uuid_files=args.uuid_files,
                 size_scale=args.size_scale)
    print(json.dumps({k: v for k, v in m.items() if k not in ("affected", "sites")}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
