"""The transformer's hooks for ``generate_user_context_ids``: the three shapes it splits.

``t, r, q = G.generate_user_context_ids(u, op)`` and ``G.generate_user_context_ids(u, op)[i]``
(``split``), and ``ids = G.generate_user_context_ids(u, op)`` whose elements the function then
reads one by one (``whole``): there the later ``ids[i]`` and ``a, b, c = ids`` read the new names.
A mixin of ``MigrationTransformer``: it sets ``b``, ``rules``, ``texts``, ``around``, ``hoist``,
``_handled`` and ``module``, and has ``_record`` and ``_lay_out``.
"""

from __future__ import annotations

from dataclasses import replace

import libcst as cst

from codemods.core.decision import Decision
from codemods.core.recipes import RULES
from codemods.engine.pruning import has_comment_in
from codemods.generator.user_context import MEMBER
from codemods.generator.user_context.split import index_rewrite, split_assignment, unpack_targets
from codemods.generator.user_context.whole import plan_whole_tuple

WHOLE = "IDM018"


def _placeholder(node: cst.CSTNode) -> bool:
    return isinstance(node, cst.Name) and node.value == "_"


class UserContextWalk:
    def init_user_context(self) -> None:
        self._splits: dict[int, tuple] = {}  # id(line) -> (targets, call)
        self._wholes: dict[int, cst.Call] = {}  # id(line) -> the call whose tuple one name holds
        self._indexes: dict[int, int] = {}  # id(G...(...)[i]) -> i
        self._element_reads: dict[int, str] = {}  # id(ids[i]) -> the name of that element now
        self._element_unpacks: dict[int, tuple[list, tuple[str, str, str]]] = {}  # id(line) -> (targets, names)
        #: Names of split tuples: statements that mention them hold uses to rewrite (never pruned).
        self.tuple_words: tuple[str, ...] = ()

    def note_user_context(self, line: cst.SimpleStatementLine, assign: cst.Assign) -> None:
        """At a line ``<targets> = G.generate_user_context_ids(...)``: which shape, decided on leaving it."""
        targets = unpack_targets(assign)
        if targets is not None:
            self._splits[id(line)] = (targets, assign.value)
        elif len(assign.targets) == 1 and isinstance(assign.targets[0].target, cst.Name):
            self._wholes[id(line)] = assign.value
        else:
            return
        self._handled.add(id(assign.value))

    def leave_user_context(self, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine, block):
        """The line's replacement when it is one of the shapes (or a use of a split tuple); else None."""
        if id(original) in self._element_unpacks:
            return self._unpack(original, updated)
        split = self._splits.get(id(original))
        if split is not None:
            return self._split(updated, split[0], split[1], None, block)
        call = self._wholes.get(id(original))
        if call is None:
            return None
        function = self.b.scopes.function
        plan = plan_whole_tuple(function, original, self.around.line) if function is not None \
            else f"the tuple {original.body[0].targets[0].target.value} is held outside a function"
        if isinstance(plan, str):
            self._record(call, MEMBER, Decision.manual("IDM012", f"{plan}: split it by hand"))
            return updated
        targets = [cst.Name(plan.names[i] if i in plan.used else "_") for i in range(3)]
        return self._split(updated, targets, call, plan, block)

    def _split(self, line, targets, call: cst.Call, plan, block):
        result = split_assignment(line, targets, call, self.rules)
        decision = result.decision
        if result.statements and plan is not None:
            made = ", ".join(f"{plan.name}[{i}] -> {plan.names[i]}" for i in sorted(plan.used))
            decision = replace(decision, code=WHOLE, reason=f"{RULES[WHOLE].why} ({made})")
        decision = self.hoist.decide(call, decision, has_comment_in(call, self.texts))
        if decision.node is None:  # manual: as it is
            self._record(call, MEMBER, decision)
            return line
        after = "\n".join(self.module.code_for_node(s.body[0]) for s in result.statements)
        self._record(call, MEMBER, decision, after)  # needed names come from `after`
        if plan is not None:
            self._element_reads.update({node: plan.names[i] for node, i in plan.indexes.items()})
            self._element_unpacks.update({node: (t, plan.names) for node, t in plan.unpacks.items()})
            self.tuple_words = (*self.tuple_words, plan.name)
        block.thread = result.thread_target
        return cst.FlattenSentinel([self._lay_out(s, block, False) for s in result.statements])

    def _unpack(self, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine):
        """``a, b, c = ids`` -> ``a, b, c = thread_id, run_id, request_id`` (placeholders dropped)."""
        targets, names = self._element_unpacks[id(original)]
        kept = [(self.texts.text(t).strip(), names[i]) for i, t in enumerate(targets) if not _placeholder(t)]
        code = ", ".join(t for t, _ in kept) + " = " + ", ".join(n for _, n in kept)
        new = cst.parse_statement(code, config=self.module.config_for_parsing)
        return new.with_changes(leading_lines=updated.leading_lines, trailing_whitespace=updated.trailing_whitespace)

    # ------------------------------------------------------------ subscripts
    def visit_Subscript(self, node: cst.Subscript) -> None:
        value = node.value
        if not isinstance(value, cst.Call):
            return
        access = self.b.member_access(value.func)
        if access is None or access[0] != MEMBER or len(node.slice) != 1:
            return
        index = node.slice[0].slice
        if isinstance(index, cst.Index):
            raw = index.value
            sign = 1
            if isinstance(raw, cst.UnaryOperation) and isinstance(raw.operator, cst.Minus):
                raw, sign = raw.expression, -1
            if isinstance(raw, cst.Integer):
                self._indexes[id(node)] = sign * int(raw.value)
                self._handled.add(id(value))

    def leave_Subscript(self, original_node, updated_node):
        element = self._element_reads.get(id(original_node))
        if element is not None:  # ids[i] of a split tuple
            return cst.Name(element, lpar=updated_node.lpar, rpar=updated_node.rpar)
        index = self._indexes.get(id(original_node))
        if index is None:
            return updated_node
        call = original_node.value
        decision = index_rewrite(updated_node.value, index, self.rules)
        # the whole subscript is replaced: a comment between its brackets moves too
        decision = self.hoist.decide(original_node, decision, has_comment_in(original_node, self.texts))
        self._record(call, MEMBER, decision)
        return decision.node if decision.node is not None else updated_node
