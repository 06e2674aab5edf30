# idmigrate snapshot: latent_run_in_a_test_without_thread (changed)
# findings:
#   5:13 IDM016 format generate_run_id [latent fixed]
#       -> UnifiedIDManager.generate_run_id(get_id_manager().generate_id(IDType.THREAD))
#   6:21 IDM016 format generate_run_id [latent fixed]
#       -> UnifiedIDManager.generate_run_id(get_id_manager().generate_id(IDType.THREAD))
#   11:16 IDM041 format generate_run_id [latent fixed]
#       -> UnifiedIDManager.generate_run_id(thread_id)

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator


def test_run_ids_are_distinct():
    first = UnifiedIdGenerator.generate_run_id()
    assert first != UnifiedIdGenerator.generate_run_id()


class TestResume:
    def test_resume_keeps_the_thread(self, thread_id):
        assert UnifiedIdGenerator.generate_run_id() != thread_id

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import (
    IDType,
    UnifiedIDManager,
    get_id_manager,
)


def test_run_ids_are_distinct():
    first = UnifiedIDManager.generate_run_id(
        get_id_manager().generate_id(IDType.THREAD)
    )
    assert first != UnifiedIDManager.generate_run_id(
        get_id_manager().generate_id(IDType.THREAD)
    )


class TestResume:
    def test_resume_keeps_the_thread(self, thread_id):
        assert UnifiedIDManager.generate_run_id(thread_id) != thread_id
