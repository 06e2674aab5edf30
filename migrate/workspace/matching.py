"""The text prefilter over the tree: which files a plan reads whole and hands to the engine.

``match_files`` runs once per file of the repository, so it stays lean: a stat (which the
prefilter index can answer), a no-follow read, a substring test; the full inside-ROOT check
only for the few files that match. It depends on nothing but its arguments, so a big tree is
matched in parts, one per worker process (``WorkerPool.map_parts``).
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from migrate.workspace.cache import stat_stamp
from migrate.workspace.discovery import ConftestFixtures, mentions_generator
from migrate.workspace.fileio import UnsafePathError, read_listed, resolve_inside
from migrate.workspace.replay.tree_state import changed_since


@dataclass
class Prefilter:
    """What decides whether a file matters to the plan."""

    root: Path
    tokens: tuple[bytes, ...]
    fixtures: ConftestFixtures
    #: Stamps of files known not to matter (``PrefilterIndex.entries``).
    known: dict[str, tuple]
    #: A file read that changed after this time (ns) unsettles the plan (``Replay.settle``); None: no replay.
    settle_after_ns: int | None = None


@dataclass
class Matches:
    #: (path, bytes) of every file that matters, in the order given.
    files: list[tuple[str, bytes]] = field(default_factory=list)
    #: (path, reason) of the files that could not be read.
    unreadable: list[tuple[str, str]] = field(default_factory=list)
    #: Stamps of the files now known not to matter (``PrefilterIndex.fresh``).
    clean: dict[str, tuple] = field(default_factory=dict)
    #: A file read had changed after the replay state was taken.
    unsettled: bool = False

    def extend(self, other: Matches) -> None:
        self.files += other.files
        self.unreadable += other.unreadable
        self.clean.update(other.clean)
        self.unsettled = self.unsettled or other.unsettled


def match_files(rels: list[str], prefilter: Prefilter) -> Matches:
    """The files of ``rels`` that mention a token, or a conftest fixture that hands out a
    generator (a test may hold one only as a parameter): only those are parsed."""
    root, tokens, fixtures, known, settle_after = (prefilter.root, prefilter.tokens, prefilter.fixtures,
                                                   prefilter.known, prefilter.settle_after_ns)
    prefix = str(root) + os.sep
    out = Matches()
    for rel in rels:
        try:
            st = os.stat(prefix + rel, follow_symlinks=False)
        except OSError as exc:
            out.unreadable.append((rel, exc.strerror or str(exc)))
            continue
        if stat.S_ISLNK(st.st_mode):
            continue  # symlinks are never followed
        stamp = stat_stamp(st)
        if known and known.get(rel) == stamp:
            out.clean[rel] = stamp  # unchanged since it was seen not to matter
            continue
        if not stat.S_ISREG(st.st_mode):  # a FIFO would block the read forever
            out.unreadable.append((rel, "not a regular file"))
            continue
        try:
            data = read_listed(root, rel)
        except OSError as exc:
            if exc.errno != errno.ELOOP:  # ELOOP: a symlink appeared meanwhile, never followed
                out.unreadable.append((rel, exc.strerror or str(exc)))
            continue
        except UnsafePathError as exc:
            out.unreadable.append((rel, str(exc)))
            continue
        if settle_after is not None and not out.unsettled:  # the bytes just read may be an edit made (and undone) meanwhile
            out.unsettled = changed_since(prefix + rel, settle_after)
        if not mentions_generator(data, tokens) and not fixtures.mentions(rel, data):
            out.clean[rel] = stamp
            continue
        try:
            resolve_inside(root, rel)
        except (OSError, UnsafePathError) as exc:
            out.unreadable.append((rel, getattr(exc, "strerror", None) or str(exc)))
            continue
        out.files.append((rel, data))
    return out
