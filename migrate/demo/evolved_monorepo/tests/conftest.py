import pytest

from shared.id_generation import UnifiedIdGenerator


@pytest.fixture
def id_generator():
    """The generator, injected the way services receive it."""
    return UnifiedIdGenerator()  # expect: manual
