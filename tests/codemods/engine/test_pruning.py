"""SourceMap shortcuts agree with what libcst itself prints, node by node."""

from __future__ import annotations

import libcst as cst
import pytest

from codemods.engine.pruning import Pruning, SourceMap, has_comment, nodes_of
from codemods.engine.verbatim import Verbatim, statement_indents, with_verbatim

SOURCES = {
    "plain": "import os\n\n\ndef f(a, b=1):\n    return os.path.join(a, str(b))\n",
    "no_trailing_newline": "x = 1\ny = {'k': [1, 2]}  # note",
    "crlf": "x = 1\r\nif x:\r\n    y = f(x)\r\n",
    "tabs": "class A:\n\tdef m(self):\n\t\treturn self.gen.generate_base_id('a')\n",
    "comments_only": "# just a comment\n",
    "empty": "",
    "decorated": "@patch('shared.id_generation.UnifiedIdGenerator')\ndef test(m):\n    pass\n",
    "nested": (
        "class T:\n    # kept\n    def a(self):\n        if self.x:\n            y = 1\n        elif self.z:\n"
        "            pass\n        else:\n            q = 2\n\n    def b(self):\n        try:\n            y = 3\n"
        "        except E:\n            w = 4\n        finally:\n            v = 5\n        for i in r:\n"
        "            u = 6\n        else:\n            t = 7\n        match k:\n            case 1:\n"
        "                s = 8\n        with c:\n            if d: y = 9\n"
    ),
    "nested_tabs_no_trailing_newline": "class A:\n\tdef m(self):\n\t\tif a:\n\t\t\ty = 1\n\t\tz = 2",
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


class _PrunedRename(Pruning, _RenameLastStatementTarget):
    """Renames ``y``, leaving every statement that does not mention it untouched (the same object)."""

    def __init__(self, texts: SourceMap) -> None:
        super().__init__()
        self.texts, self.words = texts, ("y",)


class _UnwrapWith(cst.CSTTransformer):
    """Moves a ``with`` block's statements out of it: kept statements at a new indentation."""

    def leave_With(self, original_node, updated_node):
        return cst.FlattenSentinel(updated_node.body.body)


class _PrunedUnwrap(Pruning, _UnwrapWith):
    def __init__(self, texts: SourceMap) -> None:
        super().__init__()
        self.texts, self.words = texts, ("with",)


def test_kept_statements_are_copied_only_at_their_old_indentation():
    module = cst.parse_module(SOURCES["nested"])
    texts = SourceMap(module)
    rewritten = module.visit(_PrunedRename(texts))
    assert texts.code(rewritten) == rewritten.code
    swapped = with_verbatim(rewritten, module, statement_indents(module), texts._recorded)
    copied = nodes_of(swapped, Verbatim)
    # Every statement that neither holds ``y`` nor encloses one is copied (pass, q, w, v, for, match).
    assert sorted("".join(node.tokens).split()[0] for node in copied) == ["for", "match", "pass", "q", "v", "w"]
    unwrapped = module.visit(_PrunedUnwrap(texts))
    assert texts.code(unwrapped) == unwrapped.code
    moved = with_verbatim(unwrapped, module, statement_indents(module), texts._recorded)
    assert "if d: y = 9" not in "".join(t for node in nodes_of(moved, Verbatim) for t in node.tokens)


def test_node_helpers_find_what_matchers_would():
    module = cst.parse_module("x = f(a)  # c\ny = g.h\n")
    assert has_comment(module.body[0]) and not has_comment(module.body[1])
    assert [n.value for n in nodes_of(module, cst.Name)] == ["x", "f", "a", "y", "g", "h"]
