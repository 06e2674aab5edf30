"""Which directory is ROOT when the command line names none.

As ruff and git do, the project is found upwards from the current directory: the
nearest directory whose ``pyproject.toml`` holds ``[tool.idmigrate]``, else the git
work tree around it, else the current directory. Run from ``netra_backend/``, every
verb therefore works on the whole repository (and reads its configuration); narrowing
to a folder is what ``--path`` is for.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

#: ``[tool.idmigrate...]`` as a table header or ``tool.idmigrate...`` as a dotted key.
_MENTION = re.compile(r"^\s*(\[\s*)?tool\s*\.\s*idmigrate\b", re.MULTILINE)


def declares_idmigrate(pyproject: Path) -> bool:
    """True when the file has a ``[tool.idmigrate]`` table; for a file that is not valid TOML,
    when it mentions one (so the broken table is reported, not passed over for a directory above)."""
    try:
        raw = pyproject.read_bytes()
    except OSError:
        return False
    try:
        tool = tomllib.loads(raw.decode("utf-8")).get("tool")
    except (tomllib.TOMLDecodeError, UnicodeDecodeError):
        return bool(_MENTION.search(raw.decode("utf-8", errors="replace")))
    return isinstance(tool, dict) and "idmigrate" in tool


def work_tree_of(start: Path) -> Path | None:
    """The nearest directory at or above ``start`` holding ``.git`` (a directory, or a worktree's file)."""
    for candidate in (start, *start.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def find_project_root(cwd: Path) -> Path:
    """ROOT for a command line that names none (see the module docstring)."""
    start = cwd.resolve()
    top = work_tree_of(start)
    for candidate in (start, *start.parents):
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and declares_idmigrate(pyproject):
            return candidate
        if candidate == top:  # never look above the repository the directory is in
            break
    return top or start
