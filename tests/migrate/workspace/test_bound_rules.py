"""A plan binds the rules to the repository's own APIs once, and its cache follows them."""

from __future__ import annotations

from pathlib import Path

import pytest

from migrate.workspace.apis import bind_to_repo, binding_digest
from migrate.workspace.config import load_config
from migrate.workspace.pipeline import build_plan

MANAGER_FILE = "netra_backend/app/core/unified_id_manager.py"
SITE_FILE = "netra_backend/app/new_socket.py"
ADDED = '''
    def generate_websocket_connection_id(self, user_id: str) -> str:
        return self.generate_id(IDType.WEBSOCKET, prefix=f"ws_conn_{user_id[:8]}")

    def reset_counters(self) -> None:'''


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))


def _site(root: Path) -> tuple[str, str]:
    plan = build_plan(root, load_config(root), paths=[str(root / SITE_FILE)], workers=1)
    (finding,) = [f for o in plan.outcomes for f in o.result.findings if f.member.startswith("generate_")]
    return finding.code, finding.suggestion


def test_a_changed_manager_re_decides_a_cached_file(example_copy: Path):
    (example_copy / SITE_FILE).write_text(
        "from shared.id_generation import UnifiedIdGenerator\n\n\n"
        "def open_socket(user_id):\n    return UnifiedIdGenerator.generate_websocket_connection_id(user_id)\n")
    assert _site(example_copy)[0] == "IDM020"
    manager = example_copy / MANAGER_FILE
    original = manager.read_text()
    manager.write_text(original.replace("\n    def reset_counters(self) -> None:", ADDED, 1))
    assert _site(example_copy) == ("IDM027", "get_id_manager().generate_websocket_connection_id(user_id)")
    manager.write_text(original)
    assert _site(example_copy)[0] == "IDM020"


def test_without_either_api_the_rules_are_the_configured_ones(tmp_path: Path):
    config = load_config(tmp_path)
    assert bind_to_repo(tmp_path, config, use_cache=False).rules is config.rules
    assert binding_digest(config) == ""


def test_the_bundled_example_binds_to_the_table_it_was_written_for(example_copy: Path):
    """Its generator and manager are the ones the table describes: nothing is off or rerouted."""
    config = load_config(example_copy)
    rules = bind_to_repo(example_copy, config, use_cache=False).rules
    changed = {name for name, row in rules.members.items() if config.rules.members.get(name) != row}
    assert all(name.startswith("_") for name in changed), changed  # private helpers without a row
    assert rules.apis.counterparts == {} and len(binding_digest(bind_to_repo(example_copy, config))) == 16
