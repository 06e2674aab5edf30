"""Outcomes of a replayed plan that fetch their bytes only when someone asks.

A replayed plan holds each file's status and findings (every verb needs those), not its
bytes: ``scan`` never looks at them, ``diff`` needs the changed files' patches (cached
apart), and only ``apply`` and a few reports read the original and new sources. The
original is read from the work tree and checked against the file's cache key, which hashes
the bytes the plan was made from; when the file changed meanwhile, the index's copy is tried
(a clean tracked file is what the index holds), else ``SourceChangedError``. The new source
comes from the result cache, or from transforming the original again if the entry is gone.
Pickled, both become the plain ``Outcome`` and ``FileResult`` they stand for.
"""

from __future__ import annotations

import errno
from typing import Callable

from codemods.core.results import FileResult
from migrate.workspace.pipeline import Outcome


class SourceChangedError(OSError):
    """A file changed after the plan was made from it, and its bytes then are nowhere to be found."""

    def __init__(self, rel: str) -> None:
        super().__init__(errno.ESTALE, "changed since idmigrate read it; re-run", rel)


class StoredResult(FileResult):
    """A ``FileResult`` whose ``new_source`` is loaded on first use."""

    def __init__(self, path: str, status: str, findings: list, reason: str,
                 load_new_source: Callable[[], bytes | None] | None) -> None:
        self.path, self.status, self.findings, self.reason = path, status, findings, reason
        self._load = load_new_source
        self._new_source = None

    @property
    def new_source(self) -> bytes | None:
        if self._load is not None:
            self._new_source, self._load = self._load(), None
        return self._new_source

    def __reduce__(self):
        return FileResult, (self.path, self.status, self.findings, self.new_source, self.reason)


class StoredOutcome(Outcome):
    """An ``Outcome`` whose ``original`` is read (and checked) on first use."""

    def __init__(self, service: str, result: FileResult, key: str, load_original: Callable[[], bytes]) -> None:
        self.service, self.result, self.key = service, result, key
        self._load = load_original
        self._original: bytes | None = None

    @property
    def original(self) -> bytes:
        if self._original is None:
            self._original = self._load()
        return self._original

    def __reduce__(self):
        return Outcome, (self.service, self.result, self.original, self.key)

