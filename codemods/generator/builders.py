"""Small constructors for the manager expressions the rules produce."""

from __future__ import annotations

import re
from typing import Sequence

import libcst as cst

from codemods.core.recipe import MANAGER_NAMES
from codemods.generator.rules import id_type_member

NO_SPACE = cst.SimpleWhitespace("")
TIGHT_EQUAL = cst.AssignEqual(whitespace_before=NO_SPACE, whitespace_after=NO_SPACE)


def keyword(name: str, value: cst.BaseExpression) -> cst.Arg:
    return cst.Arg(value=value, keyword=cst.Name(name), equal=TIGHT_EQUAL)


def context_dict(items: Sequence[tuple[str, cst.BaseExpression]]) -> cst.Dict:
    return cst.Dict(
        [cst.DictElement(cst.SimpleString(f'"{key}"'), value) for key, value in items]
    )


def manager_generate_id(
    id_type: str,
    prefix: cst.BaseExpression | None = None,
    context: Sequence[tuple[str, cst.BaseExpression]] = (),
) -> cst.Call:
    """``get_id_manager().generate_id(IDType.X[, prefix=...][, context={...}])``."""
    args = [cst.Arg(cst.Attribute(cst.Name("IDType"), cst.Name(id_type_member(id_type))))]
    if prefix is not None:
        args.append(keyword("prefix", prefix))
    if context:
        args.append(keyword("context", context_dict(context)))
    return cst.Call(
        func=cst.Attribute(cst.Call(cst.Name("get_id_manager")), cst.Name("generate_id")),
        args=args,
    )


def manager_classmethod(name: str, *args: cst.BaseExpression) -> cst.Call:
    """``UnifiedIDManager.<name>(args)``."""
    return cst.Call(
        func=cst.Attribute(cst.Name("UnifiedIDManager"), cst.Name(name)),
        args=[cst.Arg(a) for a in args],
    )


def thread_id_call() -> cst.Call:
    return manager_classmethod("generate_thread_id")


def run_id_call(thread: cst.BaseExpression) -> cst.Call:
    return manager_classmethod("generate_run_id", thread)


def reset_counters_call() -> cst.Call:
    return cst.Call(
        func=cst.Attribute(cst.Call(cst.Name("get_id_manager")), cst.Name("reset_counters"))
    )


def valid_format_call(value: cst.BaseExpression) -> cst.Call:
    return cst.Call(func=cst.Name("is_valid_id_format"), args=[cst.Arg(value)])


def batch(element: cst.BaseExpression, count: cst.BaseExpression) -> cst.ListComp:
    """``[element for _ in range(count)]``."""
    return cst.ListComp(
        elt=element,
        for_in=cst.CompFor(
            target=cst.Name("_"),
            iter=cst.Call(func=cst.Name("range"), args=[cst.Arg(count)]),
        ),
    )


def zero_arg_lambda(body: cst.BaseExpression) -> cst.Lambda:
    return cst.Lambda(params=cst.Parameters(), body=body)


def names_in(code: str) -> frozenset[str]:
    """Which of MANAGER_NAMES the code of a rewrite uses. The generator's rewrites are printed
    anyway (the finding shows them), so a regex over that text spares a tree walk; a manager name
    spelled inside a string argument would only add an unused import, which the guard allows."""
    return frozenset(name for name in MANAGER_NAMES if re.search(rf"\b{name}\b", code))


def names_used(node: cst.CSTNode) -> frozenset[str]:
    """Which of MANAGER_NAMES an expression uses, by a tree walk (the uuid recipes: their
    replacements carry prefixes copied from user literals, and a walk never reads those)."""
    found: set[str] = set()

    class _Collect(cst.CSTVisitor):
        def visit_Name(self, n: cst.Name) -> None:
            if n.value in MANAGER_NAMES:
                found.add(n.value)

    node.visit(_Collect())
    return frozenset(found)
