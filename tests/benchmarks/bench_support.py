"""Loading benchmarks/ modules in tests: it is no package, its scripts put their directory on sys.path."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"


def bench_module(name: str):
    """``libcst_baseline``, ``timing.report``, ... as bench.py imports them."""
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    return importlib.import_module(name)
