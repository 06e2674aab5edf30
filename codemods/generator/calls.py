"""Rewrite one generator member call into its manager call, driven by the rule table.

``rewrite_call`` is pure: arguments in, a ``Decision`` out. It never raises for odd
input; what it cannot rewrite soundly comes back as a MANUAL decision with a reason.
Each rule kind of ``codemods.core.rules.CALL_KINDS`` has its handler here, and the
``base_id`` handler's prefix resolution (the IDM001-IDM006 rows: an IDType value, an alias,
a word naming a type, an f-string's leading words, else computed and manual).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import libcst as cst

from codemods.apibind import sites as apibind_sites
from codemods.core.decision import Decision
from codemods.core.recipes import RULES
from codemods.core.rules import Rule
from codemods.core.safety import Safety
from codemods.engine.nodes import dotted_name, literal_text
from codemods.generator import builders
from codemods.generator.rules import ID_TYPES, MANAGER_RANDOM_HEX, RuleSet
from codemods.engine.scope_facts import ThreadInReach

_EMPTY = cst.Module(body=[])


# ------------------------------------------------------------------ prefixes
@dataclass(frozen=True)
class Resolution:
    """``code`` is the prefix class's rule row; ``keep`` means the literal stays as ``prefix=``."""

    code: str
    id_type: str | None  # None: manual
    keep: bool


def fstring_head(node: cst.BaseExpression) -> str | None:
    """The literal text before the first ``{}`` of an f-string; None if not an f-string."""
    if not isinstance(node, cst.FormattedString):
        return None
    head = ""
    for part in node.parts:
        if not isinstance(part, cst.FormattedStringText):
            break
        head += part.value
    return head.replace("{{", "{").replace("}}", "}")


def _words(text: str) -> list[str]:
    return [w for w in text.lower().split("_") if w]


def resolve_literal(text: str, rules: RuleSet) -> Resolution:
    """A literal prefix: an IDType value, an alias, a word naming a type, else the fallback type.
    In a compound the last such word wins: it is the head (``ws_req`` is a request)."""
    if text in ID_TYPES:
        return Resolution("IDM001", text, keep=rules.keep_prefix)
    if text in rules.aliases:
        return Resolution("IDM002", rules.aliases[text], keep=rules.keep_prefix)
    for word in reversed(_words(text)):
        found = rules.type_for_word(word)
        if found:
            return Resolution("IDM003", found, keep=True)
    return Resolution("IDM004", rules.fallback_type, keep=True)


def resolve_prefix(node: cst.BaseExpression | None, rules: RuleSet) -> Resolution:
    """Any prefix expression (a literal, an f-string, else computed: manual); None means the
    member's default ``"id"``."""
    if node is None:
        return resolve_literal("id", rules)
    text = literal_text(node)
    if text is not None:
        return resolve_literal(text, rules)
    head = fstring_head(node)
    if head is not None:
        words = _words(head)
        # Only complete words count: f"thread_{x}" -> "thread"; f"thr{x}" has no complete word.
        if head and not head.endswith("_") and words:
            words = words[:-1]
        for word in reversed(words):
            found = rules.type_for_word(word)
            if found:
                return Resolution("IDM005", found, keep=True)
        return Resolution("IDM005", rules.fallback_type, keep=True)
    return Resolution("IDM006", None, keep=False)


# ------------------------------------------------------------------ calls


def is_pure(node: cst.BaseExpression) -> bool:
    """True for expressions that can be dropped or repeated without side effects."""
    if isinstance(node, (cst.SimpleString, cst.Integer, cst.Float, cst.Name, cst.Ellipsis)):
        return True
    if isinstance(node, cst.ConcatenatedString):
        return is_pure(node.left) and is_pure(node.right)
    if isinstance(node, cst.Attribute):
        return is_pure(node.value)
    if isinstance(node, cst.UnaryOperation):
        return is_pure(node.expression)
    if isinstance(node, cst.FormattedString):
        return all(
            is_pure(part.expression)
            for part in node.parts
            if isinstance(part, cst.FormattedStringExpression)
        )
    if isinstance(node, (cst.Tuple, cst.List)):
        return all(is_pure(el.value) for el in node.elements)
    return False


