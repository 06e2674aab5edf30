"""MIGRATION.md's configuration block names exactly the keys the checker accepts, and parses."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from migrate.workspace import config

DOC = Path(__file__).resolve().parents[3] / "MIGRATION.md"


def documented_table() -> dict:
    text = DOC.read_text(encoding="utf-8")
    section = text[text.index("## Configuration (`[tool.idmigrate]`"):]
    block = re.search(r"```toml\n(.*?)```", section, re.S).group(1)
    return tomllib.loads(block)["tool"]["idmigrate"]


def test_documented_keys_are_the_checkers_keys():
    table = documented_table()
    assert set(table) == config._TOP_KEYS
    assert set().union(*(s.keys() for s in table["services"].values())) == config._SERVICE_KEYS
    assert set().union(*(m.keys() for m in table["members"].values())) == config._MEMBER_KEYS


def test_the_documented_example_is_accepted_apart_from_its_paths(tmp_path: Path):
    table = documented_table()
    for service in table["services"].values():
        (tmp_path / service["path"]).mkdir(parents=True)
    for path in table["adhoc_ids_paths"]:
        (tmp_path / path).mkdir(parents=True, exist_ok=True)
    python = tmp_path / table["test_python"]
    python.parent.mkdir(parents=True)
    python.write_text("")
    parsed = config.parse_config(table, tmp_path)
    assert parsed.test_python == ".venv/bin/python"
    assert parsed.services["auth_service"].isolated is True and parsed.test_timeout == 900
