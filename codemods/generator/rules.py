"""The generator recipe's rule rows and the run's rule settings (``RuleSet``).

Rows are data (the member rows here, the rows of site shapes in ``shape_rows``). The transformer (``codemods.generator.transformer``) reads them through the
registry (``codemods.core.recipes.RULES``, where they join the other recipes' rows); MIGRATION.md
is generated from them (``codemods.docs``); ``[tool.idmigrate]`` in the target repo's
pyproject.toml overrides the member rows (``RuleSet.with_overrides``). The kinds a row can
have are declared once, in ``codemods.core.rules``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Mapping

from codemods.core.rules import Rule, by_code
from codemods.core.safety import Safety
from codemods.generator.shape_rows import SHAPE_ROWS

if TYPE_CHECKING:
    from codemods.apibind.bind import BoundApis

#: IDType members of the manager, by value (README.md lists them).
ID_TYPES: tuple[str, ...] = (
    "user",
    "session",
    "request",
    "agent",
    "tool",
    "transaction",
    "websocket",
    "execution",
    "trace",
    "metric",
    "thread",
)

#: Prefix words that mean an IDType without spelling it (``req_`` is a request ID).
DEFAULT_ALIASES: dict[str, str] = {
    "req": "request",
    "ws": "websocket",
    "conn": "websocket",
    "exec": "execution",
    "run": "execution",
    "txn": "transaction",
    "tx": "transaction",
    "usr": "user",
    "sess": "session",
    "err": "trace",
    "error": "trace",
    "span": "trace",
}

#: Random hex characters in a manager ID (``uuid.uuid4().hex[:8]`` in ``generate_id``): a generator call
#: asking for more (``random_length=16``) would be weakened by the rewrite.
MANAGER_RANDOM_HEX = 8

#: Modules that define (or re-export) the generator; imports from them are tracked.
SOURCE_MODULES: tuple[str, ...] = (
    "shared.id_generation",
    "shared.id_generation.unified_id_generator",
)

GENERATOR_CLASS = "UnifiedIdGenerator"

#: Module-level helpers of the generator package, by name -> member key in MEMBER_RULES.
MODULE_HELPERS: tuple[str, ...] = (
    "reset_global_counter",
    "generate_uuid_replacement",
    "create_user_execution_context_factory",
    "TestIdUtils",
    "IdComponents",
)

#: Generator members that parse the generator's own format, with the (position, parameter) of the
#: ID each checks. Where the generator is found, the members read from it that parse an ID
#: argument join these (``codemods.apibind.bind.parsers_of``).
PARSER_MEMBERS: dict[str, tuple[tuple[int, str], ...]] = {
    "is_valid_id": ((0, "id_string"),),
    "parse_id": ((0, "id_string"),),
    "get_id_age": ((0, "id_string"),),
}


#: Rows of generator members called through the class, an alias or an instance.
_MEMBER_ROWS: tuple[Rule, ...] = (
    # generate_base_id's row is also the first prefix class: the prefix rows below say the rest.
    Rule("IDM001", "generate_base_id", "base_id", Safety.EXACT,
         "literal prefix equal to an IDType value: the ID still starts with that word",
         params=("prefix", "include_random", "random_length"),
         droppable=("include_random", "random_length"),
         before='UnifiedIdGenerator.generate_base_id("user")',
         after="get_id_manager().generate_id(IDType.USER)"),
    Rule("IDM010", "generate_user_context_ids", "user_context", Safety.FORMAT,
         "split into thread/run/request so the run ID embeds its thread ID",
         params=("user_id", "operation"),
         before='thread_id, run_id, request_id = UnifiedIdGenerator.generate_user_context_ids(user_id, "chat")',
         after=("thread_id = get_id_manager().generate_id(IDType.THREAD)\n"
                "run_id = UnifiedIDManager.generate_run_id(thread_id)\n"
                "request_id = get_id_manager().generate_id(IDType.REQUEST)")),
    Rule("IDM020", "generate_websocket_connection_id", "typed", Safety.FORMAT,
         "websocket connection ID; its text keeps the ws_conn_<user> start code finds connections by",
         id_type="websocket", prefix="ws_conn_{user_id[:8]}", params=("user_id", "connection_timestamp"),
         droppable=("connection_timestamp",),
         before="UnifiedIdGenerator.generate_websocket_connection_id(user_id)",
         after='get_id_manager().generate_id(IDType.WEBSOCKET, prefix=f"ws_conn_{user_id[:8]}")'),
    Rule("IDM021", "generate_websocket_client_id", "typed", Safety.FORMAT,
         "websocket client ID; its text keeps the ws_client_<user> start",
         id_type="websocket", prefix="ws_client_{user_id[:8]}", params=("user_id", "connection_timestamp"),
         droppable=("connection_timestamp",),
         before="UnifiedIdGenerator.generate_websocket_client_id(user_id)",
         after='get_id_manager().generate_id(IDType.WEBSOCKET, prefix=f"ws_client_{user_id[:8]}")'),
    Rule("IDM022", "generate_agent_execution_id", "typed", Safety.FORMAT,
         "agent execution ID; its text keeps the agent_<type>_<user> start",
         id_type="agent", prefix="agent_{agent_type}_{user_id[:8]}", params=("agent_type", "user_id"),
         before="UnifiedIdGenerator.generate_agent_execution_id(agent_type, user_id)",
         after='get_id_manager().generate_id(IDType.AGENT, prefix=f"agent_{agent_type}_{user_id[:8]}")'),
    Rule("IDM023", "generate_tool_execution_id", "typed", Safety.FORMAT,
         "tool execution ID; its text keeps the tool_<name> start (the agent part is dropped)",
         id_type="tool", prefix="tool_{tool_name}", params=("tool_name", "agent_id"), droppable=("agent_id",),
         before="UnifiedIdGenerator.generate_tool_execution_id(tool_name, agent_id)",
         after='get_id_manager().generate_id(IDType.TOOL, prefix=f"tool_{tool_name}")'),
    Rule("IDM024", "generate_session_id", "typed", Safety.FORMAT,
         "session ID; its text keeps the session_<type>_<user> start",
         id_type="session", prefix="session_{session_type=web}_{user_id[:8]}", params=("user_id", "session_type"),
         before='UnifiedIdGenerator.generate_session_id(user_id, "api")',
         after='get_id_manager().generate_id(IDType.SESSION, prefix=f"session_api_{user_id[:8]}")'),
    Rule("IDM025", "generate_message_id", "typed", Safety.FORMAT,
         "message ID: no MESSAGE type, so the fallback type; its text keeps the msg_<type>_<user> start",
         prefix="msg_{message_type}_{user_id[:8]}", params=("message_type", "user_id", "thread_id"),
         droppable=("thread_id",),
         before="UnifiedIdGenerator.generate_message_id(kind, user_id, thread_id)",
         after='get_id_manager().generate_id(IDType.EXECUTION, prefix=f"msg_{kind}_{user_id[:8]}")'),
    Rule("IDM026", "generate_error_context_id", "typed", Safety.FORMAT,
         "error context ID as a TRACE; its text keeps the error_<type>_<user> start",
         id_type="trace", prefix="error_{error_type}_{user_id[:8]}", params=("error_type", "user_id"),
         before="UnifiedIdGenerator.generate_error_context_id(error_type, user_id)",
         after='get_id_manager().generate_id(IDType.TRACE, prefix=f"error_{error_type}_{user_id[:8]}")'),
    Rule("IDM030", "generate_batch_ids", "batch", Safety.FORMAT,
         "a list of manager IDs of the prefix's type",
         params=("prefix", "count", "include_random"), droppable=("include_random",),
         before='UnifiedIdGenerator.generate_batch_ids("job", 3)',
         after='[get_id_manager().generate_id(IDType.EXECUTION, prefix="job") for _ in range(3)]'),
    Rule("IDM031", "is_valid_id", "manual", Safety.MANUAL,
         "the generator's check parses the ID and bounds its timestamp; the manager's "
         "is_valid_id_format accepts any ID-shaped text, so a swap would loosen the check",
         params=("id_string", "expected_prefix"),
         suggestion="decide what the check is for: get_id_manager().is_valid_id(s) (an ID this process made) "
                    "or a check of the manager's format",
         before="UnifiedIdGenerator.is_valid_id(s)"),
    Rule("IDM032", "reset_global_counter", "reset", Safety.FORMAT,
         "resets the manager's counters only: the IDs it registered stay registered",
         before="UnifiedIdGenerator.reset_global_counter()",
         after="get_id_manager().reset_counters()"),
    # Members the generator does not define: latent AttributeErrors in real code.
    Rule("IDM040", "generate_thread_id", "thread", Safety.FORMAT,
         "latent AttributeError fixed: a THREAD-typed ID (what the manager module's generate_thread_id() makes)",
         latent=True, droppable=("*",),
         before="UnifiedIdGenerator.generate_thread_id()",
         after="get_id_manager().generate_id(IDType.THREAD)"),
    Rule("IDM041", "generate_run_id", "run", Safety.FORMAT,
         "latent AttributeError fixed: a run ID that embeds its thread ID", latent=True,
         params=("thread_id",),
         suggestion="UnifiedIDManager.generate_run_id(thread_id)",
         before="UnifiedIdGenerator.generate_run_id(thread_id)",
         after="UnifiedIDManager.generate_run_id(thread_id)"),
    Rule("IDM042", "generate_user_id", "typed", Safety.FORMAT,
         "latent AttributeError fixed: a USER ID", id_type="user", latent=True,
         droppable=("*",),
         before="UnifiedIdGenerator.generate_user_id()",
         after="get_id_manager().generate_id(IDType.USER)"),
    Rule("IDM043", "generate_request_id", "typed", Safety.FORMAT,
         "latent AttributeError fixed: a REQUEST ID", id_type="request", latent=True,
         droppable=("*",),
         before="UnifiedIdGenerator.generate_request_id()",
         after="get_id_manager().generate_id(IDType.REQUEST)"),
    Rule("IDM044", "generate_execution_id", "typed", Safety.FORMAT,
         "latent AttributeError fixed: an EXECUTION ID", id_type="execution", latent=True,
         droppable=("*",),
         before="UnifiedIdGenerator.generate_execution_id()",
         after="get_id_manager().generate_id(IDType.EXECUTION)"),
    Rule("IDM045", "generate_id", "typed_literal", Safety.FORMAT,
         "latent AttributeError fixed when the literal names an IDType or alias", latent=True,
         params=("id_type",),
         suggestion="get_id_manager().generate_id(IDType.<TYPE>, prefix=...)",
         before='UnifiedIdGenerator.generate_id("user")',
         after="get_id_manager().generate_id(IDType.USER)"),
    Rule("IDM050", "generate_task_id", "manual", Safety.MANUAL,
         "latent AttributeError: the generator has no generate_task_id and the manager no counterpart",
         latent=True, suggestion='get_id_manager().generate_id(IDType.EXECUTION, prefix="task")'),
    Rule("IDM051", "generate_connection_id", "manual", Safety.MANUAL,
         "latent AttributeError: the generator has no generate_connection_id; pick the websocket rule by hand",
         latent=True, suggestion="get_id_manager().generate_id(IDType.WEBSOCKET, context={...})"),
    Rule("IDM060", "parse_id", "manual", Safety.MANUAL,
         "parses the generator's own format; the manager has no equivalent",
         suggestion="UnifiedIDManager.parse_run_id(...) for run IDs, or drop the parsing"),
    Rule("IDM061", "get_id_age", "manual", Safety.MANUAL,
         "reads the generator's timestamp; manager IDs carry none",
         suggestion="store the creation time next to the ID"),
    Rule("IDM062", "get_or_create_user_session", "manual", Safety.MANUAL,
         "in-process session registry: the manager has no equivalent",
         suggestion="keep sessions in the service's own session store",
         more_members=tuple((name, "", "") for name in (
             "get_existing_session", "cleanup_expired_sessions", "get_active_sessions_count",
             "invalidate_user_sessions", "_active_sessions", "_user_sessions",
         ))),
    Rule("IDM033", "generate_uuid_replacement", "uuid_hex8", Safety.EXACT,
         "the helper returns eight random hex characters, which is what uuid4().hex[:8] is",
         before="generate_uuid_replacement()", after="uuid4().hex[:8]"),
    Rule("IDM063", "create_user_execution_context_factory", "manual", Safety.MANUAL,
         "module helper with no manager counterpart",
         suggestion="build the context with get_id_manager().generate_id(IDType.THREAD) and "
                    "UnifiedIDManager.generate_run_id(thread_id)",
         more_members=(
             ("TestIdUtils", "test helper class of the generator", "use get_id_manager() in the test"),
             ("IdComponents", "parsed form of the generator's IDs", "drop the parsing"),
         )),
)

#: Every row of the generator recipe, by code.
GENERATOR_RULES: dict[str, Rule] = by_code((*_MEMBER_ROWS, *SHAPE_ROWS))
#: The member rows by member name: the defaults ``RuleSet.members`` starts from.
MEMBER_RULES: dict[str, Rule] = {row.member: row for rule in _MEMBER_ROWS for row in rule.rows()}


@dataclass(frozen=True)
class RuleSet:
    """The effective rules for one run: defaults plus the user's overrides."""

    aliases: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_ALIASES))
    fallback_type: str = "execution"
    #: Keep the literal as ``prefix=`` also for IDType values and aliases (``keep_prefix``).
    keep_prefix: bool = False
    members: Mapping[str, Rule] = field(default_factory=lambda: dict(MEMBER_RULES))
    source_modules: tuple[str, ...] = SOURCE_MODULES
    #: adhoc-ids / test-ids: extra words of ``*_id`` names or ID prefixes -> IDType value
    #: (``alert`` -> ``trace``), beyond the IDType values and aliases.
    name_types: Mapping[str, str] = field(default_factory=dict)
    #: Caller data (user, agent type ...) goes into the manager's ``context=`` instead of the ID text.
    #: Off by default: the manager keeps every context dict until the ID is released.
    context_data: bool = False
    #: Lines a rewritten statement may not exceed (the target's black/ruff line-length).
    line_length: int = 88
    #: Phase 3: a callable (``module:function``) tests should call for throwaway IDs instead
    #: of the manager, e.g. ``test_framework.ids:fresh_id`` (not a ``test_`` name: pytest would collect it); None means the manager.
    test_id_helper: str | None = None
    #: What the rules were bound to: this repository's generator and manager
    #: (``codemods.apibind.bind.bind_rules``); None: the table as declared.
    apis: "BoundApis | None" = None
    #: adhoc-ids: repo-relative paths (``.``: everything) whose production code may be rewritten; elsewhere
    #: its sites are reported manual. Opt-in, because every rewritten site registers IDs for the process's life.
    adhoc_ids_paths: tuple[str, ...] = ()

    def type_for_word(self, word: str) -> str | None:
        """The IDType value a prefix word names, directly or through an alias."""
        if word in ID_TYPES:
            return word
        return self.aliases.get(word)

    def with_overrides(
        self,
        *,
        aliases: Mapping[str, str] | None = None,
        fallback_type: str | None = None,
        keep_prefix: bool | None = None,
        members: Mapping[str, Mapping[str, object]] | None = None,
        source_modules: tuple[str, ...] | None = None,
        name_types: Mapping[str, str] | None = None,
        test_id_helper: str | None = None,
        context_data: bool | None = None,
        line_length: int | None = None,
        adhoc_ids_paths: tuple[str, ...] | None = None,
    ) -> "RuleSet":
        """A copy with user overrides applied; values are validated by ``migrate.workspace.config``."""
        new_members = dict(self.members)
        for name, changes in (members or {}).items():
            base = new_members.get(name) or Rule("IDM098", name, "typed", Safety.FORMAT, "user-defined rule")
            new_members[name] = replace(base, **dict(changes))
        return RuleSet(
            aliases={**self.aliases, **(aliases or {})},
            fallback_type=fallback_type or self.fallback_type,
            keep_prefix=self.keep_prefix if keep_prefix is None else keep_prefix,
            members=new_members,
            source_modules=source_modules or self.source_modules,
            name_types={**self.name_types, **(name_types or {})},
            test_id_helper=test_id_helper or self.test_id_helper,
            context_data=self.context_data if context_data is None else context_data,
            line_length=line_length or self.line_length,
            adhoc_ids_paths=self.adhoc_ids_paths if adhoc_ids_paths is None else adhoc_ids_paths,
        )


def id_type_member(value: str) -> str:
    """``"user"`` -> ``"USER"``: the enum member name for an IDType value."""
    return value.upper()
