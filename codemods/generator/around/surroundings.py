"""What the generator transformer learns about a call from the code around it.

* the thread ID a run ID should embed: a sibling ``thread_id=`` keyword of an enclosing call
  (``Ctx(thread_id=t, run_id=run_id or <new run>)``), the thread made just before in the same
  block, else what the whole file's stdlib tree says is in reach (``scope_facts``);
* who reads the ID's text afterwards: such a site is at most ``format``, and its reason names
  the reader, so the review list shows where the new ID shape matters; and whether a generator
  parser checks it (IDM014), by its name in the file or handed straight to a parser wrapper
  (``describe(G.generate_base_id("t"))``, ``codemods.generator.around.wrappers``);
* where a rewritten statement must be laid out again (``codemods.engine.wrapping``).
"""

from __future__ import annotations

from dataclasses import replace

import libcst as cst

from codemods.core.decision import Decision
from codemods.core.recipes import RULES
from codemods.core.safety import Safety
from codemods.engine.nodes import dotted_name
from codemods.engine.pruning import SourceMap
from codemods.engine.scope_facts import FileFacts, Reader, ThreadInReach
from codemods.generator.around.id_checks import GeneratorChecks

#: Members whose rewrite may embed a thread ID.
THREAD_USERS = frozenset({"generate_base_id", "generate_run_id"})


def _thread_keyword(call: cst.Call) -> str | None:
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == "thread_id":
            return dotted_name(arg.value)
    return None


class Surroundings:
    def __init__(self, texts: SourceMap, facts: FileFacts | None, original_line=None,
                 checks: GeneratorChecks | None = None) -> None:
        self.texts = texts
        self.facts = facts
        self.checks = checks
        self.original_line = original_line or int
        #: (call node id, thread expression) of enclosing calls with a plain ``thread_id=`` keyword.
        self._siblings: list[tuple[int, str]] = []
        #: id(generator call) -> the name or attribute it is assigned to.
        self.targets: dict[int, str] = {}
        #: id(argument) -> the parser wrapper call it is passed to, straight (``describe(<arg>)``).
        self._wrapped: dict[int, Reader] = {}

    # ------------------------------------------------------------ the walk
    def enter_call(self, node: cst.Call) -> None:
        thread = _thread_keyword(node)
        if thread is not None:
            self._siblings.append((id(node), thread))
        if self.checks is not None:
            self._note_wrapper_call(node)

    def _note_wrapper_call(self, node: cst.Call) -> None:
        func = node.func
        callee = func.attr.value if isinstance(func, cst.Attribute) else func.value if isinstance(func, cst.Name) \
            else None
        wrappers = self.checks.wrappers_named(callee) if callee is not None else ()
        if not wrappers:
            return
        positional = []  # up to a ``*args``, after which positions are unknown
        for arg in node.args:
            if arg.star:
                break
            if arg.keyword is None:
                positional.append(arg.value)
        keywords = {a.keyword.value: a.value for a in node.args if a.keyword is not None}
        for wrapper in wrappers:
            position = wrapper.position
            given = positional[position] if position is not None and position < len(positional) \
                else keywords.get(wrapper.parameter)
            if isinstance(given, cst.BooleanOperation):  # describe(x or "")
                given = given.left
            if given is not None:
                shown = wrapper.hands_on(dotted_name(func) or callee)
                self._wrapped.setdefault(id(given), Reader(self.line(node), shown))

    def leave_call(self, node: cst.Call) -> None:
        if self._siblings and self._siblings[-1][0] == id(node):
            self._siblings.pop()

    def note_assignment(self, line: cst.SimpleStatementLine) -> None:
        """Remember which target a generator call is assigned to (``x = call``, ``x = x or call``)."""
        if len(line.body) != 1:
            return
        statement = line.body[0]
        if isinstance(statement, cst.Assign) and len(statement.targets) == 1:
            target, value = statement.targets[0].target, statement.value
        elif isinstance(statement, cst.AnnAssign) and statement.value is not None:
            target, value = statement.target, statement.value
        else:
            return
        name = dotted_name(target)
        if name is None:
            return
        if isinstance(value, cst.BooleanOperation):
            value = value.right
        if isinstance(value, cst.Call):
            self.targets[id(value)] = name

    # ------------------------------------------------------------ questions
    def line(self, node: cst.CSTNode) -> int:
        return self.original_line(self.texts.position(node)[0])

    def thread_for(self, node: cst.Call, thread_in_block: str | None) -> tuple[ThreadInReach | None, str]:
        """The thread ID a run ID made by ``node`` embeds, or None and why not (a local thread ID
        assigned only in a branch before it: ``scope_facts.bound_on_every_path``)."""
        if self._siblings:
            return ThreadInReach(self._siblings[-1][1]), ""
        if thread_in_block is not None:
            return ThreadInReach(thread_in_block), ""
        if self.facts is None:
            return None, ""
        line = self.line(node)
        thread = self.facts.thread_at(line)
        if thread is not None and thread.expr.isidentifier() and not self.facts.bound_at(line, thread.expr):
            return None, f"{thread.expr} may be unbound here (assigned in a branch)"
        return thread, ""

    def with_readers(self, decision: Decision, node: cst.Call) -> Decision:
        """An applied rewrite whose ID text is read nearby: never ``exact``, and the reason says where.
        One whose ID the generator's own parser checks (a check that stays): not applied."""
        if decision.node is None or self.facts is None:
            return decision
        target = self.targets.get(id(node))
        checked = self.checks.checked(target) if self.checks is not None else None
        checked = checked or self._wrapped.get(id(node))
        if checked is not None:
            suggestion = self.texts.module.code_for_node(decision.node)
            return Decision.manual("IDM014", f"{RULES['IDM014'].why}: {checked}", suggestion)
        readers = self.facts.readers(self.line(node), target)
        if not readers:
            return decision
        shown = ", ".join(str(r) for r in readers[:3]) + (", ..." if len(readers) > 3 else "")
        safety = Safety.FORMAT if decision.safety is Safety.EXACT else decision.safety
        return replace(decision, safety=safety, reason=f"{decision.reason}; ID text read at {shown}")
