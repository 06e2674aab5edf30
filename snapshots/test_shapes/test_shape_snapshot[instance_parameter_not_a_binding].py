# idmigrate snapshot: instance_parameter_not_a_binding (unchanged)
# findings:
#   8:12 IDM080 manual UnifiedIdGenerator()
#       -> get_id_manager()

# ------------------------------ before
import pytest

from shared.id_generation import UnifiedIdGenerator


@pytest.fixture
def id_generator():
    return UnifiedIdGenerator()


def helper(id_generator, prefix):
    return id_generator.generate_base_id(prefix)


def test_ids(id_generator):
    assert helper(id_generator, "user")

# ------------------------------ after
import pytest

from shared.id_generation import UnifiedIdGenerator


@pytest.fixture
def id_generator():
    return UnifiedIdGenerator()


def helper(id_generator, prefix):
    return id_generator.generate_base_id(prefix)


def test_ids(id_generator):
    assert helper(id_generator, "user")
