"""Write a plan's changes to the working tree, atomically, without clobbering concurrent edits."""

from __future__ import annotations

from migrate.workspace.fileio import UnsafePathError, atomic_write, read_source
from migrate.workspace.pipeline import Plan


def write_changes(plan: Plan) -> tuple[list[str], list[tuple[str, str]]]:
    """Write every changed file; return (written, [(path, why not written)])."""
    written: list[str] = []
    not_written: list[tuple[str, str]] = []
    for outcome in sorted(plan.changed, key=lambda o: o.path):
        rel = outcome.path
        try:
            if read_source(plan.root, rel) != outcome.original:
                not_written.append((rel, "the file changed while idmigrate was running; re-run"))
                continue
            atomic_write(plan.root, rel, outcome.result.new_source)
        except PermissionError as exc:
            not_written.append((rel, f"read-only ({exc.strerror or exc})"))
            continue
        except (OSError, UnsafePathError) as exc:
            not_written.append((rel, getattr(exc, "strerror", None) or str(exc)))
            continue
        written.append(rel)
    return written, not_written
