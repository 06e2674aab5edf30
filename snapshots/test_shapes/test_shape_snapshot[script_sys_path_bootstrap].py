# idmigrate snapshot: script_sys_path_bootstrap (changed)
# findings:
#   13:12 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.USER)
#   13:57 IDM060 manual parse_id
#       -> UnifiedIDManager.parse_run_id(...) for run IDs, or drop the parsing

# ------------------------------ before
"""Seed users: python scripts/seed.py"""
from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from shared.id_generation import UnifiedIdGenerator  # noqa: E402


def seed(raw):
    return UnifiedIdGenerator.generate_base_id("user"), UnifiedIdGenerator.parse_id(raw)

# ------------------------------ after
"""Seed users: python scripts/seed.py"""
from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from shared.id_generation import UnifiedIdGenerator  # noqa: E402
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager  # noqa: E402


def seed(raw):
    return get_id_manager().generate_id(IDType.USER), UnifiedIdGenerator.parse_id(raw)
