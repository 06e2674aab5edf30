"""Print fresh IDs for hand-written fixtures; runs from a checkout without installing anything:
``python bootstrap_ids.py [count]``."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from shared.id_generation import UnifiedIdGenerator  # noqa: E402


def fixture_ids(count: int) -> list:
    return UnifiedIdGenerator.generate_batch_ids("fixture", count)  # expect: format


def main(argv: list) -> int:
    for value in fixture_ids(int(argv[1]) if len(argv) > 1 else 3):
        print(value)
    print(UnifiedIdGenerator.generate_id("session"))  # expect: exact
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
