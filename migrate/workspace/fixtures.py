"""Pytest fixtures that hand out a generator, from the conftest.py files: a pre-pass.

The engine sees one file at a time, but a fixture defined in ``tests/conftest.py`` reaches
every test module below it: a test that takes ``id_generator`` as a parameter holds a
generator without mentioning it. Before the per-file work, every conftest.py is read (a
repository has a few dozen), the ones that mention the generator are parsed (stdlib
``ast``), and each file gets the fixture names visible from its directory. A deeper
conftest.py, or the file itself, that defines another fixture of the same name hides it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from codemods.generator.instances.fixtures import conftest_fixtures
from codemods.generator.rules import RuleSet
from migrate.workspace.discovery import mentions_generator, prefilter_tokens
from migrate.workspace.fileio import UnsafePathError, read_listed

CONFTEST = "conftest.py"


@dataclass
class ConftestFixtures:
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
            directory = directory.rpartition("/")[0] if directory else None  # type: ignore[assignment]
            if directory is None:
                return ()
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
