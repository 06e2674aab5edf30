"""Find imports that already cross a service boundary (for ``verify``).

A regex over the bytes of each isolated service's files: cheap enough for the
whole repo, and an import statement is a line-level thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from migrate.output.terminal import escape_control
from migrate.workspace.discovery import narrow
from migrate.workspace.fileio import UnsafePathError, read_source
from migrate.workspace.workspace import Workspace

_IMPORT = re.compile(rb"^([ \t]*)(?:from[ \t]+([A-Za-z_][\w.]*)[ \t]+import\b|import[ \t]+([A-Za-z_][\w.]*))", re.M)


@dataclass(frozen=True)
class Violation:
    path: str
    line: int
    #: 1-based, where the ``import``/``from`` keyword starts.
    column: int
    service: str
    module: str
    reason: str
    source: bytes

    def describe(self) -> str:
        return f"{escape_control(self.path)}:{self.line}: boundary: {self.service} imports {self.module}"


def find_violations(workspace: Workspace, services: list[str] | None = None,
                    paths: list[str] | None = None) -> list[Violation]:
    """Imports of another isolated service, in the files of ``services`` at or below ``paths`` (ROOT-relative)."""
    root, service_map = workspace.root, workspace.services
    isolated_names = {name for name in service_map.names if service_map.get(name).isolated}
    found = []
    for rel in narrow(workspace.files, paths or []):
        service = service_map.service_of(rel)
        if not service.isolated or (services and service.name not in services):
            continue
        try:
            data = read_source(root, rel)
        except (OSError, UnsafePathError):
            continue
        for match in _IMPORT.finditer(data):
            module = (match.group(2) or match.group(3)).decode()
            top = module.split(".")[0]
            if top not in isolated_names or top == service.path.split("/")[0]:
                continue
            problem = service_map.boundary_violation(service, module)
            if problem:
                line_no = data.count(b"\n", 0, match.start()) + 1
                found.append(Violation(rel, line_no, len(match.group(1)) + 1, service.name, module, problem, data))
    return found

