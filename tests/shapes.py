"""Call-site shapes of the generator API (MIGRATION.md lists them by rule), one small module each (written for these tests).

Each entry: name -> (source, expected safety classes in source order).
``NOOPS`` look similar but must not change. ``SETTINGS`` says where a shape is migrated as
something other than production code against the declared table (``migrate_shape``).
"""

from __future__ import annotations

IMPORT = "from shared.id_generation import UnifiedIdGenerator\n"
FIXTURE_IMPORTS = "import pytest\n\n" + IMPORT

SHAPES: dict[str, tuple[str, list[str]]] = {
    "base_id_type_literal": (IMPORT + '''
def new_user():
    return UnifiedIdGenerator.generate_base_id("user")
''', ["exact"]),
    "base_id_keyword_prefix": (IMPORT + '''
THREAD = UnifiedIdGenerator.generate_base_id(prefix="thread")
''', ["exact"]),
    "base_id_alias": (IMPORT + '''
def request_id():
    return UnifiedIdGenerator.generate_base_id("req")
''', ["format"]),
    "base_id_word_in_literal": (IMPORT + '''
def ids():
    return [UnifiedIdGenerator.generate_base_id("auth_user"), UnifiedIdGenerator.generate_base_id("ws_req")]
''', ["format", "format"]),
    "base_id_other_literal": (IMPORT + '''
def audit():
    return UnifiedIdGenerator.generate_base_id("audit")
''', ["format"]),
    "base_id_fstring": (IMPORT + '''
def scoped(op, user_id):
    return UnifiedIdGenerator.generate_base_id(f"thread_{op}"), UnifiedIdGenerator.generate_base_id(f"{user_id}_x")
''', ["format", "format"]),
    "base_id_no_args": (IMPORT + '''
ANY = UnifiedIdGenerator.generate_base_id()
''', ["format"]),
    "base_id_extra_args": (IMPORT + '''
a = UnifiedIdGenerator.generate_base_id("user", include_random=False)
b = UnifiedIdGenerator.generate_base_id("session", random_length=8)
c = UnifiedIdGenerator.generate_base_id("trace", True, 8)
''', ["exact", "exact", "exact"]),
    # never weaker: more random characters than the manager's 8, or a secret by prefix or name
    "base_id_more_random": (IMPORT + '''
a = UnifiedIdGenerator.generate_base_id("job", random_length=16)
b = UnifiedIdGenerator.generate_base_id("user", True, 32)
c = UnifiedIdGenerator.generate_base_id("job", random_length=size)
d = UnifiedIdGenerator.generate_base_id("job", random_length=4)
''', ["manual", "manual", "manual", "format"]),
    # A secret-sounding prefix loses nothing with the default randomness (the generator's ID has the
    # manager's 8 random hex characters too): migrated. Only asking for more randomness keeps a call.
    "base_id_secret_names": (IMPORT + '''
a = UnifiedIdGenerator.generate_base_id("token", random_length=16)
b = UnifiedIdGenerator.generate_base_id(f"csrf_{user_id}")
api_key = UnifiedIdGenerator.generate_base_id("user")
c = make(nonce=UnifiedIdGenerator.generate_base_id("job"))
e = UnifiedIdGenerator.generate_base_id("jti")
session_id = UnifiedIdGenerator.generate_base_id("session")
''', ["manual", "format", "exact", "format", "format", "exact"]),
    "base_id_computed_prefix": (IMPORT + '''
def make(kind):
    return UnifiedIdGenerator.generate_base_id(kind), UnifiedIdGenerator.generate_base_id(kind.lower())
''', ["manual", "manual"]),
    "base_id_bad_keyword": (IMPORT + '''
x = UnifiedIdGenerator.generate_base_id("user", random_suffix=True)
y = UnifiedIdGenerator.generate_base_id("user", include_random=compute())
''', ["manual", "manual"]),
    "base_id_comment_inside": (IMPORT + '''
x = UnifiedIdGenerator.generate_base_id(
    "user",  # the account id
)
''', ["format"]),
    "base_id_multiline_call": (IMPORT + '''
x = UnifiedIdGenerator.generate_base_id(
    "user",
    include_random=True,
)
''', ["exact"]),
    "role_members": (IMPORT + '''
def all_roles(user_id, agent_type, tool, thread_id, ts):
    return [
        UnifiedIdGenerator.generate_websocket_connection_id(user_id, ts),
        UnifiedIdGenerator.generate_websocket_client_id(user_id),
        UnifiedIdGenerator.generate_agent_execution_id(agent_type, user_id),
        UnifiedIdGenerator.generate_tool_execution_id(tool, agent_id="a1"),
        UnifiedIdGenerator.generate_session_id(user_id, "api"),
        UnifiedIdGenerator.generate_message_id("chat", user_id, thread_id),
        UnifiedIdGenerator.generate_error_context_id("db", user_id),
    ]
''', ["format"] * 7),
    "helpers_batch_valid_reset": (IMPORT + '''
from shared.id_generation import reset_global_counter


def helpers(n, s):
    ids = UnifiedIdGenerator.generate_batch_ids("job", n)
    ok = UnifiedIdGenerator.is_valid_id(s)
    strict = UnifiedIdGenerator.is_valid_id(s, "req")
    UnifiedIdGenerator.reset_global_counter()
    reset_global_counter()
    return ids, ok, strict
''', ["format", "manual", "manual", "format", "format"]),
    "unmappable_members": (IMPORT + '''
def legacy(s, user_id):
    parts = UnifiedIdGenerator.parse_id(s)
    age = UnifiedIdGenerator.get_id_age(s)
    session = UnifiedIdGenerator.get_or_create_user_session(user_id)
    count = len(UnifiedIdGenerator._active_sessions)
    return parts, age, session, count
''', ["manual"] * 4),
    "latent_members_mapped": (IMPORT + '''
def latent(thread_id):
    return [
        UnifiedIdGenerator.generate_thread_id(),
        UnifiedIdGenerator.generate_user_id(),
        UnifiedIdGenerator.generate_request_id(),
        UnifiedIdGenerator.generate_execution_id(),
        UnifiedIdGenerator.generate_run_id(thread_id),
        UnifiedIdGenerator.generate_id("user"),
        UnifiedIdGenerator.generate_thread_id(format="short"),
    ]
''', ["format"] * 7),
    "latent_members_manual": (IMPORT + '''
def latent(user_id, op):
    return [
        UnifiedIdGenerator.generate_run_id(),
        UnifiedIdGenerator.generate_run_id(user_id, op),
        UnifiedIdGenerator.generate_task_id(),
        UnifiedIdGenerator.generate_connection_id(user_id),
        UnifiedIdGenerator.generate_id("message"),
    ]
''', ["manual"] * 5),
    "alias_import": ('''from shared.id_generation import UnifiedIdGenerator as IdGen


def new_ws(user_id):
    return IdGen.generate_base_id("ws")
''', ["format"]),
    "module_path_import": ('''import shared.id_generation.unified_id_generator as uig
from shared.id_generation.unified_id_generator import UnifiedIdGenerator


def both():
    return uig.UnifiedIdGenerator.generate_base_id("user"), UnifiedIdGenerator.generate_base_id("tool")
''', ["exact", "exact"]),
    "function_local_import": ('''def make():
    from shared.id_generation import UnifiedIdGenerator

    return UnifiedIdGenerator.generate_base_id("agent")
''', ["exact"]),
    "try_except_import": ('''try:
    from shared.id_generation import UnifiedIdGenerator
except ImportError:  # older layout
    from shared.id_generation.unified_id_generator import UnifiedIdGenerator


def make():
    return UnifiedIdGenerator.generate_base_id("metric")
''', ["exact"]),
    "unrelated_try_beside_a_use": (IMPORT + '''
def load(raw):
    try:
        import orjson as json
    except ImportError:  # the import fixes skip this try: it names nothing they remove
        import json
    return json.loads(raw), UnifiedIdGenerator.generate_base_id("user")
''', ["exact"]),
    "star_import": ('''from shared.id_generation import *


def make():
    return UnifiedIdGenerator.generate_base_id("user")
''', ["exact"]),
    "init_reexport": ('''"""Package utilities."""
from shared.id_generation import UnifiedIdGenerator
from os import path

__all__ = ["UnifiedIdGenerator", "path"]
''', ["format"]),
    "default_factory_reference": ('''from dataclasses import dataclass, field

from shared.id_generation import UnifiedIdGenerator


@dataclass
class Record:
    record_id: str = field(default_factory=UnifiedIdGenerator.generate_base_id)
    make_job = staticmethod(lambda: UnifiedIdGenerator.generate_base_id("job"))
''', ["format", "format"]),
    "reference_passed_on": (IMPORT + '''
def register(registry):
    factory = UnifiedIdGenerator.generate_base_id
    registry.add(factory)
''', ["manual"]),
    "mock_patch_targets": ('''from unittest import mock
from unittest.mock import patch

from shared.id_generation import UnifiedIdGenerator


@mock.patch("shared.id_generation.unified_id_generator.UnifiedIdGenerator.generate_base_id")
def test_a(fake):
    pass


def test_b():
    with patch.object(UnifiedIdGenerator, "generate_base_id", return_value="x"):
        pass
''', ["manual", "manual"]),
    "subclass_and_isinstance": (IMPORT + '''
class LegacyIds(UnifiedIdGenerator):
    pass


def check(x) -> bool:
    return isinstance(x, UnifiedIdGenerator)
''', ["manual", "manual"]),
    "existing_manager_import": ('''from netra_backend.app.core.unified_id_manager import UnifiedIDManager
from shared.id_generation import UnifiedIdGenerator


def pair():
    return UnifiedIDManager.generate_thread_id(), UnifiedIdGenerator.generate_base_id("user")
''', ["exact"]),
    "name_clash": (IMPORT + '''
class IDType:
    pass


def make():
    return UnifiedIdGenerator.generate_base_id("user")
''', ["manual"]),
    # ---- what a reviewer of the patch checks (the run-ID rows are in thread_shapes): layout, readers
    "long_call_wrapped": (IMPORT + '''
class Agent:
    def identify(self, agent_type, user_id):
        self.agent_execution_id = UnifiedIdGenerator.generate_agent_execution_id(agent_type, user_id)
        return UnifiedIdGenerator.generate_tool_execution_id(
            "search", agent_id=self.agent_execution_id
        )
''', ["format", "format"]),
    "uid_is_not_an_alias": (IMPORT + '''
def unique():
    return UnifiedIdGenerator.generate_base_id("uid")
''', ["format"]),
    "uuid_replacement_helper": ('''from shared.id_generation.unified_id_generator import generate_uuid_replacement


def short_key():
    return generate_uuid_replacement()
''', ["exact"]),
    "id_text_read_nearby": (IMPORT + '''
def session_parts():
    session_id = UnifiedIdGenerator.generate_base_id("session")
    kind = session_id.split("_")[0]
    return session_id, kind
''', ["format"]),
}

