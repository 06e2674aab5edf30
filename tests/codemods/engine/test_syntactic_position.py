"""``SourceMap.syntactic_position`` is libcst's ``PositionProvider`` start, without its codegen pass."""

from __future__ import annotations

import libcst as cst
import pytest
from libcst.metadata import MetadataWrapper, PositionProvider

from codemods.engine.pruning import SourceMap
from tests.shapes import SHAPES

SAMPLE = '''import uuid


# a comment above the decorators
@decorator(
    "arg",
)
async  def fetch(x) -> str:
    value = ( uuid.uuid4() ).hex[:8]
    other = (
        f"txn_{uuid.uuid4()}"
    )
    return str((uuid.uuid4()))


class   Thing(Base):
    run_id = ((str(uuid.uuid4())))

    def method(self):
        return self.run_id[0], [uuid.uuid4() for _ in range(2)]
'''

KINDS = (cst.Call, cst.FunctionDef, cst.ClassDef, cst.Subscript, cst.FormattedString, cst.Attribute, cst.Name,
         cst.Tuple, cst.ListComp, cst.SimpleString)


class _All(cst.CSTVisitor):
    def __init__(self) -> None:
        self.found: list[cst.CSTNode] = []

    def on_visit(self, node: cst.CSTNode) -> bool:
        if isinstance(node, KINDS):
            self.found.append(node)
        return True


@pytest.mark.parametrize("name", ["sample", *sorted(SHAPES)[:40]])
def test_every_node_starts_where_the_metadata_says(name: str):
    source = SAMPLE if name == "sample" else SHAPES[name][0]
    module = cst.parse_module(source)
    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    positions = wrapper.resolve(PositionProvider)
    texts = SourceMap(module)
    visitor = _All()
    module.visit(visitor)
    assert visitor.found
    for node in visitor.found:
        start = positions[node].start
        assert texts.syntactic_position(node) == (start.line, start.column + 1), texts.text(node)
