"""Find the Python files to look at, cheaply.

In a git checkout the file list comes from ``git ls-files`` (tracked plus untracked,
minus ignored), so ``.gitignore`` is honoured for free; elsewhere a walk that
skips the usual virtualenv/build/vendor directories. Symlinks are never followed.
Only files whose bytes mention the generator go on to be parsed: parsing is the
expensive step, and most files of a large repository never mention it.

A test module may hold a generator without naming it: a parameter named after a pytest
fixture of a ``conftest.py`` above it that hands one out. ``scan_conftests`` reads every
conftest.py first (a repository has a few dozen), parses the ones that mention the generator
(stdlib ``ast``), and gives each file the fixture names visible from its directory; a deeper
conftest.py, or the file itself, that defines another fixture of the same name hides it.
"""

from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from codemods.core.recipes import DEFAULT_RECIPES, RECIPES
from codemods.generator.instances.fixtures import conftest_fixtures
from codemods.generator.rules import RuleSet
from migrate.gitops import list_python_files
from migrate.workspace.config import Config
from migrate.workspace.fileio import UnsafePathError, read_listed
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
    """A predicate for ``exclude``. A bare name matches any directory; a glob without ``/`` matches any
    path component (``*_backup_*``), only directories when it ends with ``/`` (``backup*/``); a glob
    with ``/`` matches the whole relative path (``legacy/**``)."""
    names: set[str] = set()
    dir_globs: list[str] = []
    part_globs: list[str] = []
    path_globs: list[str] = []
    for pattern in patterns:
        body = pattern.rstrip("/")
        if "/" in body:
            path_globs.append(pattern)
        elif not any(c in body for c in "*?["):
            names.add(body)
        else:
            (dir_globs if pattern.endswith("/") else part_globs).append(body)

    by_directory: dict[str, bool] = {}  # thousands of files share a few hundred directories

    def excluded(rel_path: str) -> bool:
        directory, _, filename = rel_path.rpartition("/")
        hit = by_directory.get(directory)
        if hit is None:
            parts = directory.split("/") if directory else []
            hit = by_directory[directory] = bool(names.intersection(parts)) or any(
                fnmatch.fnmatch(part, g) for part in parts for g in (*dir_globs, *part_globs))
        return (hit or any(fnmatch.fnmatch(filename, g) for g in part_globs)
                or any(fnmatch.fnmatch(rel_path, g) for g in path_globs))

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


CONFTEST = "conftest.py"


@dataclass
class ConftestFixtures:
    """The fixtures handing out a generator that each directory's test modules can request."""

    #: conftest.py directory ("" at ROOT) -> (fixtures handing out a generator, every fixture it defines)
    by_dir: dict[str, tuple[frozenset[str], frozenset[str]]] = field(default_factory=dict)
    _visible: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    _patterns: dict[tuple[str, ...], re.Pattern] = field(default_factory=dict, repr=False)

    def for_path(self, rel: str) -> tuple[str, ...]:
        """Names of the generator fixtures visible to ``rel`` from the conftest.py files above it
        (for a conftest.py: those above its own directory; it defines its own)."""
        if not self.by_dir:
            return ()
        directory, _, name = rel.rpartition("/")
        if name == CONFTEST:
            if not directory:
                return ()
            directory = directory.rpartition("/")[0]
        return self._for_dir(directory)

    def _for_dir(self, directory: str) -> tuple[str, ...]:
        found = self._visible.get(directory)
        if found is None:
            names = set(self._for_dir(directory.rpartition("/")[0])) if directory else set()
            handing, every = self.by_dir.get(directory, (frozenset(), frozenset()))
            found = self._visible[directory] = tuple(sorted((names - every) | handing))
        return found

    def mentions(self, rel: str, data: bytes) -> bool:
        """Does the file name a visible fixture (as a whole word)?"""
        names = self.for_path(rel)
        if not names:
            return False
        pattern = self._patterns.get(names)
        if pattern is None:
            words = b"|".join(re.escape(n.encode()) for n in names)
            pattern = self._patterns[names] = re.compile(rb"(?<![A-Za-z0-9_])(?:" + words + rb")(?![A-Za-z0-9_])")
        return pattern.search(data) is not None

    def signature(self) -> tuple[bytes, ...]:
        """Changes whenever any file's visible fixtures may: part of the prefilter index's key."""
        return tuple(f"{d}:{','.join(sorted(h))}:{','.join(sorted(e))}".encode()
                     for d, (h, e) in sorted(self.by_dir.items()))


def scan_conftests(root: Path, files: Iterable[str], rules: RuleSet) -> ConftestFixtures:
    """Read every conftest.py among ``files``; unreadable or unparsable ones are skipped here
    (the per-file pass reports them)."""
    sources: dict[str, bytes] = {}
    for rel in files:
        if rel == CONFTEST or rel.endswith("/" + CONFTEST):
            try:
                sources[rel] = read_listed(root, rel)
            except (OSError, UnsafePathError):
                continue
    tokens = prefilter_tokens(rules, ("generator",))
    result = ConftestFixtures()
    for rel, data in sources.items():
        if mentions_generator(data, tokens):
            _record(result, rel, data, rules)
    handing = {name for h, _ in result.by_dir.values() for name in h}
    if handing:  # a conftest.py without the generator may still redefine one of those names
        for rel, data in sources.items():
            directory = rel.rpartition("/")[0]
            if directory not in result.by_dir and any(name.encode() in data for name in handing):
                _record(result, rel, data, rules)
    if not handing:
        result.by_dir.clear()
    return result


def _record(result: ConftestFixtures, rel: str, data: bytes, rules: RuleSet) -> None:
    found = conftest_fixtures(data, tuple(rules.source_modules))
    if found is not None and found[1]:
        result.by_dir[rel.rpartition("/")[0]] = (frozenset(found[0]), frozenset(found[1]))