NOOPS: dict[str, str] = {
    # the reviewer-check rows: look alike, but nothing here goes through the generator
    "run_id_from_another_generator_beside_a_thread": '''from ids import OtherGenerator


def start_run(user_id, thread_id, run_id=None):
    return run_id or OtherGenerator.generate_base_id("run")
''',
    "id_text_read_of_a_manager_id": '''from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


def session_parts():
    session_id = get_id_manager().generate_id(IDType.SESSION)
    return session_id.split("_")[0]
''',
    "long_secret_from_another_generator": '''from ids import OtherGenerator


def new_token():
    api_token = OtherGenerator.generate_base_id("token", random_length=32)
    return api_token
''',
    "hand_rolled_hex_key": '''import uuid


def short_key():
    return uuid.uuid4().hex[:8]
''',
    "validity_check_of_another_module": '''from ids import validators


def ok(value):
    return validators.is_valid_id(value)
''',
    "other_class_same_method": '''from ids import OtherGenerator


def make():
    return OtherGenerator.generate_base_id("user")
''',
    "local_function_named_like_member": '''def generate_base_id(prefix):
    return prefix + "_1"


X = generate_base_id("user")
''',
    "mention_in_docstring_only": '''"""This module used UnifiedIdGenerator once; now it uses the manager."""
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager

X = get_id_manager().generate_id(IDType.USER)
''',
    "manager_calls_already": '''from netra_backend.app.core.unified_id_manager import UnifiedIDManager

thread_id = UnifiedIDManager.generate_thread_id()
run_id = UnifiedIDManager.generate_run_id(thread_id)
''',
    "unrelated_patch_string": '''from unittest import mock


@mock.patch("os.path.exists")
def test_x(fake):
    pass
''',
}

# Shapes of one concern each live in their own module (this one would pass 400 lines).
from tests.argument_shapes import ARGUMENT_NOOPS, ARGUMENT_SETTINGS, ARGUMENT_SHAPES  # noqa: E402
from tests.import_shapes import IMPORT_NOOPS, IMPORT_SHAPES  # noqa: E402
from tests.instance_shapes import INSTANCE_SHAPES  # noqa: E402
from tests.thread_shapes import THREAD_NOOPS, THREAD_SETTINGS, THREAD_SHAPES  # noqa: E402

SHAPES.update(IMPORT_SHAPES)
SHAPES.update(INSTANCE_SHAPES)
SHAPES.update(THREAD_SHAPES)
SHAPES.update(ARGUMENT_SHAPES)
NOOPS.update(IMPORT_NOOPS)
NOOPS.update(THREAD_NOOPS)
NOOPS.update(ARGUMENT_NOOPS)
#: How a shape or no-op is migrated when not as production code with the declared table:
#: ``path`` (a test module ...) and ``api`` (rules bound to a bundled example's APIs).
SETTINGS: dict[str, dict[str, str]] = {**THREAD_SETTINGS, **ARGUMENT_SETTINGS}
