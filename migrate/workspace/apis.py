"""Find the generator and the manager in the repository, read their APIs, bind the rules to them.

The modules come from ``[tool.idmigrate]``: ``source_modules`` for the generator,
``manager_module`` (then ``exposed_module``) for the manager. A module that only
re-exports the class (a package ``__init__``, or the manager's old path after
``idmigrate expose``) is followed to the module that defines it. Parsed APIs are
cached with the per-file results, keyed by the module's bytes. A module that is
missing or does not parse is a one-line ``problem``, never an exception.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

from codemods.core.api import ClassApi, Member, ModuleApi
from codemods.core.api_reader import ApiParseError, parse_module
from codemods.generator.rules import GENERATOR_CLASS
from codemods.generator.targets import MANAGER_CLASS
from migrate.workspace.cache import ResultCache, cache_dir, cache_key
from migrate.workspace.config import Config
from migrate.workspace.fileio import UnsafePathError, read_source

#: How many re-exports are followed before giving up (a cycle stops earlier).
_MAX_HOPS = 8


@dataclass(frozen=True)
class FoundApi:
    """One side (generator or manager): where its class was found and what the module defines."""

    role: str
    class_name: str
    #: Modules looked in, in order (configured ones first, then re-export targets).
    searched: tuple[str, ...]
    module: str | None = None
    path: str | None = None
    api: ModuleApi | None = None
    problem: str | None = None

    @property
    def cls(self) -> ClassApi | None:
        return self.api.classes.get(self.class_name) if self.api else None

    @property
    def functions(self) -> dict[str, Member]:
        return self.api.functions if self.api else {}

    def member(self, name: str) -> Member | None:
        """The class's member ``name``, else the module function ``name``, else None."""
        found = self.cls.member(name) if self.cls is not None else None
        return found if found is not None else self.functions.get(name)


@dataclass(frozen=True)
class RepoApis:
    generator: FoundApi
    manager: FoundApi

    @property
    def problems(self) -> list[str]:
        return [side.problem for side in (self.generator, self.manager) if side.problem]


Reader = Callable[[str, str, bool], ModuleApi]


def module_source(root: Path, module: str) -> tuple[str, bool] | None:
    """``(repo-relative path, is a package)`` of a dotted module in ROOT, or None."""
    base = "/".join(module.split("."))
    for rel, is_package in ((f"{base}.py", False), (f"{base}/__init__.py", True)):
        if (root / rel).is_file():
            return rel, is_package
    return None


def _cached_reader(root: Path, use_cache: bool) -> Reader:
    cache = ResultCache(cache_dir(root) if use_cache else None)

    def read(rel: str, module: str, is_package: bool) -> ModuleApi:
        source = read_source(root, rel)
        key = cache_key(source, "api", module, "package" if is_package else "module")
        hit = cache.get(key)
        if isinstance(hit, ModuleApi):
            return hit
        api = parse_module(source, module, is_package=is_package)
        cache.put(key, api)
        return api

    return read


def find_api(root: Path, role: str, class_name: str, modules: tuple[str, ...], read: Reader,
             setting: str) -> FoundApi:
    """Look for ``class_name`` in ``modules``, following re-exports; ``setting`` names the config key."""
    queue = list(dict.fromkeys(modules))
    searched: list[str] = []
    problems: list[str] = []
    while queue and len(searched) < len(modules) + _MAX_HOPS:
        module = queue.pop(0)
        if module in searched:
            continue
        searched.append(module)
        found = module_source(root, module)
        if found is None:
            continue
        rel, is_package = found
        try:
            api = read(rel, module, is_package)
        except ApiParseError as exc:
            problems.append(f"{rel} {exc}")
            continue
        except (OSError, UnsafePathError) as exc:
            problems.append(f"{rel}: cannot read: {getattr(exc, 'strerror', None) or exc}")
            continue
        if class_name in api.classes:
            return FoundApi(role, class_name, tuple(searched), module, rel, api)
        origin = api.imports.get(class_name)
        if origin is not None:
            queue.insert(0, origin[0])
    if problems:
        problem = f"{role}: {problems[0]}"
    else:
        problem = (f"{role}: class {class_name} not found in {', '.join(searched) or 'no module'} "
                   f"(set {setting} in [tool.idmigrate])")
    return FoundApi(role, class_name, tuple(searched), problem=problem)


def load_apis(root: Path, config: Config, *, use_cache: bool = True) -> RepoApis:
    """The generator and the manager as this repository defines them."""
    read = _cached_reader(root, use_cache)
    generator = find_api(root, "generator", GENERATOR_CLASS, config.rules.source_modules, read, "source_modules")
    manager = find_api(root, "manager", MANAGER_CLASS, (config.manager_module, config.exposed_module), read,
                       "manager_module")
    return RepoApis(generator, manager)


def bind_to_repo(root: Path, config: Config, *, use_cache: bool = True) -> Config:
    """The run's rules bound to the generator and the manager this repository defines.

    ``build_plan`` calls it once per plan; the per-file transforms get the bound ``RuleSet``
    (``codemods.apibind.bind``), and its digest joins every file's cache key. A module that is
    missing or does not parse leaves that side of the table as declared.
    """
    from codemods.apibind.bind import bind_rules

    apis = load_apis(root, config, use_cache=use_cache)
    return replace(config, rules=bind_rules(config.rules, apis.generator.api, apis.manager.api))


def binding_digest(config: Config) -> str:
    """"" for rules that were not bound (neither API found)."""
    apis = config.rules.apis
    return apis.digest if apis is not None else ""
