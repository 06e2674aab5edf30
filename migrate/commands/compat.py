"""``expose`` and ``shim``: write their files, or with ``--diff`` print the patch and write nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, TextIO

from migrate.commands.views import write_patch
from migrate.compat.changes import CompatChanges


def write_or_show(changes: CompatChanges, root: Path, diff: bool, color: bool | None, out: TextIO,
                  log: Callable[[str], None]) -> int:
    """Exit codes as ``diff``'s: 0 whether or not there is something to write (the patch is then empty);
    2, in one line, when a file cannot be written."""
    if not diff:
        try:
            log(changes.write(root))
        except OSError as exc:
            log(f"error: cannot write {exc.filename or ''}: {exc.strerror or exc}")
            return 2
        return 0
    write_patch(changes.patch(), color, out)
    log(changes.would)
    return 0
