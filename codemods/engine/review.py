"""A reviewer's decision for one site (kept in ``idmigrate-decisions.toml``, see MIGRATION.md)
applied to what the rule table decided for it.

``reject`` keeps the site as it is (IDM093). ``type`` rewrites it with the chosen IDType
(IDM094): a site the table already rewrote to ``generate_id(IDType.X, ...)`` (a fallback
type) gets the chosen type instead, and a ``generate_base_id(prefix)`` with a prefix the
table could not read (a manual site) becomes ``generate_id(IDType.T, prefix=prefix)``.
``accept`` changes nothing in the code: it only marks the site reviewed.
"""

from __future__ import annotations

from typing import Sequence

import libcst as cst

from codemods.core.decision import Decision
from codemods.core.recipes import RULES
from codemods.core.safety import Safety
from codemods.generator import builders
from codemods.generator.calls import bind_arguments
from codemods.generator.rules import RuleSet, id_type_member

_EMPTY = cst.Module([])


def reviewed(transform, node: cst.CSTNode, member: str, args: Sequence[cst.Arg], decision: Decision,
             position=None) -> Decision:
    """``decision`` for ``node`` as changed by the reviewer's decision for its site, if any.

    ``transform`` carries ``overrides`` (``{(line, column): (action, id_type)}`` in the original
    file), ``original_line`` (line of its module -> line of the file) and ``texts`` (a ``SourceMap``).
    ``position`` is how the recipe places its findings (default ``texts.position``), so a
    decision finds the site it was made for.
    """
    if not transform.overrides:
        return decision
    line, column = (position or transform.texts.position)(node)
    override = transform.overrides.get((transform.original_line(line), column))
    if override is None:
        return decision
    return review_decision(decision, member, args, transform.rules, *override)


def review_decision(decision: Decision, member: str, args: Sequence[cst.Arg], rules: RuleSet,
                    action: str, id_type: str) -> Decision:
    if action == "reject":
        row = RULES["IDM093"]
        was = _EMPTY.code_for_node(decision.node) if decision.node is not None else decision.suggestion
        return Decision(row.code, Safety.MANUAL, row.why, None, was, decision.latent)
    if action != "type" or not id_type:
        return decision
    node = _retyped(decision.node, id_type) if decision.node is not None else _typed_base_id(member, args, rules,
                                                                                               id_type)
    if node is None:
        return decision
    row = RULES["IDM094"]
    return Decision(row.code, row.safety, f"{row.why} ({id_type})", node, "", decision.latent and "fixed")


def _is_generate_id(node: cst.BaseExpression) -> bool:
    return (isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute)
            and node.func.attr.value == "generate_id" and bool(node.args)
            and isinstance(node.args[0].value, cst.Attribute)
            and isinstance(node.args[0].value.value, cst.Name) and node.args[0].value.value.value == "IDType")


def _retyped(node: cst.BaseExpression, id_type: str) -> cst.BaseExpression | None:
    """``generate_id(IDType.X, ...)`` with the chosen type; None for any other rewrite (a run ID, a batch)."""
    if not _is_generate_id(node):
        return None
    first = node.args[0].with_changes(value=cst.Attribute(cst.Name("IDType"), cst.Name(id_type_member(id_type))))
    return node.with_changes(args=(first, *node.args[1:]))


def _typed_base_id(member: str, args: Sequence[cst.Arg], rules: RuleSet, id_type: str) -> cst.Call | None:
    rule = rules.members.get(member)
    if rule is None or rule.kind != "base_id":
        return None
    bound, error = bind_arguments(args, rule)
    if error:
        return None
    return builders.manager_generate_id(id_type, bound.get("prefix"))
