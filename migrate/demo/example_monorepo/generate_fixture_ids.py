"""Print a few IDs for hand-written fixtures: ``python generate_fixture_ids.py [prefix]``."""

from __future__ import annotations

import sys
from typing import List, Sequence

from shared.id_generation import UnifiedIdGenerator


def fixture_ids(prefix: str) -> List[str]:
    gen = UnifiedIdGenerator()  # expect: manual
    return [gen.generate_base_id(prefix), gen.generate_base_id("trace")]  # expect: manual, exact


def main(argv: Sequence[str]) -> int:
    prefix = argv[1] if len(argv) > 1 else "fixture"
    for value in fixture_ids(prefix):
        print(value)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
