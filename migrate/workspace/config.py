"""``[tool.idmigrate]`` in the target repo's pyproject.toml, validated into a ``Config``.

Every problem is a ``ConfigError`` naming the key, so the CLI can print one
line and exit 2. Unknown keys are errors too: a typo must not be silently ignored.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from codemods.apibind.rows import counterpart_only
from codemods.core.rules import CONFIGURABLE_KINDS
from codemods.generator.rules import ID_TYPES, MEMBER_RULES, SOURCE_MODULES, RuleSet
from codemods.core.safety import Safety

DEFAULT_MANAGER_MODULE = "netra_backend.app.core.unified_id_manager"
DEFAULT_EXPOSED_MODULE = "shared.id_management.unified_id_manager"
DEFAULT_EXCLUDE = (
    ".git", ".hg", ".venv", "venv", "env", ".env", ".tox", ".nox", "node_modules", "build", "dist",
    "__pycache__", "site-packages", ".mypy_cache", ".pytest_cache", ".ruff_cache", "vendor", "third_party",
    # backup copies of the tree: migrating them would double every finding and every batch
    "backup*/", "*_backup_*",
)


class ConfigError(ValueError):
    """A bad ``[tool.idmigrate]`` value; the message names the key."""


@dataclass(frozen=True)
class ServiceConfig:
    name: str
    path: str
    #: Module the service's rewritten files import the manager from (None: decided by layout).
    import_path: str | None = None
    test_command: tuple[str, ...] | None = None
    #: Run test_command through the shell (opt-in; default is an argv list, no shell).
    shell: bool = False
    #: An isolated service may import only itself, ``shared`` and ``may_import``.
    isolated: bool | None = None
    may_import: tuple[str, ...] = ()
    test_timeout: int | None = None


@dataclass(frozen=True)
class Config:
    rules: RuleSet = field(default_factory=RuleSet)
    manager_module: str = DEFAULT_MANAGER_MODULE
    exposed_module: str = DEFAULT_EXPOSED_MODULE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    services: dict[str, ServiceConfig] = field(default_factory=dict)
    shared_packages: tuple[str, ...] = ("shared",)
    test_timeout: int = 900
    #: The interpreter default test commands run (None: the repository's .venv/venv, else idmigrate's).
    test_python: str | None = None

    def fingerprint(self) -> str:
        """A stable text that changes whenever a setting could change a transform's output."""
        r = self.rules
        members = sorted((k, repr(v)) for k, v in r.members.items())
        return repr((sorted(r.aliases.items()), r.fallback_type, r.keep_prefix, members, r.source_modules,
                     sorted(r.name_types.items()), r.test_id_helper, r.context_data, r.line_length,
                     r.adhoc_ids_paths))


_TOP_KEYS = {
    "fallback_type", "keep_prefix", "aliases", "members", "source_modules", "manager_module",
    "exposed_module", "exclude", "extend_exclude", "services", "shared_packages", "test_timeout",
    "name_types", "test_id_helper", "context_data", "line_length", "adhoc_ids_paths", "test_python",
}
_SERVICE_KEYS = {"path", "import_path", "test_command", "shell", "isolated", "may_import", "test_timeout"}
_MEMBER_KEYS = {"kind", "id_type", "prefix", "safety", "params", "droppable", "why", "suggestion", "counterpart"}


def _expect(value: Any, kind: type | tuple, key: str) -> Any:
    if isinstance(value, bool) and kind is int:
        raise ConfigError(f"[tool.idmigrate] {key}: expected an integer, got a boolean")
    if not isinstance(value, kind):
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise ConfigError(f"[tool.idmigrate] {key}: expected {names}, got {type(value).__name__}")
    return value


def _str_list(value: Any, key: str) -> tuple[str, ...]:
    _expect(value, list, key)
    for item in value:
        _expect(item, str, f"{key}[]")
    return tuple(value)


def _id_type(value: Any, key: str) -> str:
    _expect(value, str, key)
    lowered = value.lower()
    if lowered not in ID_TYPES:
        raise ConfigError(f"[tool.idmigrate] {key}: {value!r} is not an IDType (one of {', '.join(ID_TYPES)})")
    return lowered


def _module_path(value: Any, key: str) -> str:
    _expect(value, str, key)
    if not value or not all(part.isidentifier() for part in value.split(".")):
        raise ConfigError(f"[tool.idmigrate] {key}: {value!r} is not a dotted module path")
    return value


def _unknown(table: dict, allowed: set[str], where: str) -> None:
    extra = sorted(set(table) - allowed)
    if extra:
        raise ConfigError(f"[{where}] unknown key {extra[0]!r} (allowed: {', '.join(sorted(allowed))})")


