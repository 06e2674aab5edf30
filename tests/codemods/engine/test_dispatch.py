"""The cached hook dispatch behaves as libcst's own: same hooks, same order, same tree."""

from __future__ import annotations

import libcst as cst
import pytest

from codemods.engine.dispatch import Transformer, Visitor

SOURCE = "def f(a, b):\n    return g(a) + b\n\n\nx = f(1, [2, 3])\n"


def _recording(base: type) -> type:
    class Recording(base):
        def __init__(self) -> None:
            super().__init__()
            self.events: list[str] = []

        def visit_Call(self, node):
            self.events.append("visit Call")

        def visit_List(self, node):
            self.events.append("visit List")
            return False  # its elements are not visited

        def visit_Integer(self, node):
            self.events.append(f"visit Integer {node.value}")

        def visit_Name(self, node):
            self.events.append(f"visit Name {node.value}")

    return Recording


class _Renaming:
    def leave_Name(self, original_node, updated_node):
        self.events.append(f"leave Name {original_node.value}")
        return updated_node.with_changes(value=updated_node.value.upper())


def test_a_visitor_sees_the_nodes_libcst_visitor_sees():
    ours, theirs = _recording(Visitor)(), _recording(cst.CSTVisitor)()
    module = cst.parse_module(SOURCE)
    module.visit(ours)
    module.visit(theirs)
    assert ours.events == theirs.events
    assert "visit Integer 2" not in ours.events and "visit Integer 1" in ours.events


def test_a_transformer_rewrites_as_libcst_transformer_does():
    ours = type("Ours", (_Renaming, _recording(Transformer)), {})()
    theirs = type("Theirs", (_Renaming, _recording(cst.CSTTransformer)), {})()
    module = cst.parse_module(SOURCE)
    assert module.visit(ours).code == module.visit(theirs).code == SOURCE.replace("f(", "F(").replace(
        "g(a) + b", "G(A) + B").replace("(a, b)", "(A, B)").replace("x =", "X =")
    assert ours.events == theirs.events


def test_a_hook_inherited_from_a_mixin_runs():
    class Mixin:
        def leave_Integer(self, original_node, updated_node):
            return updated_node.with_changes(value="0")

    class Zeroing(Mixin, Transformer):
        pass

    assert cst.parse_module("x = 1 + 2\n").visit(Zeroing()).code == "x = 0 + 0\n"


def test_an_attribute_hook_is_refused_when_the_class_is_defined():
    with pytest.raises(TypeError, match="visit_Call_func"):
        class _Bad(Visitor):
            def visit_Call_func(self, node):
                pass
