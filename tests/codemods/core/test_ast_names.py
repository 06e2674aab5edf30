"""The stdlib ``ast`` helpers the analyses share."""

from __future__ import annotations

import ast

from codemods.core.ast_names import assigned_attributes, bound_names, walk

SOURCE = ("def f(a, *b, **c):\n    global g, h\n    x = {**a, 'k': [y for y in b]}\n"
          "    match x:\n        case {'k': z, **rest}:\n            del x\n    return lambda q: q\n")


def test_walk_finds_what_ast_walk_finds_but_the_contexts():
    tree = ast.parse(SOURCE)
    ours = list(walk(tree))
    theirs = [n for n in ast.walk(tree) if not isinstance(n, ast.expr_context)]
    assert len(ours) == len(theirs) and {id(n) for n in ours} == {id(n) for n in theirs}


def test_what_a_statement_binds_and_assigns():
    function = ast.parse(SOURCE).body[0]
    assert bound_names(function) == {"x", "y"}  # names stored or deleted; pattern captures are not Names
    method = ast.parse("def m(self):\n    self.a = cls.b = other.c = 1\n    self.d += 1\n    print(self.e)\n").body[0]
    assert assigned_attributes(method) == {"a", "b", "d"}
