"""Parser wrappers (IDM014 across files): which functions are found, and what a call to one does
to the ID passed to it, from one file and through ``build_plan`` on a two-file repository."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from codemods.generator.around.wrappers import ParserWrapper, ParserWrappers, find_wrappers
from codemods.generator.rules import RuleSet
from migrate.workspace.config import load_config
from migrate.workspace.pipeline import build_plan
from migrate.workspace.replay import tree_state
from tests.conftest import git, migrate_source
from tests.migrate.workspace.replay.test_replay import assert_replans, observed, replayed

IMPORTS = ("from shared.id_generation import UnifiedIdGenerator\n"
           "from shared.id_generation import UnifiedIdGenerator as G\n"
           "from netra_backend.app.core.unified_id_manager import UnifiedIDManager, get_id_manager\n\n")


def found(body: str) -> list[tuple]:
    """(name, position, parameter, parser, line) of the wrappers a module with ``body`` defines."""
    return [(w.name, w.position, w.parameter, w.parser, w.line)
            for w in find_wrappers((IMPORTS + body).encode(), "svc/helpers.py", RuleSet())]


@pytest.mark.parametrize("body, expected", [
    ("def describe(v):\n    return UnifiedIdGenerator.parse_id(v)\n",
     [("describe", 0, "v", "UnifiedIdGenerator.parse_id", 5)]),
    # an alias, a keyword, through `or ""`, a keyword-only parameter
    ("def check(prefix, *, value=None):\n    return G.is_valid_id(id_string=value or '')\n",
     [("check", None, "value", "G.is_valid_id", 5)]),
    # methods: self / cls are not counted; a static method's first parameter is
    ("class Tools:\n    def a(self, x):\n        return G.parse_id(x)\n\n"
     "    @classmethod\n    def b(cls, y):\n        return G.parse_id(y)\n\n"
     "    @staticmethod\n    def c(z):\n        return G.parse_id(z)\n",
     [("a", 0, "x", "G.parse_id", 6), ("b", 0, "y", "G.parse_id", 10), ("c", 0, "z", "G.parse_id", 14)]),
    # an instance, an instance attribute, an annotated parameter; __init__ goes by its class's name
    ("_gen = UnifiedIdGenerator()\n\n\nclass Token:\n    def __init__(self, gen: UnifiedIdGenerator, raw):\n"
     "        self._gen = UnifiedIdGenerator()\n        self.ok = gen.is_valid_id(raw)\n\n"
     "    def age(self, first, second):\n        return self._gen.get_id_age(second), _gen.parse_id(first)\n",
     [("Token", 1, "raw", "gen.is_valid_id", 9), ("age", 1, "second", "self._gen.get_id_age", 13),
      ("age", 0, "first", "_gen.parse_id", 13)]),
    # any nesting: the inner function is the wrapper, not the outer one (one level only)
    ("def outer(a):\n    def inner(b):\n        return G.parse_id(b)\n    return inner(a)\n",
     [("inner", 0, "b", "G.parse_id", 6)]),
])
def test_wrappers_are_found(body: str, expected: list[tuple]):
    assert sorted(found(body)) == sorted(expected)


@pytest.mark.parametrize("body", [
    # a manager method, a non-parser generator member, a receiver that is no generator
    "def a(v):\n    return UnifiedIDManager.extract_thread_id(v)\n",
    "def b(v):\n    return get_id_manager().is_valid_id(v)\n",
    "def c(prefix):\n    return UnifiedIdGenerator.generate_base_id(prefix)\n",
    "def d(v, other):\n    return other.parse_id(v)\n",
    # what reaches the parser is no parameter: a local, a lambda's own, an attribute of one
    "def e(v):\n    local = v.strip()\n    return G.parse_id(local)\n",
    "def f(values):\n    return sorted(values, key=lambda v: G.parse_id(v))\n",
    "def g(v):\n    return G.parse_id(v.raw)\n",
])
def test_these_are_no_wrappers(body: str):
    assert found(body) == []


DESCRIBE = ParserWrapper("describe", 0, "id_value", "UnifiedIdGenerator.extract_pattern_info", "app/context.py", 34)


def test_a_file_carries_the_wrappers_it_names_as_a_word():
    wrappers = ParserWrappers((DESCRIBE, ParserWrapper("check", None, "v", "G.is_valid_id", "app/x.py", 3)))
    assert wrappers.for_source(b"context.describe(x)\ncheck_all()\n") == (DESCRIBE,)
    assert wrappers.for_source(b"describes(x)\n") == ()


def test_an_id_handed_to_a_wrapper_stays_manual_straight_or_by_name():
    source = ("from shared.id_generation import UnifiedIdGenerator\nfrom app import context\n\n\n"
              "def flow(ctx):\n"
              "    info = context.describe(UnifiedIdGenerator.generate_base_id('trace'))\n"  # straight
              "    named = UnifiedIdGenerator.generate_base_id('trace')\n"
              "    ctx.describe(id_value=named)\n"  # by keyword, any receiver
              "    other = UnifiedIdGenerator.generate_base_id('user')\n"
              "    return info, describe(other.upper()), context.describe('x', other)\n")
    result = migrate_source(source, path="app/flow.py")
    assert [(f.line, f.code) for f in result.findings] == [(6, "IDM001"), (7, "IDM001"), (9, "IDM001")]
    result = migrate_source(source, path="app/flow.py", wrappers=(DESCRIBE,))
    assert [(f.line, f.code, f.safety.label) for f in result.findings] == [
        (6, "IDM014", "manual"), (7, "IDM014", "manual"), (9, "IDM001", "exact")]
    straight, named = result.findings[:2]
    assert straight.reason.endswith(": L6: passed to context.describe(), which hands it to "
                                    "UnifiedIdGenerator.extract_pattern_info (app/context.py:34)")
    assert named.reason.endswith(": L8: ctx.describe(id_value=named) (passed to ctx.describe(), which hands it "
                                 "to UnifiedIdGenerator.extract_pattern_info (app/context.py:34))")


# ------------------------------------------------------------------ through the pipeline
HELPERS = '''from shared.id_generation import UnifiedIdGenerator


def describe(id_value):
    return UnifiedIdGenerator.parse_id(id_value)
'''
NOT_A_WRAPPER = '''from netra_backend.app.core.unified_id_manager import UnifiedIDManager


def describe(id_value):
    return UnifiedIDManager.extract_thread_id(id_value)
'''
FLOWS = '''from shared.id_generation import UnifiedIdGenerator
from svc import helpers


def flow():
    info = helpers.describe(UnifiedIdGenerator.generate_base_id("user"))
    trace = UnifiedIdGenerator.generate_base_id("trace")
    return info, helpers.describe(trace)
'''


def make_repo(root: Path, helpers: str = HELPERS, users: int = 1) -> Path:
    files = {"svc/__init__.py": "", "svc/helpers.py": helpers, "other/__init__.py": ""}
    files.update({f"other/flow_{i}.py": FLOWS for i in range(users)})
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    return root


def flow_findings(plan, path: str = "other/flow_0.py") -> list[tuple]:
    result = next(o.result for o in plan.outcomes if o.path == path)
    return [(f.line, f.code, f.safety.label) for f in result.findings]


WRAPPED = [(6, "IDM014", "manual"), (7, "IDM014", "manual")]


def test_a_wrapper_in_one_file_keeps_the_ids_another_file_hands_it(tmp_path: Path):
    root = make_repo(tmp_path)
    plan = build_plan(root, load_config(root), workers=1, use_cache=False)
    assert flow_findings(plan) == WRAPPED
    reason = next(o.result for o in plan.outcomes if o.path == "other/flow_0.py").findings[0].reason
    assert "passed to helpers.describe(), which hands it to UnifiedIdGenerator.parse_id (svc/helpers.py:4)" in reason
    assert next(o.result for o in plan.outcomes if o.path == "other/flow_0.py").status == "unchanged"
    # --path narrows what is migrated, not where wrappers are looked for
    narrowed = build_plan(root, load_config(root), paths=[str(root / "other")], workers=1, use_cache=False)
    assert flow_findings(narrowed) == WRAPPED
    assert flow_findings(build_plan(root, load_config(root), services=["other"], workers=1,
                                    use_cache=False)) == WRAPPED


def test_a_same_named_function_that_feeds_no_parser_changes_nothing(tmp_path: Path):
    root = make_repo(tmp_path, helpers=NOT_A_WRAPPER)
    assert flow_findings(build_plan(root, load_config(root), workers=1, use_cache=False)) == [
        (6, "IDM001", "exact"), (7, "IDM001", "exact")]


def test_cached_results_follow_the_wrapper(tmp_path: Path):
    root = make_repo(tmp_path)
    git(root, "init", "-q")
    hour_ago = time.time() - 3600
    for path in root.rglob("*.py"):
        os.utime(path, (hour_ago, hour_ago))  # old enough for the prefilter index to trust
    assert flow_findings(build_plan(root, load_config(root), workers=1)) == WRAPPED
    (root / "svc/helpers.py").write_text(NOT_A_WRAPPER)
    assert flow_findings(build_plan(root, load_config(root), workers=1))[0][1] == "IDM001"
    (root / "svc/helpers.py").write_text("\n\n" + HELPERS)  # the wrapper moved: the reason says where
    again = build_plan(root, load_config(root), workers=1)
    assert "(svc/helpers.py:6)" in next(o.result for o in again.outcomes if o.path == "other/flow_0.py"
                                        ).findings[0].reason


def test_workers_and_cache_agree(tmp_path: Path):
    root = make_repo(tmp_path, users=10)
    git(root, "init", "-q")

    def outcomes(plan) -> list:
        return [(o.path, o.result.status, tuple(o.result.findings), o.result.new_source) for o in plan.outcomes]

    reference = outcomes(build_plan(root, load_config(root), workers=1, use_cache=False))
    assert all(len(findings) == 2 and findings[0].code == "IDM014" for path, _, findings, _ in reference
               if path.startswith("other/"))
    assert outcomes(build_plan(root, load_config(root), workers=2, use_cache=False)) == reference
    assert outcomes(build_plan(root, load_config(root), workers=2)) == reference  # cold cache
    assert outcomes(build_plan(root, load_config(root), workers=1)) == reference  # warm


def test_a_replayed_plan_keeps_them_and_an_edited_wrapper_replans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(tree_state, "SLACK_NS", 0)  # stat data the test wrote counts as old enough
    root = make_repo(tmp_path)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "start")
    first = build_plan(root, load_config(root), workers=1)
    assert flow_findings(first) == WRAPPED
    again = build_plan(root, load_config(root), workers=1)
    assert replayed(again) and observed(again) == observed(first)  # originals too: the key holds the wrappers
    (root / "svc/helpers.py").write_text(NOT_A_WRAPPER)
    assert_replans(root)
    assert flow_findings(build_plan(root, load_config(root), workers=1))[0][1] == "IDM001"