def _member_override(name: str, table: Any) -> dict[str, Any]:
    key = f"members.{name}"
    _expect(table, dict, key)
    _unknown(table, _MEMBER_KEYS, f"tool.idmigrate.{key}")
    out: dict[str, Any] = {}
    for field_name, value in table.items():
        sub = f"{key}.{field_name}"
        if field_name == "id_type":
            out["id_type"] = _id_type(value, sub)
        elif field_name == "safety":
            try:
                out["safety"] = Safety.parse(_expect(value, str, sub))
            except ValueError as exc:
                raise ConfigError(f"[tool.idmigrate] {sub}: {exc}") from None
        elif field_name == "kind":
            if value not in CONFIGURABLE_KINDS:
                raise ConfigError(f"[tool.idmigrate] {sub}: {value!r} is not one of {', '.join(sorted(CONFIGURABLE_KINDS))}")
            out["kind"] = value
        elif field_name in ("params", "droppable"):
            out[field_name] = _str_list(value, sub)
        elif field_name == "counterpart":
            if _expect(value, str, sub) and not value.isidentifier():
                raise ConfigError(f"[tool.idmigrate] {sub}: {value!r} is not a manager member name "
                                  '(or "" for no counterpart)')
            out[field_name] = value
        else:
            out[field_name] = _expect(value, str, sub)
    return out


def _service(name: str, table: Any, root: Path) -> ServiceConfig:
    key = f"services.{name}"
    _expect(table, dict, key)
    _unknown(table, _SERVICE_KEYS, f"tool.idmigrate.{key}")
    path = _expect(table.get("path", name), str, f"{key}.path")
    resolved = (root / path).resolve()
    if not resolved.is_relative_to(root.resolve()):
        raise ConfigError(f"[tool.idmigrate] {key}.path: {path!r} is outside the repository")
    if not resolved.is_dir():
        raise ConfigError(f"[tool.idmigrate] {key}.path: {path!r} does not exist")
    command = table.get("test_command")
    shell = _expect(table.get("shell", False), bool, f"{key}.shell")
    if command is not None:
        if isinstance(command, str):
            if not shell:
                raise ConfigError(
                    f"[tool.idmigrate] {key}.test_command: give an argv list, or set shell = true to run a string"
                )
            command = (command,)
        else:
            command = _str_list(command, f"{key}.test_command")
    timeout = table.get("test_timeout")
    if timeout is not None and _expect(timeout, int, f"{key}.test_timeout") <= 0:
        raise ConfigError(f"[tool.idmigrate] {key}.test_timeout: must be positive")
    isolated = table.get("isolated")
    return ServiceConfig(
        name=name,
        path=Path(path).as_posix().strip("/"),
        import_path=_module_path(table["import_path"], f"{key}.import_path") if "import_path" in table else None,
        test_command=command,
        shell=shell,
        isolated=None if isolated is None else _expect(isolated, bool, f"{key}.isolated"),
        may_import=_str_list(table.get("may_import", []), f"{key}.may_import"),
        test_timeout=timeout,
    )


def _adhoc_paths(value: Any, services: dict[str, ServiceConfig], root: Path) -> tuple[str, ...]:
    """Service names or repo-relative paths (``.``: everything) whose production code adhoc-ids rewrites."""
    out = []
    for entry in _str_list(value, "adhoc_ids_paths"):
        if entry in services:
            out.append(services[entry].path)
            continue
        posix = Path(entry).as_posix().strip("/") or "."
        resolved = (root / posix).resolve()
        if Path(entry).is_absolute() or not resolved.is_relative_to(root.resolve()):
            raise ConfigError(f"[tool.idmigrate] adhoc_ids_paths: {entry!r} is outside the repository")
        if not resolved.exists():
            raise ConfigError(f"[tool.idmigrate] adhoc_ids_paths: {entry!r} is neither a service nor an existing path")
        out.append(posix)
    return tuple(out)


def _test_python(value: Any, root: Path) -> str | None:
    """A path (relative to the repository) or a command name on PATH."""
    if value is None:
        return None
    if not _expect(value, str, "test_python"):
        raise ConfigError("[tool.idmigrate] test_python: must not be empty")
    if "/" in value and not (root / value).is_file():
        raise ConfigError(f"[tool.idmigrate] test_python: {value!r} does not exist")
    return value


