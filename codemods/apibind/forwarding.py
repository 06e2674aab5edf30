"""Which generator members the compatibility layer (``idmigrate shim``) forwards to the manager.

The shim overrides a member only where the rule table, bound to this repository's generator and
manager (``bind``), rewrites its calls: the same rows the codemod applies, so a forwarded call
returns what a migrated call would. A member whose row is off here (the manager lacks what the
rewrite calls), that this generator does not define, or that no row covers keeps its old
behaviour, with a ``DeprecationWarning``. No libcst.
"""

from __future__ import annotations

from codemods.core.rules import Rule
from codemods.generator.rules import RuleSet

#: Row kinds the shim has a forwarding method for.
FORWARDED_KINDS = ("base_id", "typed", "batch", "user_context", "reset")
#: The manager member the shim's ``is_valid_id`` asks about IDs it made in this process.
VALIDITY_MEMBER = "is_valid_id"


def forwarded_members(rules: RuleSet) -> dict[str, Rule]:
    """Member -> the bound row the shim forwards it by (declared rows when the APIs were not read)."""
    apis = rules.apis
    out: dict[str, Rule] = {}
    for name, rule in rules.members.items():
        if rule.kind not in FORWARDED_KINDS or rule.latent:
            continue  # a manual row (declared, no rule, or off here) or a member the generator lacks
        if apis is not None and apis.defines(name) is False:
            continue
        out[name] = rule
    return out


def forwards_validity(rules: RuleSet) -> bool:
    """The shim's ``is_valid_id`` also accepts IDs the manager made, where the manager can tell."""
    apis = rules.apis
    calls = apis.manager_calls if apis is not None else None
    return calls is None or VALIDITY_MEMBER in calls
