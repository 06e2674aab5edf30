"""Names each function binds in its own scope, for the guard of a module whose functions were opened.

When libcst parses only some statements of a function (``chunks``), pyflakes no longer sees the
names the left-out statements bind, and calls their uses undefined. Pyflakes on the whole file
would not: a name bound in the function, or in a function around it, is defined there. So an
"undefined name" found in the kept text is excused when the original function (or one around
it) binds that name; class bodies do not count, as for pyflakes. A function of the kept text is
found by its qualified name (its lines moved); functions that share one (a property's getter
and setter) share their names, which can only excuse a name bound in the other one.
"""

from __future__ import annotations

import ast

from codemods.core.ast_names import blocks, first_line, push_children

_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
_NEW_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda, ast.ListComp, ast.SetComp,
               ast.DictComp, ast.GeneratorExp)


def _own_bindings(function: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    """Parameters and every name the function's own scope binds (not its nested scopes')."""
    args = function.args
    names = {a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg) if a}
    todo: list[ast.AST] = list(function.body)
    while todo:
        node = todo.pop()
        if not isinstance(node, ast.AST):  # ``push_children`` adds list fields whole
            continue
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)  # its name is bound here; its body is another scope
            todo.extend(node.decorator_list)
            continue
        if isinstance(node, _NEW_SCOPES):
            if isinstance(node, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
                # ``(y := x)`` inside a comprehension binds in the function around it
                names.update(n.target.id for n in ast.walk(node) if isinstance(n, ast.NamedExpr))
            continue
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            names.add(node.id)
        elif isinstance(node, ast.alias):
            names.add((node.asname or node.name).split(".")[0])
        elif isinstance(node, ast.ExceptHandler) and node.name:
            names.add(node.name)
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            names.update(node.names)
        elif isinstance(node, (ast.MatchAs, ast.MatchStar)) and node.name:
            names.add(node.name)
        elif isinstance(node, ast.MatchMapping) and node.rest:
            names.add(node.rest)
        push_children(node, todo)
    return names


def _functions(body: list[ast.stmt], path: tuple[str, ...] = ()):
    """(qualified name, function) of every function under ``body``, nested ones included."""
    for node in _scope_defs(body):
        inner = (*path, node.name)
        if isinstance(node, _FUNCTIONS):
            yield inner, node
        yield from _functions(node.body, inner)


def _scope_defs(body: list[ast.stmt]):
    """The functions and classes defined in ``body``'s scope: in it, or in its compound statements."""
    for node in body:
        if isinstance(node, (*_FUNCTIONS, ast.ClassDef)):
            yield node
        else:
            for inner in blocks(node):
                yield from _scope_defs(inner)


def _named(body: list[ast.stmt], qualified: tuple[str, ...]):
    """The functions whose qualified name is ``qualified``: only the scopes on its path are searched."""
    for node in _scope_defs(body):
        if node.name != qualified[0]:
            continue
        if len(qualified) > 1:
            yield from _named(node.body, qualified[1:])
        elif isinstance(node, _FUNCTIONS):
            yield node


class FunctionNames:
    """The names each function of the original file binds, by qualified name (``Class.method``),
    worked out on first use, and only for the functions around an undefined name (most
    rewrites leave none to explain; a file has dozens of functions)."""

    def __init__(self, body: list[ast.stmt]) -> None:
        self.body = body
        self._bound: dict[tuple[str, ...], frozenset[str]] = {}

    def bound(self, name: tuple[str, ...]) -> frozenset[str]:
        """What the original functions called ``name`` bind in their own scope."""
        names = self._bound.get(name)
        if names is None:
            names = frozenset().union(*(_own_bindings(node) for node in _named(self.body, name)))
            self._bound[name] = names
        return names

    def excuser(self, tree: ast.Module):
        """``excused(name, line)`` for ``tree`` (the kept text): is ``name`` bound, in the
        original file, by a function around ``line``? A function's body lines only: its
        decorators and defaults are read in the scope around it."""
        spans = [(first_line(node.body[0]), node.end_lineno, name) for name, node in _functions(tree.body)]
        return lambda name, line: any(first <= line <= last and name in self.bound(qualified)
                                      for first, last, qualified in spans)
