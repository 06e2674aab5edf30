"""How ``verify``'s positional arguments split into ROOT and the files to check.

- no argument: ROOT is the project around the current directory (``find_project_root``);
- one directory: ROOT when it is a project root itself (its own ``[tool.idmigrate]`` or git
  work tree, or no project around it); a directory inside a project narrows the check to it,
  with that project as ROOT, as several arguments do. So ``verify netra_backend`` from the
  repository reads the repository's configuration and baseline paths;
- anything else (files, as pre-commit passes the staged ones, or several paths):
  each is a file or directory inside ROOT, and ROOT is ``--root`` if given, else
  the project around the current directory.

With ``--root``, every argument is a path inside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from migrate.commands.root import find_project_root
from migrate.workspace.pipeline import UsageError


@dataclass(frozen=True)
class Targets:
    root: Path
    #: The arguments that narrow the check, as given.
    files: list[str]
    #: ROOT was found, not typed: the CLI says which, as for every verb.
    found: bool = False


def split_targets(targets: list[Path], root_option: Path | None, cwd: Path) -> Targets:
    """ROOT and the paths to narrow to, for ``verify [--root ROOT] [TARGETS...]``."""
    if root_option is not None:
        return Targets(root_option, [str(t) for t in targets])
    if not targets:
        return Targets(find_project_root(cwd), [], True)
    only = targets[0]
    if len(targets) == 1 and not only.exists() and only.suffix != ".py":
        return Targets(only, [])  # a missing single argument is reported as a missing ROOT
    if len(targets) == 1 and only.is_dir():
        project = find_project_root(only)
        if project == only.resolve():
            return Targets(only, [])
        return Targets(project, [str(only)], True)
    return Targets(find_project_root(cwd), [str(t) for t in targets], True)


def verify_targets(targets: list[Path], root_option: Path | None, cwd: Path,
                   log: Callable[[str], None]) -> tuple[Path, list[str]]:
    """(ROOT, paths to narrow to); says which ROOT was found, as every verb does, and raises
    ``UsageError`` naming the first file argument that does not exist or lies outside ROOT."""
    split = split_targets(targets, root_option, cwd)
    root = split.root.resolve()
    for raw in split.files if root.is_dir() else ():
        path = Path(raw).resolve()
        if not path.exists():
            raise UsageError(f"{raw}: no such file or directory")
        if path != root and root not in path.parents:
            raise UsageError(f"{raw}: not inside ROOT {split.root}")
    if split.found and root != cwd.resolve():
        log(f"idmigrate: project root {split.root}")
    return split.root, split.files
