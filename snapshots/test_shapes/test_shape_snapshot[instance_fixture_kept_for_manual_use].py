# idmigrate snapshot: instance_fixture_kept_for_manual_use (changed)
# findings:
#   8:12 IDM080 manual UnifiedIdGenerator()
#       -> get_id_manager()
#   13:16 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.USER)
#   16:16 IDM060 manual parse_id
#       -> UnifiedIDManager.parse_run_id(...) for run IDs, or drop the parsing
#   16:38 IDM001 format generate_base_id
#       -> get_id_manager().generate_id(IDType.USER)

# ------------------------------ before
import pytest

from shared.id_generation import UnifiedIdGenerator


@pytest.fixture
def id_generator():
    return UnifiedIdGenerator()


class TestIds:
    def test_user(self, id_generator):
        assert id_generator.generate_base_id("user")

    def test_parse(self, id_generator):
        assert id_generator.parse_id(id_generator.generate_base_id("user"))

# ------------------------------ after
import pytest

from shared.id_generation import UnifiedIdGenerator
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


@pytest.fixture
def id_generator():
    return UnifiedIdGenerator()


class TestIds:
    def test_user(self, id_generator):
        assert get_id_manager().generate_id(IDType.USER)

    def test_parse(self, id_generator):
        assert id_generator.parse_id(get_id_manager().generate_id(IDType.USER))
