"""One generator call against the bound APIs: a counterpart call, or why there is none.

``decide`` answers before the row's own handler (``codemods.generator.calls.rewrite_call``)
and returns None whenever the row should decide as declared: rules not bound, no counterpart,
or a counterpart that does not take the call while the row has a rewrite of its own.
"""

from __future__ import annotations

from typing import Any, Sequence

import libcst as cst

from codemods.apibind.bind import BoundApis, ManagerCall
from codemods.apibind.rows import COUNTERPART, COUNTERPART_REFUSED, OFF
from codemods.core.api import Fit
from codemods.core.decision import Decision
from codemods.core.recipes import RULES
from codemods.generator.targets import MANAGER_CLASS, SINGLETON


def call_fit(target: ManagerCall, args: Sequence[cst.Arg]) -> Fit:
    """Would ``target`` take these arguments as they are?"""
    positional = sum(1 for a in args if a.keyword is None and not a.star)
    keywords = [a.keyword.value for a in args if a.keyword is not None]
    return target.member.accepts(positional, keywords, star_args=any(a.star == "*" for a in args),
                                 star_kwargs=any(a.star == "**" for a in args))


def counterpart_node(target: ManagerCall, args: Sequence[cst.Arg]) -> cst.Call:
    owner: cst.BaseExpression = (cst.Call(cst.Name(SINGLETON)) if target.via == "instance"
                                 else cst.Name(MANAGER_CLASS))
    last = len(args) - 1
    clean = [a.with_changes(whitespace_after_arg=cst.SimpleWhitespace(""),
                            comma=cst.MaybeSentinel.DEFAULT if i == last else cst.Comma(
                                whitespace_after=cst.SimpleWhitespace(" ")))
             for i, a in enumerate(args)]
    return cst.Call(cst.Attribute(owner, cst.Name(target.member.name)), clean)


def _suggestion(member: str) -> str:
    """``generate_audit_id`` -> ``get_id_manager().generate_id(IDType.<TYPE>, prefix="audit")``."""
    words = member.split("_")
    if len(words) > 2 and words[0] == "generate" and words[-1] == "id":
        return f'get_id_manager().generate_id(IDType.<TYPE>, prefix="{"_".join(words[1:-1])}")'
    return f"get_id_manager().generate_id(IDType.<TYPE>, prefix=...) in place of {member}()"


def _signature(target: ManagerCall) -> str:
    return f"{target.call}{target.member.signature()}"


def decide(site: Any) -> Decision | None:
    """``site`` is a ``codemods.generator.calls.CallSite``: member, args, rules."""
    apis: BoundApis | None = site.rules.apis
    if apis is None:
        return None
    member = site.member
    rule = site.rules.members.get(member)
    if rule is None and apis.defines(member) is not False:
        return None  # the generator was not read, so nothing is known about the member
    target = apis.counterpart(member, rule)
    latent = rule.latent if rule is not None else True
    if target is None:
        if rule is not None or apis.manager_calls is None:
            return None
        return Decision.manual("IDM052", f"latent AttributeError: the generator has no {member}() and there is "
                                         f"no manager counterpart for {member}", _suggestion(member), latent="open")
    fit = call_fit(target, site.args)
    if fit:
        reason = f"this repository's manager has {_signature(target)}, which takes the call as it is"
        decision = Decision(COUNTERPART, RULES[COUNTERPART].safety, reason, counterpart_node(target, site.args))
        return decision.with_latent("fixed", decision.node) if latent else decision
    if rule is not None and (rule.kind != "manual" or rule.code == OFF):
        return None  # the row's own rewrite, or why it is off here
    why = f"{member}: the manager counterpart {_signature(target)} does not take this call ({fit.reason})"
    if latent:
        why = f"latent AttributeError: {why}"
    return Decision.manual(COUNTERPART_REFUSED, why, f"{target.call}(...) with the arguments it takes",
                           latent="open" if latent else "")
