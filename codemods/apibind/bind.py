"""Bind the rule table to the generator and the manager this repository defines.

The rows were written against one version of each API; both evolve. ``bind_rules`` turns the
effective ``RuleSet`` into the one for this repository:

- generator side: a member this generator lacks is a latent AttributeError, whatever its row
  assumed; a row that assumes the member is missing while the generator defines it gives way to
  its declared variant (``rows.DEFINED_VARIANTS``) when the signature matches, else to "no rule";
  a member the generator defines that no row covers, or whose row expects other parameters, is
  "no rule" (IDM053);
- manager side: a row whose rewrite calls a member this manager lacks, or one that does not take
  the arguments the rewrite passes, is off (IDM054, naming what is missing); a counterpart (a
  same-named or configured manager member) is looked up once here and tried per call (``sites``);
- parsers: the generator members without a rewrite that read the text of an ID they are given
  (``parsers_of``): an ID made under a name such a member checks stays (IDM014).

Either side not found (no module at the configured paths): that side is left as declared. Standard
library only: it runs on every plan, also on a re-run that parses nothing.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from typing import Mapping

from codemods.apibind.rows import (
    DEFINED_VARIANTS, NO_RULE, OFF, TARGET_SHAPES, counterpart_call, counterpart_name,
)
from codemods.core.api import CLASSMETHOD, METHOD, STATICMETHOD, KEYWORD_ONLY, VAR_KEYWORD, VAR_POSITIONAL, \
    ClassApi, Member, ModuleApi
from codemods.core.rules import Rule
from codemods.core.safety import Safety
from codemods.generator.rules import GENERATOR_CLASS, MEMBER_RULES, MODULE_HELPERS, RuleSet
from codemods.generator.targets import MANAGER_CLASS, SINGLETON, check_target, targets_of


@dataclass(frozen=True)
class ManagerCall:
    """A manager class member a generator call can be passed on to."""

    member: Member
    #: "instance" (``get_id_manager().m``) or "class" (``UnifiedIDManager.m``).
    via: str

    @property
    def call(self) -> str:
        return counterpart_call(self.member.name, self.via)


@dataclass(frozen=True)
class BoundApis:
    """What the per-call decisions need to know of the two APIs (small: it goes to every worker)."""

    #: Names the generator module defines (class members, module functions and classes); None: not found.
    generator_names: frozenset[str] | None
    #: Whether a name missing from ``generator_names`` is missing from the class (False when the
    #: class inherits members the reader cannot see, e.g. the compatibility layer ``idmigrate shim`` writes).
    generator_complete: bool
    #: The manager class's callable members by name; None: the manager was not found.
    manager_calls: Mapping[str, ManagerCall] | None
    #: Generator member -> the manager member its calls go to when they fit.
    counterparts: Mapping[str, ManagerCall]
    #: Changes whenever anything above does: part of the cache key of every file.
    digest: str
    #: Generator members that parse an ID they are given -> (position, parameter) of each such ID;
    #: None when the generator was not found (the declared ``PARSER_MEMBERS`` apply).
    parsers: Mapping[str, tuple[tuple[int, str], ...]] | None = None

    def defines(self, member: str) -> bool | None:
        """True / False, or None when it cannot be told."""
        if self.generator_names is None:
            return None
        if member in self.generator_names:
            return True
        return False if self.generator_complete else None

    def counterpart(self, member: str, rule: Rule | None) -> ManagerCall | None:
        """Where a call of ``member`` may go: the bound row's counterpart, or for a member without a
        row (the generator lacks it) the same-named manager member."""
        if rule is not None:
            return self.counterparts.get(member)
        if self.manager_calls is None or not counterpart_name(member, None):
            return None
        return self.manager_calls.get(member)


def _manager_calls(cls: ClassApi, functions: Mapping[str, Member]) -> dict[str, ManagerCall]:
    out: dict[str, ManagerCall] = {}
    for name, member in cls.members.items():
        if name.startswith("_"):
            continue
        if member.kind in (STATICMETHOD, CLASSMETHOD):
            out[name] = ManagerCall(member, "class")
        elif member.kind == METHOD and SINGLETON in functions:
            out[name] = ManagerCall(member, "instance")
    return out


def _generator_names(api: ModuleApi, cls: ClassApi) -> frozenset[str]:
    return frozenset({*cls.members, *api.functions, *(c for c in api.classes if c != GENERATOR_CLASS)})


def _generator_member(api: ModuleApi, cls: ClassApi, name: str) -> Member | None:
    found = cls.member(name) or api.functions.get(name)
    if found is None and name in api.classes:
        found = api.classes[name].constructor
    return found


def fits(rule: Rule, member: Member | None) -> bool:
    """The row's parameters name the member's positional parameters in the same order (a row that
    binds a call's arguments by position must agree with the signature it was written for).
    Parameters only one side has are fine: a call that passes one the row lacks is refused per call."""
    if member is None or member.params is None or "*" in rule.droppable:
        return True
    positional = [p.name for p in member.params if p.kind not in (KEYWORD_ONLY, VAR_POSITIONAL, VAR_KEYWORD)]
    known = min(len(positional), len(rule.params))
    return tuple(positional[:known]) == rule.params[:known]


def _no_rule(name: str, member: Member | None, expected: Rule | None = None) -> Rule:
    why = f"no rule for {name} (add one under [tool.idmigrate.members])"
    if expected is not None and member is not None:
        why = (f"no rule for {name}{member.signature()} as this generator defines it (rule {expected.code} "
               f"expects ({', '.join(expected.params)})); add one under [tool.idmigrate.members]")
    return Rule(NO_RULE, name, "manual", Safety.MANUAL, why,
                suggestion=f'[tool.idmigrate.members.{name}] with a kind, or counterpart = "<manager member>"')


def complete(cls: ClassApi) -> bool:
    """The class's own body is all it has: no base class whose members the reader cannot see."""
    return cls.bases in ((), ("object",))


def _generator_side(name: str, rule: Rule, api: ModuleApi, cls: ClassApi, configured: bool) -> Rule:
    member = _generator_member(api, cls, name)
    if member is None:
        if not complete(cls) or name in MODULE_HELPERS:
            return rule  # maybe inherited, star-imported or assigned: cannot be told missing
        return rule if rule.latent else replace(rule, latent=True)
    if not rule.latent:
        return rule if rule.kind == "manual" or configured or fits(rule, member) else _no_rule(name, member, rule)
    if configured:
        return replace(rule, latent=False)
    variant = DEFINED_VARIANTS.get(name)
    if variant is not None and fits(variant, member):
        return variant
    return _no_rule(name, member, variant)


def _missing_target(rule: Rule, cls: ClassApi, functions: Mapping[str, Member]) -> str:
    """"" when this manager has everything the row's rewrite calls, with arguments it takes; else what not."""
    for target in targets_of(rule):
        problem = check_target(target, cls, functions)
        if problem:
            return problem
        member = functions[target.member] if target.via == "module" else cls.member(target.member)
        positional, keywords = TARGET_SHAPES.get(target.member, (None, ()))
        if member is not None and positional is not None:
            fit = member.accepts(positional, keywords)
            if fit.ok is False:
                return f"{target.call}{member.signature()} does not take the rewrite's arguments: {fit.reason}"
    return ""


def _off(rule: Rule, problem: str) -> Rule:
    return Rule(OFF, rule.member, "manual", Safety.MANUAL, f"rule {rule.code} is off in this repository: {problem}",
                latent=rule.latent, suggestion=rule.suggestion or rule.after or "rewrite by hand against this manager")


def _manager_side(name: str, rule: Rule, cls: ClassApi, functions: Mapping[str, Member],
                  calls: Mapping[str, ManagerCall], configured: bool) -> tuple[Rule, ManagerCall | None]:
    wanted = counterpart_name(name, rule)
    counterpart = calls.get(wanted) if wanted else None
    if configured and rule.counterpart and counterpart is None:
        return _off(rule, f"the configured counterpart {MANAGER_CLASS}.{rule.counterpart} is not a method "
                          "of this manager"), None
    if rule.kind == "manual":
        return rule, counterpart
    problem = _missing_target(rule, cls, functions)
    return (_off(rule, problem) if problem else rule), counterpart


def _id_word(name: str) -> bool:
    return bool({"id", "ids"} & set(name.lower().split("_")))


def parsers_of(cls: ClassApi, members: Mapping[str, Rule]) -> dict[str, tuple[tuple[int, str], ...]]:
    """Members with no rewrite (a manual row, or none) that read the text of an ID argument: a
    parameter named like an ID, or any parameter of a member named like one (``ids_match_for_cleanup``)."""
    found: dict[str, tuple[tuple[int, str], ...]] = {}
    for name, member in cls.members.items():
        rule = members.get(name)
        makes_ids = rule is not None and (rule.kind != "manual" or rule.code == OFF)  # off: still an ID maker
        if not member.inspects or member.params is None or makes_ids:
            continue
        ids = tuple((i, p.name) for i, p in enumerate(member.params)
                    if p.name in member.inspects and (_id_word(p.name) or _id_word(name)))
        if ids:
            found[name] = ids
    return found


def _digest(*parts: object) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


def bind_rules(rules: RuleSet, generator: ModuleApi | None, manager: ModuleApi | None) -> RuleSet:
    """``rules`` for a repository whose generator and manager modules read as these (None: not found)."""
    gen_cls = generator.classes.get(GENERATOR_CLASS) if generator is not None else None
    man_cls = manager.classes.get(MANAGER_CLASS) if manager is not None else None
    if gen_cls is None and man_cls is None:
        return rules
    configured = {name for name, rule in rules.members.items() if rule != MEMBER_RULES.get(name)}
    members: dict[str, Rule] = {}
    for name, rule in rules.members.items():
        members[name] = _generator_side(name, rule, generator, gen_cls, name in configured) if gen_cls else rule
    if gen_cls is not None:
        for name in gen_cls.members:
            if name not in members and not name.startswith("__"):
                members[name] = _no_rule(name, gen_cls.member(name))
    counterparts: dict[str, ManagerCall] = {}
    calls: dict[str, ManagerCall] | None = None
    if man_cls is not None:
        functions = manager.functions
        calls = _manager_calls(man_cls, functions)
        for name, rule in list(members.items()):
            members[name], counterpart = _manager_side(name, rule, man_cls, functions, calls, name in configured)
            if counterpart is not None:
                counterparts[name] = counterpart
    names = _generator_names(generator, gen_cls) if gen_cls is not None else None
    whole = gen_cls is not None and complete(gen_cls)
    parsers = parsers_of(gen_cls, members) if gen_cls is not None else None
    digest = _digest(sorted(names) if names is not None else None, whole,
                     sorted(calls.items()) if calls is not None else None, sorted(counterparts.items()),
                     sorted(members.items()), sorted(parsers.items()) if parsers is not None else None)
    return replace(rules, members=members, apis=BoundApis(names, whole, calls, counterparts, digest, parsers))
