"""``test-ids``: does a test assert on an identifier's format (``len(x) == 8``, ``re.match(...)``,
``uuid.UUID(x)``)? A manager ID would fail that assertion, so such a site stays manual (IDM210).
"""

from __future__ import annotations

import libcst as cst

from codemods.engine.dispatch import Visitor
from codemods.engine.nodes import dotted_name
from codemods.engine.pruning import SourceMap, StatementPruning
from codemods.uuid_ids.naming import words
from codemods.uuid_ids.uuid_names import UuidNames

#: String methods whose use in an assertion checks the text's shape.
_SHAPE_METHODS = frozenset({
    "startswith", "endswith", "isalnum", "isalpha", "isdigit", "isdecimal", "isnumeric", "islower", "isupper",
    "isidentifier", "isascii", "count", "split", "rsplit", "partition", "rpartition", "index", "find",
})
_SHAPE_FUNCS = frozenset({"len", "int"})
_MATCH_METHODS = frozenset({"match", "fullmatch", "search", "findall", "UUID", "assertRegex", "assertNotRegex",
                            "assertRegexpMatches", "assertNotRegexpMatches"})
_PATTERN_WORDS = frozenset({"pattern", "regex", "re", "uuid", "hex", "format", "fmt"})
_REGEX_MARKS = ("[0-9a-f", "[a-f0-9", "\\d", "{8}", "{32}", "{36}")


def _in_assertion(stack: list[cst.CSTNode], i: int) -> bool:
    for node in stack[:i]:
        if isinstance(node, cst.Assert):
            return True
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value.startswith("assert"):
            return True
    return False


def _looks_like_pattern(node: cst.CSTNode) -> bool:
    name = dotted_name(node) if isinstance(node, (cst.Name, cst.Attribute)) else None
    if name:
        return bool(_PATTERN_WORDS & set(words(name.rsplit(".", 1)[-1])))
    if isinstance(node, (cst.SimpleString, cst.ConcatenatedString)):
        text = node.evaluated_value
        return isinstance(text, str) and any(mark in text for mark in _REGEX_MARKS)
    return False


def format_use(stack: list[cst.CSTNode], i: int, names: UuidNames) -> bool:
    """Is the expression at ``stack[i]`` checked for its shape by an assertion?"""
    if i < 1 or not _in_assertion(stack, i):
        return False
    node, parent = stack[i], stack[i - 1]
    if isinstance(parent, cst.Arg) and parent.value is node and i >= 2 and isinstance(stack[i - 2], cst.Call):
        func = dotted_name(stack[i - 2].func) or ""
        parts = func.split(".")
        return (func in _SHAPE_FUNCS or parts[0] == "re" or parts[-1] in _MATCH_METHODS
                or parts[0] in names.modules)
    if isinstance(parent, cst.Attribute) and parent.value is node:
        return parent.attr.value in _SHAPE_METHODS
    if isinstance(parent, cst.Subscript) and parent.value is node:
        return True
    if isinstance(parent, cst.Comparison):
        operands = [parent.left, *(c.comparator for c in parent.comparisons)]
        return any(_looks_like_pattern(op) for op in operands if op is not node)
    return False


def scope_key(stack: list[cst.CSTNode], dotted: str) -> int:
    """``self.x`` lives in its class; a plain name in its function (or the module)."""
    kinds = (cst.ClassDef,) if dotted.startswith(("self.", "cls.")) else (cst.FunctionDef,)
    for node in reversed(stack):
        if isinstance(node, kinds):
            return id(node)
    return id(stack[0]) if stack else 0


class _Checks(Visitor):
    def __init__(self, names: UuidNames, dotted: str) -> None:
        super().__init__()
        self.names = names
        self.dotted = dotted
        self.stack: list[cst.CSTNode] = []
        self.checked: set[int] = set()

    def on_visit(self, node: cst.CSTNode) -> bool:
        self.stack.append(node)
        if isinstance(node, (cst.Name, cst.Attribute)) and dotted_name(node) == self.dotted \
                and format_use(self.stack, len(self.stack) - 1, self.names):
            self.checked.add(scope_key(self.stack, self.dotted))
        return True

    def on_leave(self, original_node: cst.CSTNode) -> None:
        self.stack.pop()


class FormatChecks(StatementPruning, _Checks):
    """The scopes (``scope_key``) in which an assertion checks the shape of ``dotted``.

    With ``texts`` (a map of the module visited) only statements that mention both ``assert``
    (an ``assert`` statement or an ``assert*`` method call is what ``format_use`` looks for) and
    the name's last part are walked: a test file asserts in most statements, and a site asks
    about one name."""

    def __init__(self, names: UuidNames, dotted: str, texts: SourceMap | None = None) -> None:
        super().__init__(names, dotted)
        self.texts = texts
        self.words = ("assert",)
        self._last = (dotted.rsplit(".", 1)[-1],)

    def relevant(self, node: cst.CSTNode) -> bool:
        return super().relevant(node) and self.texts.mentions(node, self._last)


def checked_scopes(module: cst.Module, names: UuidNames, dotted: str, texts: SourceMap | None) -> set[int]:
    """``FormatChecks`` of ``dotted`` over ``module``."""
    checks = FormatChecks(names, dotted, texts if texts is not None and texts.module is module else None)
    module.visit(checks)
    return checks.checked
