"""Which files the uuid recipes take, by path alone. No libcst."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from codemods.generator.rules import RuleSet


#: Directories whose files are test code: the tests themselves and the shared test framework.
TEST_DIRS = frozenset({"tests", "test_framework"})


def is_test_path(path: str) -> bool:
    """Under a ``tests/`` or ``test_framework/`` directory, or named ``test_*.py``, ``*_test.py`` or
    ``conftest.py``."""
    parts = path.replace("\\", "/").split("/")
    name = parts[-1]
    return (bool(TEST_DIRS.intersection(parts[:-1])) or name.startswith("test_") or name.endswith("_test.py")
            or name == "conftest.py")


def in_adhoc_paths(path: str, rules: "RuleSet") -> bool:
    """Is ``path`` under one of ``adhoc_ids_paths`` (repo-relative; ``.`` is the whole repository)?"""
    posix = path.replace("\\", "/")
    return any(p == "." or posix == p or posix.startswith(p + "/") for p in rules.adhoc_ids_paths)


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
