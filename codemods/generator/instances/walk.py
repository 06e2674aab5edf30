"""The transformer's hooks for instances: scopes in and out, and which value an instantiation is
bound to. A mixin of ``MigrationTransformer`` (it sets ``b``, ``instances`` and ``_handled``)."""

from __future__ import annotations

import libcst as cst


class InstanceWalk:
    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._handled.add(id(node.name))  # a definition is no read
        self.b.scopes.enter_function(node)

    def leave_FunctionDef(self, original_node, updated_node):
        self.b.scopes.leave()
        return updated_node

    def visit_Lambda(self, node: cst.Lambda) -> None:
        self.b.scopes.enter_function(node)

    def leave_Lambda(self, original_node, updated_node):
        self.b.scopes.leave()
        return updated_node

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._handled.add(id(node.name))
        self.b.scopes.enter_class()

    def leave_ClassDef(self, original_node, updated_node):
        self.b.scopes.leave()
        return updated_node

    def visit_Param(self, node: cst.Param) -> None:
        self._handled.add(id(node.name))

    def visit_Return(self, node: cst.Return) -> None:
        self.instances.bind_handed_out(node.value)

    def visit_Yield(self, node: cst.Yield) -> None:
        self.instances.bind_handed_out(node.value if isinstance(node.value, cst.BaseExpression) else None)