def parse_config(table: dict[str, Any], root: Path, formatter_line_length: int | None = None) -> Config:
    """Validate the ``[tool.idmigrate]`` table (already parsed from TOML). ``formatter_line_length``
    is the project's black/ruff ``line-length``; ``line_length`` here overrides it."""
    _unknown(table, _TOP_KEYS, "tool.idmigrate")
    aliases = table.get("aliases", {})
    _expect(aliases, dict, "aliases")
    checked_aliases = {_expect(k, str, "aliases") : _id_type(v, f"aliases.{k}") for k, v in aliases.items()}
    members_table = _expect(table.get("members", {}), dict, "members")
    members = {name: _member_override(name, value) for name, value in members_table.items()}
    for name, changes in members.items():
        if name not in MEMBER_RULES and "kind" not in changes:
            if not changes.get("counterpart"):
                raise ConfigError(f"[tool.idmigrate] members.{name}: a new member needs a 'kind' or a 'counterpart'")
            changes.update(counterpart_only(name, changes["counterpart"]) | changes)
    name_types = _expect(table.get("name_types", {}), dict, "name_types")
    checked_name_types = {_expect(k, str, "name_types"): _id_type(v, f"name_types.{k}") for k, v in name_types.items()}
    helper = table.get("test_id_helper")
    if helper is not None:
        _expect(helper, str, "test_id_helper")
        module, _, func = helper.partition(":")
        _module_path(module, "test_id_helper")
        if not func.isidentifier():
            raise ConfigError(f"[tool.idmigrate] test_id_helper: {helper!r} must look like 'package.module:function'")
    keep = table.get("keep_prefix")
    context_data = table.get("context_data")
    line_length = table.get("line_length", formatter_line_length)
    if line_length is not None and _expect(line_length, int, "line_length") < 40:
        raise ConfigError("[tool.idmigrate] line_length: must be at least 40")
    services_table = _expect(table.get("services", {}), dict, "services")
    services = {name: _service(name, value, root) for name, value in services_table.items()}
    rules = RuleSet().with_overrides(
        aliases=checked_aliases,
        fallback_type=_id_type(table["fallback_type"], "fallback_type") if "fallback_type" in table else None,
        keep_prefix=None if keep is None else _expect(keep, bool, "keep_prefix"),
        members=members,
        source_modules=(
            tuple(_module_path(m, "source_modules[]") for m in _str_list(table["source_modules"], "source_modules"))
            if "source_modules" in table else SOURCE_MODULES
        ),
        name_types=checked_name_types,
        test_id_helper=helper,
        context_data=None if context_data is None else _expect(context_data, bool, "context_data"),
        line_length=line_length,
        adhoc_ids_paths=_adhoc_paths(table.get("adhoc_ids_paths", []), services, root),
    )
    exclude = DEFAULT_EXCLUDE
    if "exclude" in table:
        exclude = _str_list(table["exclude"], "exclude")
    if "extend_exclude" in table:
        exclude = exclude + _str_list(table["extend_exclude"], "extend_exclude")
    timeout = table.get("test_timeout", 900)
    if _expect(timeout, int, "test_timeout") <= 0:
        raise ConfigError("[tool.idmigrate] test_timeout: must be positive")
    return Config(
        test_python=_test_python(table.get("test_python"), root),
        rules=rules,
        manager_module=_module_path(table.get("manager_module", DEFAULT_MANAGER_MODULE), "manager_module"),
        exposed_module=_module_path(table.get("exposed_module", DEFAULT_EXPOSED_MODULE), "exposed_module"),
        exclude=exclude,
        services=services,
        shared_packages=_str_list(table.get("shared_packages", ["shared"]), "shared_packages"),
        test_timeout=timeout,
    )


def load_config(root: Path) -> Config:
    """Read ROOT/pyproject.toml; no file or no table means the defaults."""
    pyproject = root / "pyproject.toml"
    if not pyproject.is_file():
        return Config()
    try:
        data = tomllib.loads(pyproject.read_bytes().decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{pyproject.name}: not valid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{pyproject.name}: cannot read: {exc.strerror}") from None
    tools = data.get("tool", {})
    table = tools.get("idmigrate", {})
    if not isinstance(table, dict):
        raise ConfigError("[tool.idmigrate] must be a table")
    return parse_config(table, root, _formatter_line_length(tools))


def _formatter_line_length(tools: dict[str, Any]) -> int | None:
    """The ``line-length`` the project's black (else ruff) is configured with, if any."""
    for tool in ("black", "ruff"):
        section = tools.get(tool)
        value = section.get("line-length") if isinstance(section, dict) else None
        if isinstance(value, int) and not isinstance(value, bool) and value >= 40:
            return value
    return None
