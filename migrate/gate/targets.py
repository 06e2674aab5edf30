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

from migrate.commands.root import find_project_root


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


def missing_target(targets: Targets) -> str | None:
    """The first file argument that does not exist or lies outside ROOT, as a one-line error."""
    root = targets.root.resolve()
    for raw in targets.files:
        path = Path(raw).resolve()
        if not path.exists():
            return f"{raw}: no such file or directory"
        if path != root and root not in path.parents:
            return f"{raw}: not inside ROOT {targets.root}"
    return None
