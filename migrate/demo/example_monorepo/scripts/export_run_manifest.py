"""Print the IDs of a new run as JSON: ``python scripts/export_run_manifest.py [kind]``.

Run directly, not with ``-m``: it puts the repository root on ``sys.path`` itself,
so every import of the repository's own packages must come after that line.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Dict, List

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from shared.id_generation import UnifiedIdGenerator  # noqa: E402


def build_manifest(kind: str) -> Dict[str, str]:
    thread_id = UnifiedIdGenerator.generate_base_id("thread")  # expect: exact
    run_id = UnifiedIdGenerator.generate_base_id("run")  # expect: format
    artifact_id = UnifiedIdGenerator.generate_base_id(kind)  # expect: manual
    return {"thread_id": thread_id, "run_id": run_id, "artifact_id": artifact_id}


def main(argv: List[str]) -> int:
    kind = argv[1] if len(argv) > 1 else "artifact"
    print(json.dumps(build_manifest(kind), sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
