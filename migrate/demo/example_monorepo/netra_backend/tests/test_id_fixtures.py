"""IDs from a generator the tests receive: a fixture that injects one, and a test class that keeps its own."""

import pytest

from shared.id_generation import UnifiedIdGenerator


@pytest.fixture
def id_generator():
    """The generator, injected the way the large test modules of the monorepo receive it."""
    return UnifiedIdGenerator()  # expect: format


class TestInjectedIds:
    def setup_method(self):
        # a generator of its own for every test
        self.gen = UnifiedIdGenerator()  # expect: format

    def test_context_ids_are_distinct(self, id_generator):
        thread_id, run_id, request_id = id_generator.generate_user_context_ids("user-7", "chat")  # expect: format
        assert len({thread_id, run_id, request_id}) == 3

    def test_agent_ids_are_distinct(self, id_generator):
        first = id_generator.generate_agent_execution_id("triage", "user-7")  # expect: format
        second = id_generator.generate_agent_execution_id("triage", "user-7")  # expect: format
        assert first != second and first.startswith("agent_")

    def test_own_generator(self):
        assert self.gen.generate_base_id("user") != self.gen.generate_base_id("user")  # expect: exact, exact
