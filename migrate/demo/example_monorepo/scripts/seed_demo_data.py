"""Seed a development database with demo users, threads and jobs.

    python -m scripts.seed_demo_data --users 5
"""

from __future__ import annotations

import argparse
import json
from typing import Any, Dict, List, Optional, Sequence

from shared.id_generation import UnifiedIdGenerator


def build_seed_users(count: int) -> List[Dict[str, Any]]:
    users = []
    for _ in range(count):
        user_id = UnifiedIdGenerator.generate_base_id("user")  # expect: exact
        thread_id = UnifiedIdGenerator.generate_base_id("thread")  # expect: exact
        run_id = UnifiedIdGenerator.generate_base_id("run")  # expect: format
        request_id = UnifiedIdGenerator.generate_base_id("request")  # expect: exact
        users.append({"user_id": user_id, "thread_id": thread_id, "run_id": run_id, "request_id": request_id})
    return users


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=3)
    args = parser.parse_args(argv)
    print(json.dumps({"users": build_seed_users(args.users)}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
