"""Helpers the uuid recipe tests share: run the engine on a source string, check the properties every
rewrite keeps, and render a snapshot with each finding's safety class and reason."""

from __future__ import annotations

import ast

from codemods.engine.transform import FileSettings, transform_source
from codemods.generator.rules import RuleSet
from migrate.workspace.config import DEFAULT_MANAGER_MODULE
from tests.conftest import undefined_names

ADHOC = ("adhoc-ids",)
TESTS = ("test-ids",)
#: Production rewriting is opt-in per path: the shapes live under netra_backend/ and scripts/, opted in.
RULES = RuleSet(name_types={"alert": "trace"}, adhoc_ids_paths=("netra_backend", "scripts"))
APP = "netra_backend/app/module.py"
TEST = "netra_backend/tests/test_module.py"


def run(source: str | bytes, *, path: str = APP, recipes=ADHOC, rules: RuleSet = RULES):
    data = source.encode() if isinstance(source, str) else source
    settings = FileSettings(rules, DEFAULT_MANAGER_MODULE, frozenset({DEFAULT_MANAGER_MODULE}), None, recipes)
    return transform_source(data, path, settings)


def assert_properties(source: str, result, **kwargs) -> bytes:
    """Parses, introduces no undefined name, and a second run changes nothing."""
    assert result.status in ("changed", "unchanged"), result.reason
    before = source.encode()
    after = result.new_source if result.new_source is not None else before
    ast.parse(after)
    assert undefined_names(after) <= undefined_names(before), "rewrite introduced undefined names"
    again = run(after, **kwargs)
    assert again.status == "unchanged", f"second run changed the file: {again.reason}"
    assert not any(f.applied for f in again.findings)
    return after


def render(name: str, source: str, result) -> str:
    after = (result.new_source or source.encode()).decode()
    lines = [f"# idmigrate snapshot: {name} ({result.status})", "# findings:"]
    for f in result.findings:
        lines.append(f"#   {f.line}:{f.column} {f.code} {f.safety.label:<6} [{f.recipe}] {f.member}")
        lines.append(f"#       why: {f.reason.splitlines()[0]}")
        lines.append(f"#       ->   {f.suggestion.splitlines()[0] if f.suggestion else ''}")
    lines += ["", "# " + "-" * 30 + " before", source.rstrip("\n"), "", "# " + "-" * 30 + " after",
              after.rstrip("\n"), ""]
    return "\n".join(lines)
