"""Which files the uuid recipes take, by path alone. No libcst."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from codemods.generator.rules import RuleSet


def is_test_path(path: str) -> bool:
    """Under a ``tests/`` directory, or named ``test_*.py``, ``*_test.py`` or ``conftest.py``."""
    parts = path.replace("\\", "/").split("/")
    name = parts[-1]
    return ("tests" in parts[:-1] or name.startswith("test_") or name.endswith("_test.py")
            or name == "conftest.py")


def is_api_file(path: str, rules: "RuleSet") -> bool:
    """The manager and the generator mint IDs from uuid4 themselves: never rewritten."""
    posix = path.replace("\\", "/")
    if posix.endswith("/unified_id_manager.py") or posix == "unified_id_manager.py":
        return True
    module = posix[:-3].replace("/", ".") if posix.endswith(".py") else posix
    module = module[: -len(".__init__")] if module.endswith(".__init__") else module
    return module in rules.source_modules


def module_of(path: str) -> str:
    """``pkg/mod.py`` -> ``pkg.mod``; a package's ``__init__.py`` is the package."""
    posix = path.replace("\\", "/")
    module = posix[:-3] if posix.endswith(".py") else posix
    return module.replace("/", ".").removesuffix(".__init__")
