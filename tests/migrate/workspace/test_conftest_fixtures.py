"""Fixtures of a conftest.py reach the test modules below it: the pipeline's pre-pass."""

from __future__ import annotations

import os
import time
from pathlib import Path

from codemods.generator.instances.tracker import SHARED
from migrate.workspace.config import load_config
from migrate.workspace.discovery import scan_conftests
from migrate.workspace.pipeline import build_plan
from tests.conftest import git

CONFTEST = '''import pytest

from shared.id_generation import UnifiedIdGenerator


@pytest.fixture
def id_generator():
    return UnifiedIdGenerator()
'''
NOT_A_GENERATOR = '''import pytest


@pytest.fixture
def id_generator():
    return object()
'''
TESTS = '''class TestIds:
    def test_user(self, id_generator):
        assert id_generator.generate_base_id("user")

    def test_parse(self, id_generator):
        assert id_generator.parse_id("user_1_2")
'''


def make_repo(root: Path) -> Path:
    files = {
        "svc/__init__.py": "",
        "svc/tests/conftest.py": CONFTEST,
        "svc/tests/test_ids.py": TESTS,
        "svc/tests/deeper/conftest.py": NOT_A_GENERATOR,
        "svc/tests/deeper/test_other.py": TESTS,
        "svc/test_outside.py": TESTS,
    }
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    return root


def by_path(plan) -> dict:
    """Outcomes with findings (a file that only names a fixture may be parsed for nothing)."""
    return {o.path: o.result for o in plan.outcomes if o.result.findings}


def test_conftest_fixtures_are_found_per_directory(tmp_path: Path):
    root = make_repo(tmp_path)
    fixtures = scan_conftests(root, [p.relative_to(root).as_posix() for p in root.rglob("*.py")],
                              load_config(root).rules)
    assert fixtures.for_path("svc/tests/test_ids.py") == ("id_generator",)
    assert fixtures.for_path("svc/tests/sub/test_x.py") == ("id_generator",)
    assert fixtures.for_path("svc/tests/deeper/test_other.py") == ()  # redefined there
    assert fixtures.for_path("svc/tests/conftest.py") == ()  # its own fixtures are its definitions
    assert fixtures.for_path("svc/test_outside.py") == ()


def test_test_modules_below_a_conftest_fixture_migrate_and_the_fixture_stays(tmp_path: Path):
    root = make_repo(tmp_path)
    results = by_path(build_plan(root, load_config(root), workers=1, use_cache=False))
    assert set(results) == {"svc/tests/conftest.py", "svc/tests/test_ids.py"}
    conftest = results["svc/tests/conftest.py"]
    assert conftest.status == "unchanged"
    assert [(f.code, f.safety.label, f.reason) for f in conftest.findings] == [("IDM080", "manual", SHARED)]
    tests = results["svc/tests/test_ids.py"]
    assert tests.status == "changed"
    assert [(f.member, f.safety.label) for f in tests.findings] == [("generate_base_id", "exact"),
                                                                     ("parse_id", "manual")]
    assert b"assert get_id_manager().generate_id(IDType.USER)" in tests.new_source
    # --path narrows what is migrated, not which conftest.py files are seen
    narrowed = by_path(build_plan(root, load_config(root), paths=[str(root / "svc/tests/test_ids.py")],
                                  workers=1, use_cache=False))
    assert set(narrowed) == {"svc/tests/test_ids.py"} and narrowed["svc/tests/test_ids.py"].status == "changed"


def test_a_new_conftest_fixture_reaches_files_the_index_knew_as_clean(tmp_path: Path):
    root = make_repo(tmp_path)
    (root / "svc/tests/conftest.py").write_text(NOT_A_GENERATOR + "\nfrom shared.id_generation import x  # noqa\n")
    git(root, "init", "-q")
    hour_ago = time.time() - 3600
    for path in root.rglob("*.py"):
        os.utime(path, (hour_ago, hour_ago))  # old enough for the prefilter index to trust
    assert "svc/tests/test_ids.py" not in by_path(build_plan(root, load_config(root), workers=1))
    (root / "svc/tests/conftest.py").write_text(CONFTEST)
    assert by_path(build_plan(root, load_config(root), workers=1))["svc/tests/test_ids.py"].status == "changed"


def test_cached_results_follow_the_conftest(tmp_path: Path):
    root = make_repo(tmp_path)
    uses = "from shared.id_generation import UnifiedIdGenerator\n\nX = UnifiedIdGenerator.generate_base_id('user')\n\n\n"
    (root / "svc/tests/test_ids.py").write_text(uses + TESTS)
    git(root, "init", "-q")
    first = by_path(build_plan(root, load_config(root), workers=1))["svc/tests/test_ids.py"]
    assert len(first.findings) == 3
    (root / "svc/tests/conftest.py").write_text(NOT_A_GENERATOR)
    again = by_path(build_plan(root, load_config(root), workers=1))["svc/tests/test_ids.py"]
    assert [f.member for f in again.findings] == ["generate_base_id"]  # the parameters hold no generator now
