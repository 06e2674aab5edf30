"""SourceMap shortcuts agree with what libcst itself prints, node by node."""

from __future__ import annotations

import libcst as cst
import pytest

from codemods.engine.pruning import SourceMap, has_comment, nodes_of

SOURCES = {
    "plain": "import os\n\n\ndef f(a, b=1):\n    return os.path.join(a, str(b))\n",
    "no_trailing_newline": "x = 1\ny = {'k': [1, 2]}  # note",
    "crlf": "x = 1\r\nif x:\r\n    y = f(x)\r\n",
    "tabs": "class A:\n\tdef m(self):\n\t\treturn self.gen.generate_base_id('a')\n",
    "comments_only": "# just a comment\n",
    "empty": "",
    "decorated": "@patch('shared.id_generation.UnifiedIdGenerator')\ndef test(m):\n    pass\n",
}
WORDS = [("gen",), ("join(", "b="), ("UnifiedIdGenerator", "os"), ("shared.id_generation",), ("nowhere",), ("'k'", "y")]


def all_nodes(module: cst.Module) -> list[cst.CSTNode]:
    return nodes_of(module, cst.CSTNode)


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_mentions_matches_a_scan_of_the_node_text(name):
    module = cst.parse_module(SOURCES[name])
    texts = SourceMap(module)
    for words in WORDS:
        for node in all_nodes(module):
            text = module.code_for_node(node)
            assert texts.mentions(node, words) == any(w in text for w in words), (words, text)


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_code_of_an_unchanged_module_is_its_own_code(name):
    module = cst.parse_module(SOURCES[name])
    assert SourceMap(module).code(module) == module.code == SOURCES[name]


class _RenameLastStatementTarget(cst.CSTTransformer):
    def leave_Name(self, original_node, updated_node):
        return updated_node.with_changes(value="renamed") if original_node.value in ("y", "m") else updated_node


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_code_of_a_rewrite_equals_libcst_printing_it(name):
    module = cst.parse_module(SOURCES[name])
    texts = SourceMap(module)
    rewritten = module.visit(_RenameLastStatementTarget())
    assert texts.code(rewritten) == rewritten.code


def test_node_helpers_find_what_matchers_would():
    module = cst.parse_module("x = f(a)  # c\ny = g.h\n")
    assert has_comment(module.body[0]) and not has_comment(module.body[1])
    assert [n.value for n in nodes_of(module, cst.Name)] == ["x", "f", "a", "y", "g", "h"]
