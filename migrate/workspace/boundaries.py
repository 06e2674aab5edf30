"""Find imports that already cross a service boundary (for ``verify``).

A regex over the bytes of each isolated service's files: cheap enough for the
whole repo, and an import statement is a line-level thing.
"""

from __future__ import annotations

import re

from migrate.output.terminal import escape_control
from migrate.workspace.fileio import UnsafePathError, read_source
from migrate.workspace.workspace import Workspace

_IMPORT = re.compile(rb"^[ \t]*(?:from[ \t]+([A-Za-z_][\w.]*)[ \t]+import\b|import[ \t]+([A-Za-z_][\w.]*))", re.M)


def find_violations(workspace: Workspace, services: list[str] | None = None) -> list[str]:
    root, service_map = workspace.root, workspace.services
    isolated_names = {name for name in service_map.names if service_map.get(name).isolated}
    lines = []
    for rel in workspace.files:
        service = service_map.service_of(rel)
        if not service.isolated or (services and service.name not in services):
            continue
        try:
            data = read_source(root, rel)
        except (OSError, UnsafePathError):
            continue
        for match in _IMPORT.finditer(data):
            module = (match.group(1) or match.group(2)).decode()
            top = module.split(".")[0]
            if top not in isolated_names or top == service.path.split("/")[0]:
                continue
            problem = service_map.boundary_violation(service, module)
            if problem:
                line_no = data.count(b"\n", 0, match.start()) + 1
                lines.append(f"{escape_control(rel)}:{line_no}: boundary: {service.name} imports {module}")
    return lines
