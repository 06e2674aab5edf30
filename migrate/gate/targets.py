"""How ``verify``'s positional arguments split into ROOT and the files to check.

- no argument: ROOT is the project around the current directory (``find_project_root``);
- one directory: that is ROOT (``idmigrate verify ROOT``, as every verb takes it);
- anything else (files, as pre-commit passes the staged ones, or several paths):
  each is a file or directory inside ROOT, and ROOT is ``--root`` if given, else
  the project around the current directory.

With ``--root``, every argument is a path inside it.
"""

from __future__ import annotations

from pathlib import Path

from migrate.commands.root import find_project_root


def split_targets(targets: list[Path], root_option: Path | None, cwd: Path) -> tuple[Path, list[str]]:
    """(ROOT, paths to narrow to) for ``verify [--root ROOT] [TARGETS...]``."""
    if root_option is not None:
        return root_option, [str(t) for t in targets]
    if not targets:
        return find_project_root(cwd), []
    only = targets[0]
    if len(targets) == 1 and (only.is_dir() or (not only.exists() and only.suffix != ".py")):
        return only, []  # a missing single argument is reported as a missing ROOT
    return find_project_root(cwd), [str(t) for t in targets]
