"""Shapes of what a call carries besides its ID (written for these tests): comments inside it,
arguments the rewrite drops, and IDs the generator's own parsers check elsewhere in the file.

Same format as ``tests.shapes``, which merges them into ``SHAPES``/``NOOPS``; ``ARGUMENT_SETTINGS``
says which shapes are migrated with the rules bound to a bundled example's APIs.
"""

from __future__ import annotations

IMPORT = "from shared.id_generation import UnifiedIdGenerator\n"

ARGUMENT_SHAPES: dict[str, tuple[str, list[str]]] = {
    # ---- a comment inside the call moves above the statement; in a compound header it cannot
    "comments_inside_calls_hoisted": (IMPORT + '''

class Agent:
    def start(self, user_id):
        # one context per request
        (self.thread_id, self.run_id, self.request_id) = UnifiedIdGenerator.generate_user_context_ids(  # split
            user_id,
            "request",
        )
        first = UnifiedIdGenerator.generate_user_context_ids(user_id, "x")[
            0  # the thread
        ]
        session = UnifiedIdGenerator.generate_session_id(user_id, "api")  # trailing stays
        tool = UnifiedIdGenerator.generate_tool_execution_id(  # dropped agent part
            "search", agent_id=self.agent_id,
        )
        return first, session, tool

    def check(self):
        if UnifiedIdGenerator.generate_base_id(  # no line of its own here
                "user"):
            return True


def token_checked_by_the_generator():
    jti = UnifiedIdGenerator.generate_base_id(  # stays with its call: the site stays manual
        "jti")
    return UnifiedIdGenerator.is_valid_id(jti)
''', ["format", "format", "format", "format", "manual", "manual", "manual"]),
    # ---- an ignored argument that is a plain subscript or name is dropped like a literal
    "dropped_subscript_and_name_arguments": (IMPORT + '''

def from_rows(rows, ids, flags, random_ids):
    tool = UnifiedIdGenerator.generate_tool_execution_id("search", ids[0])
    message = UnifiedIdGenerator.generate_message_id("chat", rows.user_id, rows.thread_ids[-1])
    user = UnifiedIdGenerator.generate_base_id("user", include_random=flags["random"])
    session = UnifiedIdGenerator.generate_base_id("session", random_ids)
    trace = UnifiedIdGenerator.generate_base_id("trace", flags["length"]["trace"])
    agent = UnifiedIdGenerator.generate_tool_execution_id("search", agents[next_index()])
    call = UnifiedIdGenerator.generate_tool_execution_id("search", load_ids()[0])
    return tool, message, user, session, trace, agent, call
''', ["format", "format", "exact", "exact", "exact", "manual", "manual"]),
    # ---- IDs checked by a generator member no rule covers (read from the evolved generator)
    "id_checked_by_a_member_without_rule": (IMPORT + '''

class Registry:
    def __init__(self):
        self._connections = {}

    def open(self, user_id):
        connection_id = UnifiedIdGenerator.generate_websocket_connection_id(user_id)
        self._connections[connection_id] = user_id
        client_id = UnifiedIdGenerator.generate_websocket_client_id(user_id)
        return connection_id, client_id

    def close_like(self, pattern_id):
        return [cid for cid in self._connections if UnifiedIdGenerator.ids_match_for_cleanup(cid, pattern_id)]


def same_user(user_id):
    first = UnifiedIdGenerator.generate_base_id("ws")
    second = UnifiedIdGenerator.generate_base_id("ws")
    return UnifiedIdGenerator.ids_match_for_cleanup(first, second)


def described(id_value):
    info = UnifiedIdGenerator.extract_pattern_info(id_value)
    id_value = UnifiedIdGenerator.generate_base_id("trace")
    return info, id_value
''', ["manual", "format", "manual", "manual", "manual", "manual", "manual", "manual"]),
}

ARGUMENT_NOOPS: dict[str, str] = {
    "comment_inside_another_generators_call": '''from ids import OtherGenerator

x = OtherGenerator.generate_base_id(  # why
    "user",
)
''',
    "subscript_argument_to_another_generator": '''from ids import OtherGenerator


def tool(ids):
    return OtherGenerator.generate_tool_execution_id("search", ids[0])
''',
    "ids_checked_by_another_modules_matcher": '''from ids import matcher
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


def same_user():
    first = get_id_manager().generate_id(IDType.WEBSOCKET)
    return matcher.ids_match_for_cleanup(first, first)
''',
}

ARGUMENT_SETTINGS: dict[str, dict[str, str]] = {
    "id_checked_by_a_member_without_rule": {"api": "evolved"},
    "ids_checked_by_another_modules_matcher": {"api": "evolved"},
}
