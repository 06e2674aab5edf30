"""The transformer's hooks for instances: scopes in and out, which value an instantiation is
bound to, and the findings decided at the end. A mixin of ``MigrationTransformer`` (it sets
``b``, ``instances``, ``_handled`` and ``state``, and has ``_append``)."""

from __future__ import annotations

import libcst as cst

from codemods.core.findings import Finding
from codemods.generator.rules import GENERATOR_CLASS


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

    def decide_instances(self, module: cst.Module) -> cst.Module:
        """Once the walk has seen every use: each instantiation's finding, and the module edited."""
        module, decided = self.instances.decide(module)
        for node, decision, suggestion, before in decided:
            self._append(node, Finding(0, 0, GENERATOR_CLASS + "()", decision.code, decision.safety, decision.reason,
                                       suggestion, decision.latent, before))
            if decision.node is not None:
                self.state.needed_names.add("get_id_manager")
        return module
