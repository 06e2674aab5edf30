# idmigrate snapshot: instance_fixture_same_module (changed)
# findings:
#   8:12 IDM080 format UnifiedIdGenerator()
#       -> get_id_manager()
#   13:41 IDM010 format generate_user_context_ids
#       -> thread_id = get_id_manager().generate_id(IDType.THREAD)
#   17:16 IDM024 format generate_session_id
#       -> get_id_manager().generate_id(IDType.SESSION, prefix="session_web_user-1")

# ------------------------------ before
import pytest

from shared.id_generation import UnifiedIdGenerator


@pytest.fixture
def id_generator():
    return UnifiedIdGenerator()


class TestIds:
    def test_context(self, id_generator):
        thread_id, run_id, request_id = id_generator.generate_user_context_ids("user-1", "chat")
        assert len({thread_id, run_id, request_id}) == 3

    def test_session(self, id_generator):
        assert id_generator.generate_session_id("user-1")

# ------------------------------ after
import pytest

from netra_backend.app.core.unified_id_manager import (
    IDType,
    UnifiedIDManager,
    get_id_manager,
)


@pytest.fixture
def id_generator():
    return get_id_manager()


class TestIds:
    def test_context(self, id_generator):
        thread_id = get_id_manager().generate_id(IDType.THREAD)
        run_id = UnifiedIDManager.generate_run_id(thread_id)
        request_id = get_id_manager().generate_id(IDType.REQUEST)
        assert len({thread_id, run_id, request_id}) == 3

    def test_session(self, id_generator):
        assert get_id_manager().generate_id(IDType.SESSION, prefix="session_web_user-1")
