"""``idmigrate shim`` forwards what the rules bound to this repository's APIs rewrite, nothing more."""

from __future__ import annotations

import ast
import shutil
import warnings
from pathlib import Path

from typer.testing import CliRunner

from migrate.cli import app
from migrate.demo.demo import EVOLVED
from tests.migrate.compat.test_expose_shim import fresh_import

runner = CliRunner()
SHIM = "shared/id_generation/unified_id_generator.py"


def shimmed(root: Path) -> str:
    assert runner.invoke(app, ["expose", str(root)]).exit_code == 0
    result = runner.invoke(app, ["shim", str(root)])
    assert result.exit_code == 0, result.output
    return (root / SHIM).read_text()


def overrides(source: str) -> dict[str, str]:
    """Member -> "forwarded" (a method of its own) or "legacy" (``_keep_legacy``) in the shim's class."""
    cls = next(n for n in ast.parse(source).body if isinstance(n, ast.ClassDef) and n.name == "UnifiedIdGenerator")
    found = {}
    for item in cls.body:
        if isinstance(item, ast.FunctionDef):
            found[item.name] = "forwarded"
        elif isinstance(item, ast.Assign):
            found[item.targets[0].id] = "legacy"
    return found


def test_a_member_the_manager_lacks_keeps_its_old_behaviour(example_copy: Path, monkeypatch):
    manager = example_copy / "netra_backend/app/core/unified_id_manager.py"
    manager.write_text(manager.read_text().replace("def reset_counters(", "def _reset_all_counters("))
    source = shimmed(example_copy)
    members = overrides(source)
    assert members["reset_global_counter"] == "legacy"
    assert members["generate_base_id"] == members["generate_user_context_ids"] == "forwarded"
    assert "get_id_manager().reset_counters()" not in source
    module = fresh_import(example_copy, monkeypatch, "shared.id_generation")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        module.UnifiedIdGenerator.reset_global_counter()  # the legacy counter reset, warned
        module.reset_global_counter()
    assert len(caught) == 2 and all(issubclass(w.category, DeprecationWarning) for w in caught)


def test_the_evolved_generator_forwards_its_own_generate_id(tmp_path: Path, monkeypatch):
    root = tmp_path / "evolved"
    shutil.copytree(EVOLVED, root, ignore=shutil.ignore_patterns("__pycache__"))
    members = overrides(shimmed(root))
    assert members["generate_id"] == "forwarded"  # bound to IDM046: a base ID with that prefix
    for helper in ("normalize_id_format", "extract_pattern_info", "ids_match_for_cleanup", "parse_id"):
        assert members[helper] == "legacy"
    module = fresh_import(root, monkeypatch, "shared.id_generation")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        assert module.UnifiedIdGenerator.generate_id("session").startswith("session_")
        assert len(module.UnifiedIdGenerator.generate_batch_ids("fixture", 2)) == 2  # its own signature