def is_droppable(node: cst.BaseExpression) -> bool:
    """An argument the rewrite may drop: side-effect free (``is_pure``), or a plain subscript of a
    name (``ids[0]``, ``row["user"]``, ``self.rows[i]["user"]``) with a literal or a name as index.
    Dropping one can only lose an ``IndexError``/``KeyError`` the call would have raised first."""
    if is_pure(node):
        return True
    if not isinstance(node, cst.Subscript) or len(node.slice) != 1:
        return False
    index = node.slice[0].slice
    if not isinstance(index, cst.Index) or index.star is not None or not is_pure(index.value):
        return False
    value = node.value
    return dotted_name(value) is not None or (isinstance(value, cst.Subscript) and is_droppable(value))


def bind_arguments(
    args: Sequence[cst.Arg], rule: Rule
) -> tuple[dict[str, cst.BaseExpression], str | None]:
    """Map call arguments to the member's parameters; the error says why they do not fit."""
    bound: dict[str, cst.BaseExpression] = {}
    params = rule.params
    drop_any = "*" in rule.droppable
    positional = 0
    for arg in args:
        if arg.star:
            return bound, f"{arg.star}-argument cannot be mapped"
        if arg.keyword is None:
            if positional < len(params):
                bound[params[positional]] = arg.value
            elif not drop_any:
                return bound, f"{rule.member}() takes {len(params)} positional argument(s), got more"
            elif not is_droppable(arg.value):
                return bound, "a dropped argument has side effects"
            positional += 1
            continue
        name = arg.keyword.value
        if name in bound:
            return bound, f"argument {name!r} given twice"
        if name in params:
            bound[name] = arg.value
        elif drop_any:
            if not is_droppable(arg.value):
                return bound, "a dropped argument has side effects"
        else:
            return bound, f"unexpected keyword {name}= (not a parameter of {rule.member})"
    for name in rule.droppable:
        value = bound.pop(name, None)
        if value is not None and not is_droppable(value):
            return bound, f"dropped argument {name}= has side effects"
    return bound, None


def looks_like_thread_id(node: cst.BaseExpression) -> bool:
    """A name/attribute that says it holds a thread ID, or a call that makes one."""
    if isinstance(node, cst.Call):
        return isinstance(node.func, cst.Attribute) and node.func.attr.value == "generate_thread_id"
    name = dotted_name(node)
    return name is not None and "thread" in name.rsplit(".", 1)[-1].lower()


def _typed_context(bound: dict[str, cst.BaseExpression], rule: Rule) -> list[tuple[str, cst.BaseExpression]]:
    return [(p, bound[p]) for p in rule.params if p in bound and p not in rule.droppable]


@dataclass(frozen=True)
class CallSite:
    """What the transformer knows about one call besides its arguments."""

    member: str
    args: Sequence[cst.Arg]
    rules: RuleSet
    #: The thread ID in reach of the call (for run IDs), if any.
    thread: ThreadInReach | None = None
    #: Why a thread ID that seems in reach cannot be used (e.g. assigned only in a branch before).
    thread_problem: str = ""
    #: The call is in test code (a test module, conftest.py, under tests/ or test_framework/).
    in_test: bool = False
    #: The name the call's value is stored under (``api_token = ...``, ``token=...``), if any.
    target: str | None = None


def rewrite_call(site: CallSite) -> Decision:
    bound = apibind_sites.decide(site)  # a counterpart in this repository's manager, or why there is none
    if bound is not None:
        return bound
    rule = site.rules.members.get(site.member)
    if rule is None:
        if site.member.startswith("generate_"):
            return Decision.manual("IDM052", f"latent AttributeError: the generator has no {site.member}()",
                                   latent="open")
        return Decision.manual("IDM074", f"{site.member} is not a member the rule table knows")
    if rule.kind == "manual":
        return Decision(rule.code, Safety.MANUAL, rule.why, None, rule.suggestion, "open" if rule.latent else "")
    bound, error = bind_arguments(site.args, rule)
    if error:
        return Decision.manual("IDM052" if rule.latent else "IDM007", f"{error}",
                               latent="open" if rule.latent else "")
    handler = HANDLERS.get(rule.kind)
    if handler is None:
        return Decision.manual("IDM074", f"rule kind {rule.kind!r} cannot be applied to a call")
    decision = handler(site, rule, bound)
    if decision.safety is not Safety.MANUAL:
        decision = _never_weaker(site, rule, bound) or decision
    if rule.latent and decision.safety is not Safety.MANUAL:
        return decision.with_latent("fixed", decision.node)
    if rule.latent:
        return decision.with_latent("open")
    return decision


