"""The row type of the rule registry and the one vocabulary of rule kinds. No libcst.

Every recipe declares its rows (``Recipe.rules``); ``codemods.core.recipes`` merges
them, with the engine's own rows below, into one registry keyed by code, and
MIGRATION.md's rule reference is generated from it (``codemods.docs``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable

from codemods.core.safety import Safety

#: What a generator member call becomes, by the kind of its row. Read by the call
#: handlers (``codemods.generator.calls``) and by the config validation of
#: ``[tool.idmigrate.members]``.
CALL_KINDS: dict[str, str] = {
    "base_id": "resolve the prefix argument to an IDType (MIGRATION.md: how a generate_base_id prefix resolves)",
    "typed": "get_id_manager().generate_id(IDType.X, prefix=..., context={params})",
    "thread": "get_id_manager().generate_id(IDType.THREAD): a THREAD-typed ID",
    "run": "UnifiedIDManager.generate_run_id(<thread id>)",
    "typed_literal": 'generate_id("user"): a literal that names an IDType or alias',
    "batch": "list comprehension of base_id calls",
    "valid": "is_valid_id_format(s) (a looser check: not the default for is_valid_id)",
    "reset": "get_id_manager().reset_counters()",
    "uuid_hex8": "uuid4().hex[:8] (from uuid import uuid4): eight random hex characters",
    "user_context": "statement split, handled by codemods.generator.user_context",
    "manual": "never rewritten; reported with the row's reason and suggestion",
}
#: A row for a site shape the recipe's own code decides (a prefix class, a comment in
#: the span, a uuid expression ...): never looked up by member.
SHAPE = "shape"
KINDS: tuple[str, ...] = (*CALL_KINDS, SHAPE)
#: Kinds a configured member may take: a tuple split needs the whole statement, not a call.
CONFIGURABLE_KINDS: frozenset[str] = frozenset(CALL_KINDS) - {"user_context"}


@dataclass(frozen=True)
class Rule:
    """One row: a generator member (or a site shape) and what it becomes."""

    code: str
    member: str
    kind: str
    safety: Safety
    why: str
    #: IDType value for ``typed`` rows; ``None`` means the configured fallback type.
    id_type: str | None = None
    prefix: str | None = None
    #: Parameter names of the generator member, in order; their arguments move into ``context=``.
    params: tuple[str, ...] = ()
    #: Parameters the manager has no use for and that may be dropped when side-effect free.
    droppable: tuple[str, ...] = ()
    #: The member does not exist on the generator (a latent AttributeError today).
    latent: bool = False
    suggestion: str = ""
    before: str = ""
    after: str = ""
    recipe: str = "generator"
    #: Further members this row covers, as (member, why, suggestion); "" keeps this row's text.
    more_members: tuple[tuple[str, str, str], ...] = ()
    #: The manager member a call is passed on to, arguments unchanged, when this repository's
    #: manager has it and it takes them (``codemods.apibind``); None: the default, "": none.
    counterpart: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"rule {self.code}: unknown kind {self.kind!r} (one of {', '.join(KINDS)})")

    def rows(self) -> tuple["Rule", ...]:
        """One row per member this rule covers (the member index and MIGRATION.md list each)."""
        first = replace(self, more_members=()) if self.more_members else self
        return (first, *(replace(first, member=member, why=why or self.why, suggestion=suggestion or self.suggestion)
                          for member, why, suggestion in self.more_members))


def by_code(rows: Iterable[Rule]) -> dict[str, Rule]:
    """Rows keyed by code; a code used twice is an error."""
    table: dict[str, Rule] = {}
    for row in rows:
        if row.code in table:
            raise ValueError(f"rule code {row.code} is declared twice")
        table[row.code] = row
    return table


#: Rows the engine emits, whatever the recipe: it checks every file after the recipes ran.
ENGINE_RULES: tuple[Rule, ...] = (
    Rule("IDM090", "(any)", SHAPE, Safety.MANUAL,
         "the rewrite would make this service import another service; run `idmigrate expose` "
         "or set the service's import_path",
         suggestion="idmigrate expose ROOT, then re-run"),
    Rule("IDM091", "(any)", SHAPE, Safety.MANUAL,
         "the file already binds a name the rewrite needs (IDType, get_id_manager, ...)",
         suggestion="rename the local name, then re-run"),
    Rule("IDM093", "(any)", SHAPE, Safety.MANUAL,
         "rejected in review (idmigrate-decisions.toml): the site is never rewritten",
         suggestion="remove the decision to let idmigrate rewrite it"),
    Rule("IDM094", "(any)", SHAPE, Safety.FORMAT,
         "typed in review (idmigrate-decisions.toml): rewritten with the IDType the reviewer chose"),
    Rule("IDM099", "(any)", SHAPE, Safety.MANUAL,
         "the rewritten file would not parse or would use an undefined name; nothing was written "
         "(a rule bug: please report it)",
         suggestion="rewrite by hand and report the file to the idmigrate maintainers"),
)
