"""Shapes of generator instances and the bindings that hold them (written for these tests):
attributes, module and local names, fixtures, annotated parameters, and what becomes of an
instance nothing reads. Same format as ``tests.shapes``, which merges them into ``SHAPES``.
"""

from __future__ import annotations

IMPORT = "from shared.id_generation import UnifiedIdGenerator\n"
FIXTURE_IMPORTS = "import pytest\n\n" + IMPORT

INSTANCE_SHAPES: dict[str, tuple[str, list[str]]] = {
    "instance_attribute": (IMPORT + '''
class Service:
    def __init__(self):
        self.id_generator = UnifiedIdGenerator()

    def request(self):
        return self.id_generator.generate_base_id("req")

    def user(self):
        return self.id_generator.generate_base_id("user")
''', ["format", "format", "exact"]),
    "instance_module_and_local": (IMPORT + '''
_gen = UnifiedIdGenerator()


def module_level():
    return _gen.generate_base_id("trace")


def local():
    gen = UnifiedIdGenerator()
    return gen.generate_session_id("u1")
''', ["format", "exact", "format", "format"]),
    "instance_kept_for_manual_use": (IMPORT + '''
class Parser:
    def __init__(self):
        self.id_generator = UnifiedIdGenerator()

    def new(self):
        return self.id_generator.generate_base_id("user")

    def parse(self, s):
        return self.id_generator.parse_id(s)
''', ["manual", "exact", "manual"]),
    # Bindings: fixtures, annotated parameters, and what becomes of an instance nothing reads.
    "instance_fixture_same_module": (FIXTURE_IMPORTS + '''

@pytest.fixture
def id_generator():
    return UnifiedIdGenerator()


class TestIds:
    def test_context(self, id_generator):
        thread_id, run_id, request_id = id_generator.generate_user_context_ids("user-1", "chat")
        assert len({thread_id, run_id, request_id}) == 3

    def test_session(self, id_generator):
        assert id_generator.generate_session_id("user-1")
''', ["format", "format", "format"]),
    "instance_fixture_named_generator": (FIXTURE_IMPORTS + '''

@pytest.fixture(scope="module", name="gen")
def _generator():
    yield UnifiedIdGenerator()


def test_user(gen):
    assert gen.generate_base_id("user")
''', ["format", "exact"]),
    "instance_fixture_kept_for_manual_use": (FIXTURE_IMPORTS + '''

@pytest.fixture
def id_generator():
    return UnifiedIdGenerator()


class TestIds:
    def test_user(self, id_generator):
        assert id_generator.generate_base_id("user")

    def test_parse(self, id_generator):
        assert id_generator.parse_id(id_generator.generate_base_id("user"))
''', ["manual", "exact", "manual", "format"]),
    "instance_annotated_parameter": ("from typing import Optional\n\n" + IMPORT + '''

def stamp(gen: UnifiedIdGenerator, user_id: str) -> dict:
    return {"session_id": gen.generate_session_id(user_id)}


def maybe_user(gen: Optional[UnifiedIdGenerator] = None) -> str:
    return gen.generate_base_id("user") if gen else ""
''', ["manual", "format", "manual", "exact"]),
    "instance_dead_local": (IMPORT + '''

def charge(user_id):
    # one generator per charge
    gen = UnifiedIdGenerator()  # the legacy API
    return {"txn_id": gen.generate_base_id("transaction"), "user_id": user_id}
''', ["format", "exact"]),
    "instance_dead_module_name": (IMPORT + '''
_gen = UnifiedIdGenerator()


def trace_id():
    return _gen.generate_base_id("trace")
''', ["format", "exact"]),
    "instance_dead_attribute": (IMPORT + '''

class Service:
    """Hands out request IDs."""

    def __init__(self):
        # ids for this service
        self.id_generator = UnifiedIdGenerator()

    def request(self):
        return self.id_generator.generate_base_id("request")


class Registry:
    gen = UnifiedIdGenerator()

    def user(self):
        return self.gen.generate_base_id("user")
''', ["format", "exact", "format", "exact"]),
    "instance_still_read": (IMPORT + '''
gen = UnifiedIdGenerator()
__all__ = ["gen", "Service"]


class Service:
    def __init__(self):
        self.id_generator = UnifiedIdGenerator()

    def user(self):
        return self.id_generator.generate_base_id("user"), gen.generate_base_id("user")

    def has_generator(self):
        return hasattr(self, "id_generator")
''', ["manual", "format", "exact", "exact"]),
    "instance_handed_on": (IMPORT + '''
from services import Service

service = Service(UnifiedIdGenerator())


def make():
    return UnifiedIdGenerator()
''', ["manual", "manual"]),
    "instance_parameter_not_a_binding": (FIXTURE_IMPORTS + '''

@pytest.fixture
def id_generator():
    return UnifiedIdGenerator()


def helper(id_generator, prefix):
    return id_generator.generate_base_id(prefix)


def test_ids(id_generator):
    assert helper(id_generator, "user")
''', ["manual"]),
    "fresh_instance_call": (IMPORT + '''
x = UnifiedIdGenerator().generate_base_id("user")
''', ["exact"]),
}