def _never_weaker(site: CallSite, rule: Rule, bound: dict) -> Decision | None:
    """A manual decision when the manager ID would be weaker than what the call asks for: more random
    characters than the manager gives (IDM019). A secret-sounding prefix with the default randomness
    loses nothing (the generator's ID has the same 8 random hex characters): it is migrated."""
    wanted = _random_length(site.args, rule)
    if wanted is not None and (not isinstance(wanted, int) or wanted > MANAGER_RANDOM_HEX):
        asked = f"random_length={wanted}" if isinstance(wanted, int) else f"a computed random_length ({wanted})"
        return Decision.manual("IDM019", f"{asked}: the manager's ID carries only {MANAGER_RANDOM_HEX} random hex "
                                         "characters and a guessable counter, the rewrite would weaken the ID")
    return None


def _random_length(args: Sequence[cst.Arg], rule: Rule) -> int | str | None:
    """The ``random_length`` a call passes (an int, or its source text when computed); None if none."""
    if "random_length" not in rule.params:
        return None
    index = rule.params.index("random_length")
    positional = [a for a in args if a.keyword is None and not a.star]
    for arg in args:
        if arg.keyword is not None and arg.keyword.value == "random_length":
            value = arg.value
            break
    else:
        if len(positional) <= index:
            return None
        value = positional[index].value
    if isinstance(value, cst.Integer):
        return int(value.value, 0)
    return _EMPTY.code_for_node(value)


def manual_member(member: str, rules: RuleSet) -> Decision:
    """A member used without a call: its manual row when it has one, else IDM074."""
    rule = rules.members.get(member)
    if rule is not None and rule.kind == "manual":
        return Decision(rule.code, Safety.MANUAL, rule.why, None, rule.suggestion)
    return Decision.manual("IDM074")


def _base_id(site: CallSite, rule: Rule, bound: dict) -> Decision:
    prefix = bound.get("prefix")
    resolution = resolve_prefix(prefix, site.rules)
    if resolution.id_type is None:
        shown = _EMPTY.code_for_node(prefix) if prefix is not None else '"id"'
        return Decision.manual(resolution.code, suggestion=f"get_id_manager().generate_id(IDType.<TYPE>, prefix={shown})")
    text = literal_text(prefix) if prefix is not None else "id"
    if text == "run":
        return _run_id(site)
    keep = prefix if prefix is not None else cst.SimpleString('"id"')
    node = builders.manager_generate_id(resolution.id_type, keep if resolution.keep else None)
    return Decision.by_rule(RULES[resolution.code], node)  # IDM001 exact, the other prefix classes format


def _run_id(site: CallSite) -> Decision:
    """A ``run`` base ID: it embeds the thread in reach, or keeps its ``run`` start; not when a
    thread ID is bound only on some paths to it (which one it should embed is for a human)."""
    thread = site.thread
    if thread is None and site.thread_problem:
        return Decision.manual("IDM015", f"{RULES['IDM015'].why}: {site.thread_problem}")
    if thread is None:
        return Decision.by_rule(RULES["IDM013"], builders.unpaired_run_id_call())
    node = builders.run_id_call(cst.parse_expression(thread.expr), thread.may_be_none)
    return Decision.by_rule(RULES["IDM008"], node)


def _typed(site: CallSite, rule: Rule, bound: dict) -> Decision:
    """The role members: caller data stays in the ID's text (``prefix=f"ws_conn_{user_id[:8]}"``),
    or with ``context_data`` goes into ``context=``."""
    id_type = rule.id_type or site.rules.fallback_type
    if site.rules.context_data:
        head = rule.prefix.split("_{", 1)[0] if rule.prefix else None
        prefix = cst.SimpleString(f'"{head}"') if head else None
        return Decision.by_rule(rule, builders.manager_generate_id(id_type, prefix, _typed_context(bound, rule)))
    prefix = None
    if rule.prefix:
        prefix, problem = builders.prefix_from_template(rule.prefix, bound)
        if prefix is None:
            return Decision.manual("IDM007", problem,
                                   f"get_id_manager().generate_id(IDType.{id_type.upper()}, prefix=f\"{rule.prefix}\")")
    return Decision.by_rule(rule, builders.manager_generate_id(id_type, prefix))


