"""What the engine returns for one file. Kept free of libcst so that reading cached
results (pickles of these) does not pay libcst's import time on a no-change re-run."""

from __future__ import annotations

from dataclasses import dataclass, field

from codemods.core.findings import Finding

CHANGED, UNCHANGED, SKIPPED, FAILED = "changed", "unchanged", "skipped", "failed"


@dataclass
class FileResult:
    path: str
    status: str
    findings: list[Finding] = field(default_factory=list)
    new_source: bytes | None = None
    reason: str = ""

    @property
    def changed(self) -> bool:
        return self.status == CHANGED
