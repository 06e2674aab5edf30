"""``g = UnifiedIdGenerator()`` becomes ``g = get_id_manager()`` (IDM080), decided once the walk
has seen every call through the instance."""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from codemods.engine.pruning import Pruning, SourceMap
from codemods.generator.bindings import Bindings


@dataclass
class PendingInstance:
    """A usage decided at the end of the walk (an instantiation, an ``__all__`` re-export)."""

    node: cst.CSTNode
    before: str


class _ReplaceInstantiations(Pruning, cst.CSTTransformer):
    def __init__(self, bindings: Bindings, texts: SourceMap) -> None:
        super().__init__()
        self.b = bindings
        self.texts = texts
        self.words = tuple({ref.split(".")[0] for ref in bindings.class_refs})

    def leave_Call(self, original_node, updated_node):
        if not original_node.args and self.b.is_class_ref(original_node.func):
            return cst.Call(func=cst.Name("get_id_manager"), lpar=updated_node.lpar, rpar=updated_node.rpar)
        return updated_node


def replace_instantiations(module: cst.Module, bindings: Bindings, texts: SourceMap) -> cst.Module:
    return module.visit(_ReplaceInstantiations(bindings, texts))
