"""The flow index itself (``build_facts``): which function and class hold a node, answered by climbing
the parents, and a parent for every node the walk meets, on every kind of statement and expression."""

from __future__ import annotations

import ast

import pytest

from codemods.engine.chunks import statements
from codemods.uuid_ids.flow.facts import MODULE_SCOPE, build_facts
from codemods.uuid_ids.uuid_names import UuidNames

NESTING = """\
class Outer:
    label = at_class_body()

    @at_method_decorator(label)
    def method(self, limit=at_method_default()):
        def helper(x=at_helper_default()):
            return at_helper_body(x)

        class Local(at_local_base()):
            field = at_local_body()

            def inner(self):
                return at_local_method()

        return at_method_body(lambda: at_lambda_body())


@at_top_decorator()
def top(*, flag=at_top_default()):
    return [at_comprehension() for _ in flag]
"""

#: call name -> (the function holding it, the class around it).
WHERE = {
    "at_class_body": (None, "Outer"),
    "at_method_decorator": (None, "Outer"),  # a decorator runs in the scope around the def
    "at_method_default": (None, "Outer"),  # so does a default
    "at_helper_default": ("method", "Outer"),
    "at_helper_body": ("helper", "Outer"),  # a method's nested function still belongs to its class
    "at_local_base": ("method", "Local"),  # a class's bases: its own, in the function around it
    "at_local_body": ("method", "Local"),  # a class body shares the names of the function around it
    "at_local_method": ("inner", "Local"),
    "at_method_body": ("method", "Outer"),
    "at_lambda_body": ("method", "Outer"),  # a lambda is no scope of its own
    "at_top_decorator": (None, None),
    "at_top_default": (None, None),
    "at_comprehension": ("top", None),
}


def _facts(source: str):
    tree = ast.parse(source)
    return tree, build_facts(statements(tree.body), source.encode(), UuidNames(modules={"uuid"}))


@pytest.mark.parametrize("call_name", sorted(WHERE))
def test_the_function_and_class_holding_a_node(call_name):
    tree, facts = _facts(NESTING)
    call = next(n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", None) == call_name)
    function, owner = facts.function_of(call), facts.owner_class_of(call)
    assert (getattr(function, "name", None), getattr(owner, "name", None)) == WHERE[call_name]
    assert facts.scope_of(call) == (MODULE_SCOPE if function is None else id(function))


def test_a_def_is_in_the_scope_around_it_and_binds_its_name_there():
    tree, facts = _facts(NESTING)
    defs = {n.name: n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    assert facts.function_of(defs["helper"]) is defs["method"]
    assert facts.function_of(defs["method"]) is None and facts.owner_class_of(defs["method"]) is defs["Outer"]
    assert "helper" in facts.binds[id(defs["method"])] and "Local" in facts.binds[id(defs["method"])]
    assert facts.methods[(id(defs["Outer"]), "method")] is defs["method"]
    assert facts.methods[(id(defs["Local"]), "inner")] is defs["inner"]
    assert (id(defs["Outer"]), "helper") not in facts.methods  # a nested function is no method


EVERY_SHAPE = """\
import os.path as osp
from . import sibling

counter = 0


async def run(a, /, b: int = 1, *args: str, c, d=2, **kw: bytes) -> dict[str, int]:
    global counter
    data = {**kw, "a": a, **{"b": b}}
    async with open(a) as f, other() as (x, y):
        async for line in f:
            counter += len(line) if line else -1
    if (n := len(args)) > 2 and not c or d:
        del data["a"]
    match data:
        case {"a": 1, **rest}:
            pass
        case Point(x=0, y=[1, *others]) | [1, 2] as both:
            pass
        case None:
            pass
    try:
        assert a < b <= c, f"{a!r:>{b}} {c}"
    except* ValueError as error:
        raise RuntimeError() from error
    finally:
        yield {k: v async for k, v in data.items() if k}


def outer():
    total = 0

    def show():
        return total
    return show, (lambda q=1, *, r: q)(r=2), {i for i in range(3)}, (j for j in []), data[1:2, ::3]
"""

#: Shared instances (one ``ast.Load`` for the whole process): a parent recorded for them would mean nothing.
_SINGLETONS = (ast.expr_context, ast.operator, ast.boolop, ast.unaryop, ast.cmpop)
_FUNCTION_DEFS = (ast.FunctionDef, ast.AsyncFunctionDef)


def test_every_node_walked_has_the_parent_ast_gives_it():
    tree, facts = _facts(EVERY_SHAPE)
    module = facts.parent(tree.body[0])
    assert isinstance(module, ast.Module) and module.body == tree.body and facts.parent(module) is None
    pending, checked = list(tree.body), 0
    while pending:
        node = pending.pop()
        if isinstance(node, ast.arg):
            continue  # a def's parameters are bound, not walked: their annotations have no parent
        for child in ast.iter_child_nodes(node):
            if isinstance(child, _SINGLETONS):
                continue
            assert facts.parent(child) is node, (ast.dump(node)[:60], ast.dump(child)[:60])
            checked += 1
            if not (isinstance(node, _FUNCTION_DEFS) and child is node.returns):  # walked no further
                pending.append(child)
    assert checked > 150


def test_reads_binds_and_calls_of_every_shape():
    tree, facts = _facts(EVERY_SHAPE)
    run, outer = tree.body[3], tree.body[4]
    assert {"a", "b", "args", "c", "d", "kw", "data", "f", "x", "y", "line", "n", "k", "v"} <= facts.binds[id(run)]
    assert {"osp", "sibling", "counter", "run", "outer"} <= facts.binds[MODULE_SCOPE]
    assert [n.lineno for n in facts.name_reads[(id(run), "data")]] == [14, 15, 27]
    assert [n.lineno for n in facts.reads_of(id(outer), "total")] == [34]  # read in a nested function
    assert [c.lineno for c in facts.calls["len"]] == [12, 13] and facts.calls["RuntimeError"]
    assert facts.defs == {"run": run, "outer": outer}
