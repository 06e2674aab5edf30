"""Archives finished runs. Its imports follow three house styles of the real repository:
an optional import guarded by ``try/except ImportError``, a function-local manager import,
and a function-local generator import with the reason for it written above."""

from __future__ import annotations

from typing import Any, Dict, Iterable

try:
    from shared.id_generation import UnifiedIdGenerator
    IDS_AVAILABLE = True
except ImportError:  # pragma: no cover - the archiver also runs from a bare checkout
    IDS_AVAILABLE = False


def archive_label(kind: str) -> str:
    from netra_backend.app.core.unified_id_manager import IDType

    return f"{IDType(kind).value}-archive"


def new_archive_id() -> str:
    if not IDS_AVAILABLE:  # pragma: no cover
        return "archive_local"
    return UnifiedIdGenerator.generate_base_id("archive")  # expect: format


def export_archive(run_ids: Iterable[str]) -> Dict[str, Any]:
    # imported late: only exports need the ID registry, and most archive calls never export
    from shared.id_generation import UnifiedIdGenerator

    return {"export_id": UnifiedIdGenerator.generate_base_id("export"), "runs": list(run_ids)}  # expect: format
