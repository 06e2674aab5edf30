# idmigrate snapshot: instance_fixture_named_generator (changed)
# findings:
#   8:11 IDM080 format UnifiedIdGenerator()
#       -> get_id_manager()
#   12:12 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.USER)

# ------------------------------ before
import pytest

from shared.id_generation import UnifiedIdGenerator


@pytest.fixture(scope="module", name="gen")
def _generator():
    yield UnifiedIdGenerator()


def test_user(gen):
    assert gen.generate_base_id("user")

# ------------------------------ after
import pytest

from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


@pytest.fixture(scope="module", name="gen")
def _generator():
    yield get_id_manager()


def test_user(gen):
    assert get_id_manager().generate_id(IDType.USER)
