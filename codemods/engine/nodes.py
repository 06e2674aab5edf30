"""Small questions about libcst nodes that every recipe asks."""

from __future__ import annotations

import libcst as cst


def dotted_name(node: cst.BaseExpression) -> str | None:
    """``a.b.c`` for a Name/Attribute chain, else None."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        head = dotted_name(node.value)
        return None if head is None else f"{head}.{node.attr.value}"
    return None


def module_name(node: cst.BaseExpression | None) -> str:
    return (dotted_name(node) or "") if node is not None else ""


def literal_text(node: cst.BaseExpression) -> str | None:
    """The value of a plain string literal (not bytes, not implicit concatenation of f-strings)."""
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    if isinstance(node, cst.ConcatenatedString):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    return None