def _thread(site: CallSite, rule: Rule, bound: dict) -> Decision:
    return Decision.by_rule(rule, builders.thread_id_call())


def _run(site: CallSite, rule: Rule, bound: dict) -> Decision:
    thread = bound.get("thread_id")
    may_be_none = False
    if thread is None and site.thread is not None:
        thread, may_be_none = cst.parse_expression(site.thread.expr), site.thread.may_be_none
    if thread is None and site.thread_problem:
        return Decision.manual("IDM052", f"latent AttributeError: generate_run_id(): {site.thread_problem}",
                               rule.suggestion, latent="open")
    if thread is None and site.in_test and not site.args and _manager_has(site.rules, "generate_id"):
        return Decision.by_rule(RULES["IDM016"], builders.run_id_call(builders.thread_id_call()))
    if thread is None:
        return Decision.manual("IDM052", "latent AttributeError: generate_run_id() has no thread ID in reach",
                      rule.suggestion, latent="open")
    if not looks_like_thread_id(thread):
        return Decision.manual("IDM052", "latent AttributeError: the argument may not be a thread ID",
                      rule.suggestion, latent="open")
    return Decision.by_rule(rule, builders.run_id_call(thread, may_be_none))


def _manager_has(rules: RuleSet, member: str) -> bool:
    """Whether this repository's manager has ``member`` (True when the manager was not read)."""
    calls = rules.apis.manager_calls if rules.apis is not None else None
    return calls is None or member in calls


def _typed_literal(site: CallSite, rule: Rule, bound: dict) -> Decision:
    value = bound.get("id_type")
    text = literal_text(value) if value is not None else None
    id_type = site.rules.type_for_word(text) if text else None
    if id_type is None:
        return Decision.manual("IDM052", f"latent AttributeError: no IDType for {text or 'a computed type'!r}",
                      rule.suggestion, latent="open")
    return Decision.by_rule(rule, builders.manager_generate_id(id_type))


def _batch(site: CallSite, rule: Rule, bound: dict) -> Decision:
    count = bound.get("count")
    prefix = bound.get("prefix")
    if count is None or prefix is None:
        return Decision.manual("IDM007", "generate_batch_ids needs a prefix and a count")
    resolution = resolve_prefix(prefix, site.rules)
    if resolution.id_type is None or not is_pure(prefix):
        return Decision.manual("IDM006")
    element = builders.manager_generate_id(resolution.id_type, prefix if resolution.keep else None)
    return Decision.by_rule(rule, builders.batch(element, count))


def _valid(site: CallSite, rule: Rule, bound: dict) -> Decision:
    expected = bound.get("expected_prefix")
    if expected is not None and not (isinstance(expected, cst.Name) and expected.value == "None"):
        return Decision.manual(rule.code, "is_valid_id with expected_prefix has no manager equivalent", rule.suggestion)
    value = bound.get("id_string")
    if value is None:
        return Decision.manual("IDM007", "is_valid_id needs the ID to check")
    return Decision.by_rule(rule, builders.valid_format_call(value))


def _reset(site: CallSite, rule: Rule, bound: dict) -> Decision:
    return Decision.by_rule(rule, builders.reset_counters_call())


def _uuid_hex8(site: CallSite, rule: Rule, bound: dict) -> Decision:
    return Decision.by_rule(rule, cst.parse_expression("uuid4().hex[:8]"))


def _user_context(site: CallSite, rule: Rule, bound: dict) -> Decision:
    return Decision.manual("IDM012")


#: One handler per call kind but ``manual`` (answered before a handler is looked up).
HANDLERS = {
    "base_id": _base_id,
    "typed": _typed,
    "thread": _thread,
    "run": _run,
    "typed_literal": _typed_literal,
    "batch": _batch,
    "valid": _valid,
    "reset": _reset,
    "user_context": _user_context,
    "uuid_hex8": _uuid_hex8,
}
