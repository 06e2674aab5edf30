"""Which pytest fixtures hand out a generator instance (stdlib ``ast`` only).

A test that takes such a fixture as a parameter holds a generator under the fixture's name,
so the parameter is a binding like ``self.id_generator``. Fixtures defined in a
``conftest.py`` reach every module below it; the pipeline finds them with
``conftest_fixtures`` before the per-file work starts.
"""

from __future__ import annotations

import ast
from codemods.core.ast_names import dotted
from typing import Callable, Iterator

#: Decorators (bare or called) that make a function a pytest fixture.
FIXTURE_DECORATORS = ("fixture", "pytest.fixture", "pytest_asyncio.fixture")

_NESTED_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)




def fixture_name(func: ast.stmt) -> str | None:
    """The name tests request a fixture by (``@pytest.fixture(name="x")`` or the function's), or
    None when ``func`` is no fixture."""
    if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return None
    for decorator in func.decorator_list:
        call = decorator if isinstance(decorator, ast.Call) else None
        if dotted(call.func if call else decorator) not in FIXTURE_DECORATORS:
            continue
        for keyword in call.keywords if call else ():
            if keyword.arg == "name" and isinstance(keyword.value, ast.Constant) \
                    and isinstance(keyword.value.value, str):
                return keyword.value.value
        return func.name
    return None


def _own_nodes(func: ast.FunctionDef | ast.AsyncFunctionDef) -> Iterator[ast.AST]:
    """Every node of the function's body, not descending into nested functions or classes."""
    todo: list[ast.AST] = list(reversed(func.body))
    while todo:
        node = todo.pop()
        yield node
        if not isinstance(node, _NESTED_SCOPES):
            todo.extend(reversed(list(ast.iter_child_nodes(node))))


def hands_out_instance(func: ast.FunctionDef | ast.AsyncFunctionDef,
                       is_instantiation: Callable[[ast.expr | None], bool]) -> bool:
    """``return X()`` / ``yield X()``, or the same with a local first assigned ``X()``."""
    locals_: set[str] = set()
    handed: list[ast.expr | None] = []
    for node in _own_nodes(func):
        if isinstance(node, ast.Assign) and is_instantiation(node.value):
            locals_.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, (ast.Return, ast.Yield)):
            handed.append(node.value)
    return any(
        is_instantiation(value) or (isinstance(value, ast.Name) and value.id in locals_) for value in handed
    )


def generator_fixtures(every_statement: list[ast.stmt], class_refs: set[str]) -> tuple[set[str], set[str]]:
    """(fixtures handing out a generator, every fixture name) among the file's functions."""
    def is_instantiation(value: ast.expr | None) -> bool:
        return isinstance(value, ast.Call) and not value.args and not value.keywords \
            and dotted(value.func) in class_refs

    handing, every = set(), set()
    for node in every_statement:
        name = fixture_name(node)
        if name is None:
            continue
        every.add(name)
        if class_refs and hands_out_instance(node, is_instantiation):  # type: ignore[arg-type]
            handing.add(name)
    return handing, every


def conftest_fixtures(source: bytes, source_modules: tuple[str, ...]) -> tuple[set[str], set[str]] | None:
    """``generator_fixtures`` of one conftest.py, or None when it does not parse."""
    from codemods.engine.chunks import statements
    from codemods.generator.instances.names import BoundNames, collect_names

    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    every_statement = statements(tree.body)
    names = collect_names(BoundNames(), every_statement, source_modules)
    return generator_fixtures(every_statement, names.class_refs)
