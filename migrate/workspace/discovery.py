"""Find the Python files to look at, cheaply.

In a git checkout the file list comes from ``git ls-files`` (tracked plus untracked,
minus ignored), so ``.gitignore`` is honoured for free; elsewhere a walk that
skips the usual virtualenv/build/vendor directories. Symlinks are never followed.
Only files whose bytes mention the generator go on to be parsed: parsing is the
expensive step, and most files of a large repository never mention it.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass
from pathlib import Path

from codemods.core.recipes import DEFAULT_RECIPES, RECIPES
from codemods.generator.rules import RuleSet
from migrate.gitops import list_python_files
from migrate.workspace.config import Config
from migrate.workspace.services import module_file


def prefilter_tokens(rules: RuleSet, recipes: tuple[str, ...] = DEFAULT_RECIPES) -> tuple[bytes, ...]:
    """Byte strings one of which every file a selected recipe could change contains."""
    tokens: set[str] = set()
    for name in recipes:
        tokens |= set(RECIPES[name].prefilter_tokens(rules))
    # A token that contains another is redundant: the shorter one already matches.
    tokens = {t for t in tokens if not any(o != t and o in t for o in tokens)}
    return tuple(sorted(t.encode() for t in tokens))


def _walk_files(root: Path, excluded_dirs: set[str]) -> list[str]:
    files = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(
            d for d in dirnames
            if d not in excluded_dirs and not d.startswith(".")
            and not (Path(dirpath, d) / "pyvenv.cfg").exists()
        )
        rel_dir = os.path.relpath(dirpath, root)
        for name in sorted(filenames):
            if name.endswith(".py"):
                files.append(name if rel_dir == "." else f"{Path(rel_dir).as_posix()}/{name}")
    return files


def exclusion(patterns: tuple[str, ...]):
    """A predicate for ``exclude``: bare names match any directory, others are globs."""
    names = {p for p in patterns if not any(c in p for c in "/*?[")}
    globs = [p for p in patterns if p not in names]

    by_directory: dict[str, bool] = {}  # thousands of files share a few hundred directories

    def excluded(rel_path: str) -> bool:
        directory = rel_path.rpartition("/")[0]
        hit = by_directory.get(directory)
        if hit is None:
            hit = by_directory[directory] = bool(names.intersection(directory.split("/")))
        return hit or any(fnmatch.fnmatch(rel_path, g) for g in globs)

    return excluded


@dataclass(frozen=True)
class Discovery:
    """All Python files under ROOT (relative, posix), after exclusions."""

    files: list[str]
    #: Files that belong to the APIs themselves and are never rewritten.
    api_files: frozenset[str]


def discover(root: Path, config: Config) -> Discovery:
    files = list_python_files(root)
    if files is None:
        files = _walk_files(root, set(config.exclude))
    excluded = exclusion(config.exclude)
    # Symlinked files are dropped when read (O_NOFOLLOW); a stat per file here costs too much.
    files = [f for f in files if not excluded(f)]
    api = api_files(root, config)
    api_dirs = tuple(
        "/".join(m.split(".")) + "/" for m in config.rules.source_modules
        if (root.joinpath(*m.split(".")) / "__init__.py").is_file()
    )
    api |= {f for f in files if f.startswith(api_dirs)} if api_dirs else set()
    return Discovery(files, frozenset(api))


def api_files(root: Path, config: Config) -> set[str]:
    """The generator's own package, the manager module and its exposed copy."""
    out = set()
    for module in config.rules.source_modules:
        parts = module.split(".")
        out.add("/".join(parts) + ".py")
        out.add("/".join(parts) + "/__init__.py")
    for module in (config.manager_module, config.exposed_module):
        out.add(module_file(Path(""), module).as_posix())
    return out


def mentions_generator(data: bytes, tokens: tuple[bytes, ...]) -> bool:
    """The text prefilter: could a selected recipe change this file?

    Plain ``in`` per token: memchr-fast, unlike a regex alternation.
    """
    for token in tokens:
        if token in data:
            return True
    return False


def narrow(files: list[str], paths: list[str]) -> list[str]:
    """Keep files at or below any of ``paths`` (already made relative and safe by the caller)."""
    if not paths:
        return files
    prefixes = [p.strip("/") for p in paths]
    return [
        f for f in files
        if any(p in ("", ".") or f == p or f.startswith(p + "/") for p in prefixes)
    ]
