"""syrupy extension: one readable ``.py`` file per snapshot under the top-level ``snapshots/``."""

from __future__ import annotations

from pathlib import Path

from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

SNAPSHOT_ROOT = Path(__file__).resolve().parent.parent / "snapshots"


class PySnapshotExtension(SingleFileSnapshotExtension):
    _write_mode = WriteMode.TEXT
    file_extension = "py"
    _file_extension = "py"  # syrupy < 5 spells it this way

    @classmethod
    def dirname(cls, *, test_location) -> str:
        return str(SNAPSHOT_ROOT / test_location.basename)


class MdSnapshotExtension(PySnapshotExtension):
    file_extension = "md"
    _file_extension = "md"


class JsonSnapshotExtension(PySnapshotExtension):
    file_extension = "json"
    _file_extension = "json"


class DiffSnapshotExtension(PySnapshotExtension):
    file_extension = "diff"
    _file_extension = "diff"
