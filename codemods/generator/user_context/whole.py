"""``ids = G.generate_user_context_ids(u, op)``: a tuple held whole in one name.

It is split like the direct unpack when every later use of ``ids`` in its function takes one
element (``ids[0]``, ``ids[-1]``) or unpacks it (``a, b, c = ids``): one name per element the
function uses (``thread_id``, ``run_id``, ``request_id``, or ``ids_thread_id``... when one of
those is taken), and each use reads its name, so behaviour and types stay as they were. Any other
use (returned, passed to a call, stored, iterated, used in a nested function, rebound, read
before the assignment) lets the tuple escape: the site stays manual, the reason naming that use.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import libcst as cst

from codemods.engine.dispatch import Visitor
from codemods.generator.user_context.split import unpack_targets

ELEMENTS = ("thread_id", "run_id", "request_id")

#: What a use of the whole tuple is, by the node holding it.
_HOLDERS: tuple[tuple[type, str], ...] = (
    (cst.Return, "returned"),
    (cst.Arg, "passed to a call"),
    (cst.AssignTarget, "assigned to"),
    (cst.Assign, "assigned to another name"),
    (cst.For, "iterated"),
    (cst.CompFor, "iterated"),
    (cst.StarredElement, "starred"),
    (cst.Attribute, "read through an attribute"),
)


@dataclass
class WholeTuple:
    """How to split one tuple: the name per element and the uses to rewrite."""

    name: str
    #: Variable names for the thread, run and request ID.
    names: tuple[str, str, str]
    #: id(original ``ids[i]`` Subscript) -> element index (0..2).
    indexes: dict[int, int] = field(default_factory=dict)
    #: id(original ``a, b, c = ids`` line) -> its three targets.
    unpacks: dict[int, list[cst.BaseAssignTargetExpression]] = field(default_factory=dict)

    @property
    def used(self) -> set[int]:
        found = set(self.indexes.values())
        for targets in self.unpacks.values():
            found |= {i for i, t in enumerate(targets) if not _is_placeholder(t)}
        return found


def _is_placeholder(node: cst.CSTNode) -> bool:
    return isinstance(node, cst.Name) and node.value == "_"


def _index(subscript: cst.Subscript) -> int | None:
    """``ids[1]`` -> 1, ``ids[-1]`` -> 2; None for anything else (a slice, a variable, out of range)."""
    if len(subscript.slice) != 1 or not isinstance(subscript.slice[0].slice, cst.Index):
        return None
    raw, sign = subscript.slice[0].slice.value, 1
    if isinstance(raw, cst.UnaryOperation) and isinstance(raw.operator, cst.Minus):
        raw, sign = raw.expression, -1
    if not isinstance(raw, cst.Integer):
        return None
    index = sign * int(raw.value, 0)
    return index % 3 if -3 <= index <= 2 else None


class _Uses(Visitor):
    def __init__(self, name: str, line: cst.SimpleStatementLine, target: cst.Name,
                 where: Callable[[cst.CSTNode], int]) -> None:
        super().__init__()
        self.name, self.line, self.target, self.where = name, line, target, where
        self.plan = WholeTuple(name, ELEMENTS)
        self.problem = ""
        self._after = False
        self._nested = 0
        self._allowed: dict[int, tuple] = {}  # id(Name) -> ("index", subscript, i) | ("unpack", line, targets)
        self._holder: dict[int, str] = {}  # id(Name) -> what uses the tuple whole there
        self._not_a_reference: set[int] = set()  # attribute names, keyword argument names

    def _hold(self, node: cst.CSTNode, value: cst.CSTNode | None, what: str) -> None:
        if isinstance(value, cst.Name) and value.value == self.name:
            self._holder.setdefault(id(value), what)

    def on_visit(self, node: cst.CSTNode) -> bool:
        if self.problem:
            return False
        if isinstance(node, (cst.FunctionDef, cst.Lambda, cst.ClassDef)):
            self._nested += 1
        if isinstance(node, cst.Attribute):
            self._not_a_reference.add(id(node.attr))
        if isinstance(node, cst.Arg) and node.keyword is not None:
            self._not_a_reference.add(id(node.keyword))
        for kind, what in _HOLDERS:
            if isinstance(node, kind):
                for attr in ("value", "target", "iter"):
                    self._hold(node, getattr(node, attr, None), what)
        if isinstance(node, cst.Subscript) and isinstance(node.value, cst.Name) and node.value.value == self.name:
            index = _index(node)
            if index is None:
                self._holder.setdefault(id(node.value), "indexed by something other than 0, 1 or 2")
            else:
                self._allowed[id(node.value)] = ("index", node, index)
        if isinstance(node, cst.SimpleStatementLine) and len(node.body) == 1 and isinstance(node.body[0], cst.Assign):
            assign = node.body[0]
            targets = unpack_targets(assign)
            if targets is not None and isinstance(assign.value, cst.Name) and assign.value.value == self.name:
                self._allowed[id(assign.value)] = ("unpack", node, targets)
        if isinstance(node, cst.Name) and node.value == self.name and node is not self.target \
                and id(node) not in self._not_a_reference:
            self._use(node)
        return True

    def on_leave(self, original_node: cst.CSTNode) -> None:
        if isinstance(original_node, (cst.FunctionDef, cst.Lambda, cst.ClassDef)):
            self._nested -= 1
        if original_node is self.line:
            self._after = True

    def _use(self, node: cst.Name) -> None:
        allowed = self._allowed.get(id(node))
        if self._nested:
            what = "used in a nested function or class"
        elif not self._after:
            what = "used before this assignment"
        elif allowed is None:
            what = self._holder.get(id(node), "used whole")
        elif allowed[0] == "index":
            self.plan.indexes[id(allowed[1])] = allowed[2]
            return
        else:
            self.plan.unpacks[id(allowed[1])] = allowed[2]
            return
        self.problem = f"the tuple {self.name} is {what} at L{self.where(node)}"


def _names(function: cst.CSTNode) -> set[str]:
    """Every name the function may bind or read (not attribute names, not keyword argument names)."""
    found: set[str] = set()
    skipped: set[int] = set()

    class _Collect(Visitor):
        def visit_Attribute(self, node: cst.Attribute) -> None:
            skipped.add(id(node.attr))

        def visit_Arg(self, node: cst.Arg) -> None:
            if node.keyword is not None:
                skipped.add(id(node.keyword))

        def visit_Name(self, node: cst.Name) -> None:
            if id(node) not in skipped:
                found.add(node.value)

    function.visit(_Collect())
    return found


def plan_whole_tuple(function: cst.FunctionDef, line: cst.SimpleStatementLine,
                     where: Callable[[cst.CSTNode], int]) -> WholeTuple | str:
    """The split of ``line`` (``ids = G.generate_user_context_ids(...)`` in ``function``, original
    nodes), or why the tuple must be split by hand. ``where`` gives a node's line for the reason."""
    target = line.body[0].targets[0].target
    name = target.value
    if any(p.name.value == name for p in (*function.params.params, *function.params.posonly_params,
                                           *function.params.kwonly_params)):
        return f"{name} is also a parameter of {function.name.value}()"
    uses = _Uses(name, line, target, where)
    function.body.visit(uses)
    if uses.problem:
        return uses.problem
    plan = uses.plan
    if not plan.used:
        return f"the tuple {name} is never read by element in {function.name.value}()"
    taken = _names(function)
    for names in (ELEMENTS, tuple(f"{name}_{element}" for element in ELEMENTS)):
        if not taken & set(names):
            plan.names = names
            return plan
    return f"the names {', '.join(ELEMENTS)} (and {name}_thread_id ...) are taken in {function.name.value}()"
