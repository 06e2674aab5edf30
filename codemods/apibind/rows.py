"""The rule rows and the data the binding adds to the generator recipe. No libcst.

``bind`` decides with them which row a member of *this* repository gets; ``sites`` decides
one call; MIGRATION.md shows each row with the manager members it needs (``manager_needs``).
"""

from __future__ import annotations

from codemods.core.rules import SHAPE, Rule
from codemods.core.safety import Safety
from codemods.generator.targets import KIND_TARGETS, MANAGER_CLASS, SINGLETON, targets_of

#: Code of the row a member gets when the generator defines it and no row covers it.
NO_RULE = "IDM053"
#: Code of a row that is off because this manager lacks what its rewrite calls.
OFF = "IDM054"
#: Codes of a counterpart call: applied, and refused (the counterpart does not take the arguments).
COUNTERPART = "IDM027"
COUNTERPART_REFUSED = "IDM028"

BINDING_ROWS: tuple[Rule, ...] = (
    Rule(COUNTERPART, "(manager counterpart)", SHAPE, Safety.FORMAT,
         "this repository's manager has a member for the same role (the same name, or a configured or "
         "default counterpart) that takes the call's arguments as they are: the call goes to it",
         before="UnifiedIdGenerator.generate_websocket_connection_id(user_id)",
         after="get_id_manager().generate_websocket_connection_id(user_id)"),
    Rule(COUNTERPART_REFUSED, "(manager counterpart)", SHAPE, Safety.MANUAL,
         "the member's manager counterpart does not take this call's arguments",
         suggestion="call the counterpart with the arguments it takes, or pick the manager call by hand"),
    Rule("IDM046", "generate_id", "base_id", Safety.EXACT,
         "this repository's generator defines generate_id(prefix): a base ID with that prefix, so the "
         "prefix resolves as for generate_base_id (IDM001-IDM006); not a latent AttributeError",
         params=("prefix", "include_random", "random_length"), droppable=("include_random", "random_length"),
         before='UnifiedIdGenerator.generate_id("session")',
         after="get_id_manager().generate_id(IDType.SESSION)"),
    Rule(NO_RULE, "(member without a rule)", SHAPE, Safety.MANUAL,
         "this repository's generator defines the member, but no rule covers it (or the rule expects "
         "other parameters): what it returns is unknown to the table",
         suggestion='add [tool.idmigrate.members.<member>] with a kind, or counterpart = "<manager member>"'),
    Rule(OFF, "(rule off)", SHAPE, Safety.MANUAL,
         "the row's rewrite calls a manager member this repository's manager lacks, or one that does "
         "not take the arguments the rewrite passes: the row is off",
         suggestion="rewrite by hand against this manager, or configure the member under [tool.idmigrate.members]"),
)

#: Rows for members the table assumes the generator lacks, used when this generator defines them
#: with a matching signature. Any other latent row whose member is defined becomes "no rule".
DEFINED_VARIANTS: dict[str, Rule] = {row.member: row for row in BINDING_ROWS if row.code == "IDM046"}

#: Counterparts by default (``counterpart`` under ``[tool.idmigrate.members.<member>]`` overrides them).
DEFAULT_COUNTERPARTS: dict[str, str] = {
    "generate_connection_id": "generate_websocket_connection_id",
}

#: The call each manager target is given by the rewrites, as (positional count, keywords): the
#: target must accept it, or its rows are off.
TARGET_SHAPES: dict[str, tuple[int, tuple[str, ...]]] = {
    "generate_id": (1, ("prefix", "context")),
    "generate_thread_id": (0, ()),
    "generate_run_id": (1, ()),
    "reset_counters": (0, ()),
    "is_valid_id_format": (1, ()),
    SINGLETON: (0, ()),
}


def takes_same_name(rule: Rule | None) -> bool:
    """Whether a same-named manager member may take this member's calls.

    Rows that map by role (``typed``) may, and members the generator lacks with no rewrite of
    their own (a latent ``manual`` row, or no row). Rows whose target is another member by
    design may not: the manager's ``generate_id(id_type)``, ``is_valid_id`` (a registry
    lookup, not a format check) or the class ``generate_thread_id`` (an unprefixed base) share
    a name with the generator's but not a meaning.
    """
    if rule is None:
        return True
    return rule.kind == "typed" or (rule.kind == "manual" and rule.latent)


def counterpart_name(member: str, rule: Rule | None) -> str:
    """The manager member this member's calls may go to ("" for none), before looking at the manager."""
    if rule is not None and rule.counterpart is not None:
        return rule.counterpart
    if member in DEFAULT_COUNTERPARTS:
        return DEFAULT_COUNTERPARTS[member]
    return member if takes_same_name(rule) else ""


#: Shape rows whose rewrite calls what a kind's rows call (member rows: ``targets_of``).
_SHAPE_KINDS: dict[str, str] = {
    "IDM002": "base_id", "IDM003": "base_id", "IDM004": "base_id", "IDM005": "base_id",
    "IDM008": "run", "IDM011": "user_context", "IDM013": "base_id", "IDM016": "user_context", "IDM018": "user_context",
}
#: Shape rows whose rewrite depends on the site, in words; a manual row calls nothing.
_SHAPE_NEEDS: dict[str, tuple[str, ...]] = {
    "IDM027": ("the counterpart",),
    "IDM075": ("what the member's row calls",),
    "IDM080": (f"{SINGLETON}()",),
    "IDM098": ("what its kind calls",),
}


def manager_needs(rule: Rule) -> tuple[str, ...]:
    """The manager members a generator row's rewrite calls, as MIGRATION.md shows them."""
    if rule.recipe != "generator" or rule.safety is Safety.MANUAL:
        return ()
    if rule.kind != SHAPE:
        return tuple(t.call for t in targets_of(rule))
    if rule.code in _SHAPE_KINDS:
        return tuple(t.call for t in KIND_TARGETS[_SHAPE_KINDS[rule.code]])
    return _SHAPE_NEEDS.get(rule.code, ())


def counterpart_call(name: str, via: str) -> str:
    """``get_id_manager().name`` or ``UnifiedIDManager.name``."""
    return f"{SINGLETON}().{name}" if via == "instance" else f"{MANAGER_CLASS}.{name}"


def counterpart_only(member: str, counterpart: str) -> dict[str, object]:
    """The row fields of a configured member that only names its counterpart: manual when it does
    not fit, since there is no rewrite of its own to fall back to."""
    return {"kind": "manual", "safety": Safety.MANUAL,
            "why": f"{member} goes to UnifiedIDManager.{counterpart} where that takes the call",
            "suggestion": f"call UnifiedIDManager.{counterpart} with the arguments it takes"}
