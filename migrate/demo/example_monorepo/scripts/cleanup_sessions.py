"""Drop idle sessions from the in-process registry (run from a worker shell).

    python -m scripts.cleanup_sessions --max-age 600
"""

from __future__ import annotations

import argparse
from typing import Optional, Sequence

from shared.id_generation import UnifiedIdGenerator


def cleanup(max_age_seconds: float) -> str:
    removed = UnifiedIdGenerator.cleanup_expired_sessions(max_age_seconds)  # expect: manual
    remaining = UnifiedIdGenerator.get_active_sessions_count()  # expect: manual
    return f"removed {removed} session(s), {remaining} still active"


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--max-age", type=float, default=3600.0)
    args = parser.parse_args(argv)
    print(cleanup(args.max_age))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
