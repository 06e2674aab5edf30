"""The repository being migrated, looked at once: ROOT, its config, its Python files, its services.

Built at the start of every plan and handed to whoever needs it, so the file walk
and the service map are made once per command rather than re-derived from ROOT.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from migrate.workspace.config import Config
from migrate.workspace.discovery import discover
from migrate.workspace.services import ServiceMap


@dataclass(frozen=True)
class Workspace:
    root: Path
    config: Config
    #: Every Python file under ROOT after exclusions (relative, posix).
    files: list[str]
    #: Files of the APIs themselves, never rewritten.
    api_files: frozenset[str]
    services: ServiceMap

    @classmethod
    def open(cls, root: Path, config: Config) -> "Workspace":
        discovery = discover(root, config)
        top_dirs = {f.split("/", 1)[0] for f in discovery.files if "/" in f}
        return cls(root, config, discovery.files, discovery.api_files, ServiceMap(root, config, top_dirs))
