"""Which service a file belongs to, where it imports the manager from, and what it may import.

Defaults follow the monorepo's layout: a service is a top-level package;
loose files at the root form the ``_root`` batch; ``*_service``, ``*_backend`` and
the shared packages are isolated (they may import only themselves and ``shared``).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from migrate.workspace.config import Config, ServiceConfig

ROOT_SERVICE = "_root"


def module_file(root: Path, module: str) -> Path:
    return root.joinpath(*module.split(".")).with_suffix(".py")


def module_exists(root: Path, module: str) -> bool:
    path = root.joinpath(*module.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


@dataclass(frozen=True)
class Service:
    name: str
    path: str  # posix, relative to ROOT; "" for _root
    isolated: bool
    may_import: tuple[str, ...]
    import_path: str | None
    config: ServiceConfig | None


def _default_isolated(name: str, config: Config) -> bool:
    return name.endswith("_service") or name.endswith("_backend") or name in config.shared_packages


class ServiceMap:
    """Maps repository-relative paths to services, configured ones first."""

    def __init__(self, root: Path, config: Config, top_dirs: set[str]) -> None:
        self.root = root
        self.config = config
        self._services: dict[str, Service] = {}
        for sc in config.services.values():
            self._add(sc.name, sc.path, sc)
        for name in sorted(top_dirs):
            if name not in self._services and not any(s.path == name for s in self._services.values()):
                self._add(name, name, None)
        self._by_path = sorted(
            (s for s in self._services.values() if s.path), key=lambda s: len(s.path), reverse=True
        )

    def _add(self, name: str, path: str, sc: ServiceConfig | None) -> None:
        isolated = sc.isolated if sc is not None and sc.isolated is not None else _default_isolated(name, self.config)
        self._services[name] = Service(
            name=name,
            path=path,
            isolated=isolated,
            may_import=(sc.may_import if sc else ()),
            import_path=(sc.import_path if sc else None),
            config=sc,
        )

    @property
    def names(self) -> list[str]:
        names = sorted(self._services)
        return names + [ROOT_SERVICE] if ROOT_SERVICE not in names else names

    def get(self, name: str) -> Service:
        if name == ROOT_SERVICE and name not in self._services:
            return Service(ROOT_SERVICE, "", False, (), None, None)
        return self._services[name]

    def service_of(self, rel_path: str) -> Service:
        for service in self._by_path:
            if rel_path == service.path or rel_path.startswith(service.path + "/"):
                return service
        return self.get(ROOT_SERVICE)

    # ---------------------------------------------------------------- imports
    def manager_module_home(self) -> str:
        return self.config.manager_module.split(".")[0]

    def import_path_for(self, service: Service) -> str:
        """Where this service's files import the manager from."""
        if service.import_path:
            return service.import_path
        if service.name == self.manager_module_home():
            return self.config.manager_module
        if module_exists(self.root, self.config.exposed_module):
            return self.config.exposed_module
        return self.config.manager_module

    def boundary_violation(self, service: Service, import_path: str) -> str | None:
        """Why ``service`` may not import ``import_path``, or None when it may."""
        if not service.isolated:
            return None
        target = import_path.split(".")[0]
        allowed = {service.path.split("/")[0], service.name, *self.config.shared_packages, *service.may_import}
        if target in allowed or target in sys.stdlib_module_names:
            return None
        return (
            f"{service.name} must not import {target} ({import_path}); "
            "run `idmigrate expose` or set an import_path for the service"
        )

    def manager_modules(self) -> frozenset[str]:
        modules = {self.config.manager_module, self.config.exposed_module}
        modules |= {".".join(self.config.exposed_module.split(".")[:-1])}
        modules |= {s.import_path for s in self._services.values() if s.import_path}
        return frozenset(m for m in modules if m)
