"""Small constructors for the manager expressions the rules produce."""

from __future__ import annotations

import re
from typing import Mapping, Sequence

import libcst as cst

from codemods.engine.dispatch import Visitor
from codemods.core.recipe import MANAGER_NAMES
from codemods.engine.nodes import dotted_name, literal_text
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
    """A THREAD-typed ID (``thread_{n}_{uuid8}``), as the manager module's ``generate_thread_id()``
    makes it. Not the classmethod ``UnifiedIDManager.generate_thread_id()``: that one returns an
    unprefixed base that thread-ID validators reject."""
    return manager_generate_id("thread")


def run_id_call(thread: cst.BaseExpression, may_be_none: bool = False) -> cst.BaseExpression:
    """``UnifiedIDManager.generate_run_id(thread)``; for a thread that may be ``None`` there,
    ``... if thread else <a run-started EXECUTION ID>`` (never ``run_None_...``)."""
    call = manager_classmethod("generate_run_id", thread)
    if not may_be_none:
        return call
    return cst.IfExp(test=thread, body=call, orelse=unpaired_run_id_call())


def unpaired_run_id_call() -> cst.Call:
    """A run ID with no thread to embed keeps its ``run`` start."""
    return manager_generate_id("execution", cst.SimpleString('"run"'))


_PLACEHOLDER = re.compile(r"\{(\w+)(\[:(\d+)\])?(?:=(\w*))?\}")
_PLAIN_LITERAL = re.compile(r"^[\w\-.:@/ ]*$")


def prefix_from_template(
    template: str, bound: Mapping[str, cst.BaseExpression]
) -> tuple[cst.BaseExpression | None, str]:
    """``"ws_conn_{user_id[:8]}"`` with the call's arguments -> ``f"ws_conn_{user_id[:8]}"``.

    ``{name=default}`` uses ``default`` when the call leaves that argument out. An argument must
    be a plain name, attribute or string literal (nothing is evaluated twice, nothing breaks the
    f-string); otherwise the result is ``(None, reason)``.
    """
    parts: list[str] = []
    literal_only = True
    last = 0
    for match in _PLACEHOLDER.finditer(template):
        parts.append(template[last:match.start()].replace("{", "{{").replace("}", "}}"))
        last = match.end()
        name, cut, default = match.group(1), match.group(3), match.group(4)
        value = bound.get(name)
        if value is None:
            if default is None:
                return None, f"the call leaves out {name}, which the ID text needs"
            text = default
        else:
            text = literal_text(value)
        if text is not None:
            if not _PLAIN_LITERAL.match(text):
                return None, f"the literal {name} argument cannot go into the ID text as it is"
            parts.append(text[: int(cut)] if cut else text)
            continue
        expression = dotted_name(value)
        if expression is None:
            return None, f"the {name} argument is not a plain name or attribute: bind it to a local first"
        literal_only = False
        parts.append("{" + expression + (f"[:{cut}]" if cut else "") + "}")
    parts.append(template[last:].replace("{", "{{").replace("}", "}}"))
    text = "".join(parts)
    if literal_only:
        return cst.SimpleString('"' + text.replace("{{", "{").replace("}}", "}") + '"'), ""
    return cst.parse_expression('f"' + text + '"'), ""


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

    class _Collect(Visitor):
        def visit_Name(self, n: cst.Name) -> None:
            if n.value in MANAGER_NAMES:
                found.add(n.value)

    node.visit(_Collect())
    return frozenset(found)
