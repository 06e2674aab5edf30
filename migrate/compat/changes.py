"""The files ``expose`` and ``shim`` write, planned first: written as one step, or shown as a patch.

``--diff`` prints the patch the step would write (paths relative to ROOT, as ``idmigrate diff``
does, so ``git apply`` takes it) and writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from migrate.output.diffing import new_file_diff, unified_diff
from migrate.workspace.fileio import atomic_write


@dataclass(frozen=True)
class FileChange:
    """One file to write: ``old`` is None for a file that does not exist yet."""

    rel: str
    old: bytes | None
    new: bytes


@dataclass
class CompatChanges:
    """What a step would do: its files, and a one-line summary once written / as a dry run."""

    files: list[FileChange] = field(default_factory=list)
    done: str = ""
    would: str = ""

    def patch(self) -> bytes:
        return b"".join(new_file_diff(c.rel, c.new) if c.old is None else unified_diff(c.rel, c.old, c.new)
                        for c in sorted(self.files, key=lambda c: c.rel))

    def write(self, root: Path) -> str:
        """Write every file (a new file's directories first) and return the summary."""
        for change in self.files:
            target = root / change.rel
            if change.old is None and not target.parent.is_dir():
                target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(root, change.rel, change.new)
        return self.done
