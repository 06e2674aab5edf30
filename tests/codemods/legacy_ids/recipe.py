"""``legacy-ids``: ``legacy_id()`` (from ``legacy``) becomes a manager call. A test fixture only.

Uses nothing but the declared contract: ``Recipe`` (``codemods.core.recipe``), ``Decision``,
the ``FileContext`` the engine hands over, and the ``FileTransform`` hooks.
"""

from __future__ import annotations

import libcst as cst

from codemods.core.decision import Decision
from codemods.core.findings import Finding
from codemods.core.file_transform import FileContext, FileTransform
from codemods.core.recipe import Recipe
from codemods.core.rules import SHAPE, Rule
from codemods.core.safety import Safety

CODE = "IDM901"


class _LegacyTransform(FileTransform, cst.CSTTransformer):
    def __init__(self, context: FileContext) -> None:
        super().__init__()
        self.texts = context.texts
        self.rewritten = 0
        self.finished = False

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        if not (isinstance(original_node.func, cst.Name) and original_node.func.value == "legacy_id"):
            return updated_node
        node = cst.parse_expression("get_id_manager().generate_id(IDType.EXECUTION)")
        decision = Decision.format(CODE, "a legacy ID becomes an EXECUTION ID", node)
        line, column = self.texts.position(original_node)
        self.state.findings.append(Finding(line, column, "legacy_id", decision.code, decision.safety,
                                          decision.reason, "get_id_manager().generate_id(IDType.EXECUTION)",
                                          before="legacy_id()", recipe=LegacyIdsRecipe.name))
        self.state.needed_names |= {"get_id_manager", "IDType"}
        self.rewritten += 1
        return decision.node

    def finish(self, module: cst.Module) -> cst.Module:
        """Drop ``from legacy import legacy_id`` once nothing calls it."""
        self.finished = True
        if not self.rewritten or "legacy_id" in module.code.replace("import legacy_id", ""):
            return module
        body = [s for s in module.body
                if not (isinstance(s, cst.SimpleStatementLine) and "from legacy import" in module.code_for_node(s))]
        return module.with_changes(body=body)


class LegacyIdsRecipe(Recipe):
    name = "legacy-ids"
    description = "legacy_id() to manager calls (test recipe)"
    rules = (Rule(CODE, "legacy_id()", SHAPE, Safety.FORMAT, "a legacy ID becomes an EXECUTION ID",
                  before="legacy_id()", after="get_id_manager().generate_id(IDType.EXECUTION)",
                  recipe="legacy-ids"),)
    #: Every transform built, so a test can look at the hooks the engine called.
    built: list[_LegacyTransform] = []

    def prefilter_tokens(self, rules) -> tuple[str, ...]:
        return ("legacy_id",)

    def build(self, context: FileContext) -> FileTransform | None:
        if b"legacy_id(" not in context.source:
            return None
        transform = _LegacyTransform(context)
        self.built.append(transform)
        return transform
