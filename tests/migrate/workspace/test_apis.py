"""Finding the generator and the manager in a repository, following re-exports, with a cache."""

from __future__ import annotations

from pathlib import Path

import pytest

import migrate.workspace.apis as apis_module
from migrate.compat.expose import expose_manager
from migrate.workspace.apis import load_apis
from migrate.workspace.config import load_config

GENERATOR_FILE = "shared/id_generation/unified_id_generator.py"
MANAGER_FILE = "netra_backend/app/core/unified_id_manager.py"


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """Module names parsed (not served from the cache), in order."""
    seen: list[str] = []
    real = apis_module.parse_module

    def counting(source, module, **kwargs):
        seen.append(module)
        return real(source, module, **kwargs)

    monkeypatch.setattr(apis_module, "parse_module", counting)
    return seen


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch) -> None:
    """Outside a git checkout the cache lives under XDG_CACHE_HOME: keep it in the test's tmp dir."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))


def test_both_apis_are_found_through_the_package_reexport(example_copy: Path):
    apis = load_apis(example_copy, load_config(example_copy), use_cache=False)
    assert apis.problems == []
    assert apis.generator.path == GENERATOR_FILE
    assert apis.generator.searched == ("shared.id_generation", "shared.id_generation.unified_id_generator")
    assert apis.generator.cls.member("generate_base_id").kind == "staticmethod"
    assert "generate_uuid_replacement" in apis.generator.functions
    assert apis.manager.path == MANAGER_FILE
    assert apis.manager.cls.member("generate_run_id").signature() == "(thread_id)"
    assert "get_id_manager" in apis.manager.functions
    assert apis.manager.member("generate_thread_id").kind == "classmethod", "the class's member comes first"
    assert apis.manager.member("is_valid_id_format").kind == "function"
    assert apis.manager.member("generate_widget_id") is None


def test_after_expose_the_old_path_is_followed_to_the_moved_manager(example_copy: Path):
    config = load_config(example_copy)
    expose_manager(example_copy, config)
    apis = load_apis(example_copy, config, use_cache=False)
    assert apis.manager.path == "shared/id_management/unified_id_manager.py"
    assert apis.manager.searched[:2] == ("netra_backend.app.core.unified_id_manager",
                                         "shared.id_management.unified_id_manager")


def test_configured_module_paths_are_used(example_copy: Path):
    moved = example_copy / "platform_ids"
    moved.mkdir()
    (example_copy / MANAGER_FILE).rename(moved / "manager.py")
    (example_copy / "pyproject.toml").write_text('[tool.idmigrate]\nmanager_module = "platform_ids.manager"\n')
    apis = load_apis(example_copy, load_config(example_copy), use_cache=False)
    assert apis.manager.path == "platform_ids/manager.py" and apis.problems == []


def test_a_missing_module_is_a_problem_not_a_crash(example_copy: Path):
    (example_copy / GENERATOR_FILE).unlink()
    (example_copy / MANAGER_FILE).unlink()
    apis = load_apis(example_copy, load_config(example_copy), use_cache=False)
    assert apis.generator.cls is None and apis.generator.functions == {}
    assert apis.problems == [
        "generator: class UnifiedIdGenerator not found in shared.id_generation, "
        "shared.id_generation.unified_id_generator (set source_modules in [tool.idmigrate])",
        "manager: class UnifiedIDManager not found in netra_backend.app.core.unified_id_manager, "
        "shared.id_management.unified_id_manager (set manager_module in [tool.idmigrate])",
    ]


def test_a_module_that_does_not_parse_is_named_with_the_line(example_copy: Path):
    (example_copy / MANAGER_FILE).write_text("class UnifiedIDManager(:\n")
    apis = load_apis(example_copy, load_config(example_copy), use_cache=False)
    assert apis.generator.problem is None
    assert apis.problems == [f"manager: {MANAGER_FILE} does not parse: invalid syntax (line 1)"]


def test_a_reexport_cycle_ends(example_copy: Path):
    (example_copy / GENERATOR_FILE).write_text("from shared.id_generation import UnifiedIdGenerator\n")
    apis = load_apis(example_copy, load_config(example_copy), use_cache=False)
    assert apis.generator.problem.startswith("generator: class UnifiedIdGenerator not found")


def test_symlinked_module_is_not_followed_out_of_the_root(example_copy: Path, tmp_path: Path):
    outside = tmp_path / "outside.py"
    outside.write_bytes((example_copy / MANAGER_FILE).read_bytes())
    (example_copy / MANAGER_FILE).unlink()
    (example_copy / MANAGER_FILE).symlink_to(outside)
    apis = load_apis(example_copy, load_config(example_copy), use_cache=False)
    assert apis.manager.cls is None and "cannot read" in apis.manager.problem


def test_the_cache_serves_unchanged_modules_and_rereads_edited_ones(example_copy: Path, parses: list[str]):
    config = load_config(example_copy)
    first = load_apis(example_copy, config)
    assert parses == ["shared.id_generation", "shared.id_generation.unified_id_generator",
                      "netra_backend.app.core.unified_id_manager"]
    parses.clear()
    again = load_apis(example_copy, config)
    assert parses == [], "a warm run parses nothing"
    assert again == first
    manager = example_copy / MANAGER_FILE
    manager.write_text(manager.read_text() + "\n\ndef added_later(user_id, *, strict=False):\n    pass\n")
    edited = load_apis(example_copy, config)
    assert parses == ["netra_backend.app.core.unified_id_manager"]
    assert edited.manager.functions["added_later"].signature() == "(user_id, *, strict=False)"


def test_no_cache_parses_every_time_and_writes_nothing(example_copy: Path, parses: list[str], tmp_path: Path):
    config = load_config(example_copy)
    load_apis(example_copy, config, use_cache=False)
    load_apis(example_copy, config, use_cache=False)
    assert len(parses) == 6
    assert not (tmp_path / "xdg").exists()


def test_the_cache_sits_with_the_per_file_results_in_a_git_checkout(example_git: Path):
    load_apis(example_git, load_config(example_git))
    entries = [p for p in (example_git / ".git" / "idmigrate" / "cache").rglob("*") if p.is_file()]
    assert len(entries) == 3
    assert all(p.stat().st_mode & 0o077 == 0 for p in entries)
