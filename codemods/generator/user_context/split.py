"""Split ``t, r, q = G.generate_user_context_ids(u, op)`` so ``r`` embeds ``t``.

The generator's run ID does not contain its thread ID, which breaks WebSocket
cleanup; the manager's ``generate_run_id(thread_id)`` does. This is the rewrite
the whole migration exists for, so it gets its own module. A tuple held whole in one name is
split with the same statements (``whole``), its names chosen there.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from codemods.core.decision import Decision
from codemods.core.recipes import RULES
from codemods.engine.nodes import dotted_name
from codemods.generator import builders
from codemods.generator.calls import bind_arguments, is_droppable
from codemods.generator.rules import RuleSet
from codemods.generator.user_context import MEMBER


def unpack_targets(assign: cst.Assign) -> list[cst.BaseAssignTargetExpression] | None:
    """The three targets of ``a, b, c = ...`` (with or without brackets), else None."""
    if len(assign.targets) != 1:
        return None
    target = assign.targets[0].target
    if not isinstance(target, (cst.Tuple, cst.List)) or len(target.elements) != 3:
        return None
    if any(isinstance(el, cst.StarredElement) for el in target.elements):
        return None
    values = [el.value for el in target.elements]
    if not all(isinstance(v, (cst.Name, cst.Attribute, cst.Subscript)) for v in values):
        return None
    return values


def _is_placeholder(node: cst.BaseExpression) -> bool:
    return isinstance(node, cst.Name) and node.value == "_"


def _request_call(bound: dict[str, cst.BaseExpression], rules: RuleSet) -> cst.Call:
    """The request ID; user and operation go into ``context=`` only when configured (the
    manager's registry would keep them for the life of the process)."""
    context = [(name, bound[name]) for name in ("user_id", "operation") if name in bound and rules.context_data]
    return builders.manager_generate_id("request", context=context)


@dataclass(frozen=True)
class Split:
    """The replacement statements and the thread target later ``run`` IDs may pair with."""

    decision: Decision
    statements: tuple[cst.SimpleStatementLine, ...] = ()
    thread_target: str | None = None


def split_assignment(
    line: cst.SimpleStatementLine,
    targets: list[cst.BaseAssignTargetExpression],
    call: cst.Call,
    rules: RuleSet,
) -> Split:
    rule = rules.members[MEMBER]
    if rule.kind == "manual":  # off in this repository (codemods.apibind), or configured so
        return Split(Decision.manual(rule.code, rule.why, rule.suggestion))
    bound, error = bind_arguments(call.args, rule)
    if error:
        return Split(Decision.manual("IDM007", error))
    thread_t, run_t, request_t = targets
    keep_thread, keep_run, keep_request = (not _is_placeholder(t) for t in targets)
    if not (keep_request and rules.context_data) and not all(is_droppable(v) for v in bound.values()):
        return Split(Decision.manual("IDM007", "arguments with side effects would be dropped"))
    if not (keep_thread or keep_run or keep_request):
        return Split(Decision.manual("IDM012", "all three targets are placeholders"))

    assigns: list[tuple[cst.BaseAssignTargetExpression, cst.BaseExpression]] = []
    if keep_thread:
        assigns.append((thread_t, builders.thread_id_call()))
    if keep_run:
        thread_ref = thread_t if keep_thread else builders.thread_id_call()
        assigns.append((run_t, builders.run_id_call(thread_ref)))
    if keep_request:
        assigns.append((request_t, _request_call(bound, rules)))

    statements = []
    for index, (target, value) in enumerate(assigns):
        stmt = cst.SimpleStatementLine(
            body=[cst.Assign(targets=[cst.AssignTarget(target)], value=value)],
            leading_lines=line.leading_lines if index == 0 else (),
            trailing_whitespace=line.trailing_whitespace if index == len(assigns) - 1 else cst.TrailingWhitespace(),
        )
        statements.append(stmt)
    decision = Decision.format(rule.code, rule.why, assigns[0][1])
    thread_name = dotted_name(thread_t) if keep_thread else None
    return Split(decision, tuple(statements), thread_name)


def index_rewrite(call: cst.Call, index: int, rules: RuleSet) -> Decision:
    """``G.generate_user_context_ids(u, op)[i]`` -> the one ID it selects."""
    rule = rules.members[MEMBER]
    if rule.kind == "manual":
        return Decision.manual(rule.code, rule.why, rule.suggestion)
    bound, error = bind_arguments(call.args, rule)
    if error:
        return Decision.manual("IDM007", error)
    if (index in (0, 1, -3, -2) or not rules.context_data) and not all(is_droppable(v) for v in bound.values()):
        return Decision.manual("IDM007", "arguments with side effects would be dropped")
    if index in (0, -3):
        node: cst.BaseExpression = builders.thread_id_call()
    elif index in (1, -2):
        node = builders.run_id_call(builders.thread_id_call())
    elif index in (2, -1):
        node = _request_call(bound, rules)
    else:
        return Decision.manual("IDM012", f"index {index} is out of range for a 3-tuple")
    return Decision.by_rule(RULES["IDM011"], node)
