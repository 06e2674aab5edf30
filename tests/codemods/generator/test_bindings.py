"""Bindings the shapes cannot show on one default path: fixtures inherited from a conftest.py,
a conftest's own fixtures, and names that only look like bindings."""

from __future__ import annotations

from codemods.generator.instances.tracker import SHARED
from tests.conftest import assert_properties, migrate_source

TEST_MODULE = '''class TestIds:
    def test_user(self, id_generator):
        assert id_generator.generate_base_id("user")

    def test_parse(self, id_generator):
        assert id_generator.parse_id("user_1_2")
'''

CONFTEST = '''import pytest

from shared.id_generation import UnifiedIdGenerator


@pytest.fixture
def id_generator():
    return UnifiedIdGenerator()
'''


def test_parameters_named_after_an_inherited_fixture_are_bindings():
    result = migrate_source(TEST_MODULE, path="tests/test_ids.py", fixtures=("id_generator",))
    assert [(f.member, f.safety.label) for f in result.findings] == [("generate_base_id", "exact"),
                                                                        ("parse_id", "manual")]
    text = result.new_source.decode()
    assert "assert get_id_manager().generate_id(IDType.USER)" in text
    assert 'id_generator.parse_id("user_1_2")' in text  # the fixture still hands out a generator
    assert_properties(TEST_MODULE.encode(), result, path="tests/test_ids.py", fixtures=("id_generator",))


def test_without_the_conftest_the_same_module_is_left_alone():
    result = migrate_source(TEST_MODULE, path="tests/test_ids.py")
    assert result.status == "unchanged" and result.findings == []


def test_a_conftest_fixture_stays_a_generator_its_users_may_still_need():
    result = migrate_source(CONFTEST, path="tests/conftest.py")
    assert result.status == "unchanged"
    [finding] = result.findings
    assert (finding.code, finding.safety.label, finding.reason) == ("IDM080", "manual", SHARED)


def test_a_fixture_no_test_of_its_module_requests_is_shared_too():
    result = migrate_source(CONFTEST, path="tests/helpers/fixtures.py")
    assert [(f.code, f.reason) for f in result.findings] == [("IDM080", SHARED)]


def test_a_parameter_of_a_helper_is_no_binding_even_under_the_conftest():
    source = '''def make_ids(id_generator, prefix):
    return id_generator.generate_base_id(prefix), id_generator.generate_base_id("user")
'''
    result = migrate_source(source, path="tests/helpers.py", fixtures=("id_generator",))
    assert result.status == "unchanged" and result.findings == []


def test_a_fixture_the_module_redefines_hides_the_conftest_one():
    source = '''import pytest


@pytest.fixture
def id_generator():
    return object()


def test_user(id_generator):
    assert id_generator.generate_base_id("user")
'''
    result = migrate_source(source, path="tests/test_ids.py", fixtures=("id_generator",))
    assert result.status == "unchanged" and result.findings == []


def test_a_parameter_hides_a_module_instance_of_the_same_name():
    source = '''from shared.id_generation import UnifiedIdGenerator

gen = UnifiedIdGenerator()


def user_id():
    return gen.generate_base_id("user")


def other(gen):
    return gen.generate_base_id("user")
'''
    result = migrate_source(source)
    text = result.new_source.decode()
    assert "def other(gen):\n    return gen.generate_base_id(\"user\")" in text
    # `gen` is still read (as a parameter name), so the instance is not removed, it becomes the manager
    assert [(f.code, f.safety.label) for f in result.findings] == [("IDM080", "format"), ("IDM001", "exact")]


def test_another_objects_attribute_of_the_same_name_keeps_the_instance():
    source = '''from shared.id_generation import UnifiedIdGenerator


class Service:
    def __init__(self):
        self.id_generator = UnifiedIdGenerator()

    def user(self):
        return self.id_generator.generate_base_id("user")


def test_service():
    assert Service().id_generator.generate_user_context_ids("u1")
'''
    result = migrate_source(source)
    kept = [f for f in result.findings if f.code == "IDM080"]
    assert [f.safety.label for f in kept] == ["manual"] and "stays a generator" in kept[0].reason
    assert "self.id_generator = UnifiedIdGenerator()" in result.new_source.decode()


def test_removed_statements_keep_comments_and_blocks_stay_valid():
    source = '''from shared.id_generation import UnifiedIdGenerator


class Service:
    def __init__(self):
        self.name = "s"; self.gen = UnifiedIdGenerator()  # legacy

    def user(self):
        other = UnifiedIdGenerator()
        if other: pass
        return self.gen.generate_base_id("user")


def local():
    # first
    g = UnifiedIdGenerator()  # second

    return g.generate_base_id("trace")
'''
    result = migrate_source(source)
    text = result.new_source.decode()
    assert '        self.name = "s"  # legacy\n' in text
    assert "    # first\n    # second\n\n    return get_id_manager().generate_id(IDType.TRACE)\n" in text
    assert "other = UnifiedIdGenerator()" in text  # read by `if other`: an escape, kept
    assert_properties(source.encode(), result)
