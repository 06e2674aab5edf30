"""The run's rules bound to the generator and the manager this repository defines.

``build_plan`` calls ``bind_to_repo`` once per plan; the per-file transforms get the bound
``RuleSet`` (``codemods.apibind.bind``), and its digest joins every file's cache key. A module
that is missing or does not parse leaves that side of the table as declared.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from codemods.apibind.bind import bind_rules
from migrate.workspace.apis import load_apis
from migrate.workspace.config import Config


def bind_to_repo(root: Path, config: Config, *, use_cache: bool = True) -> Config:
    apis = load_apis(root, config, use_cache=use_cache)
    return replace(config, rules=bind_rules(config.rules, apis.generator.api, apis.manager.api))


def binding_digest(config: Config) -> str:
    """"" for rules that were not bound (neither API found)."""
    apis = config.rules.apis
    return apis.digest if apis is not None else ""
