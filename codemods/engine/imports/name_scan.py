"""Which of a few names an expression-level subtree uses or binds, without a libcst visit.

A libcst visit rebuilds every node it passes and dispatches a hook per node; the
import planner asks this question of every rewritten line, where that cost was a
third of the whole transform. This walks the dataclass fields directly, skips
whitespace and punctuation, and skips any subtree the source map knows mentions
none of the words. Names that are not reads (attribute names, keyword names,
parameter names) are not uses; assignment, ``as`` and comprehension targets bind.
"""

from __future__ import annotations

import dataclasses

import libcst as cst

_SKIP_FIELDS = frozenset({
    "lpar", "rpar", "comma", "semicolon", "equal", "colon", "operator", "dot", "lbracket", "rbracket",
    "lbrace", "rbrace", "leading_lines", "lines_after_decorators", "header", "footer", "newline",
    "trailing_whitespace", "asynchronous",
})
_LEAVES = (cst.SimpleString, cst.Integer, cst.Float, cst.Imaginary, cst.Ellipsis, cst.FormattedStringText,
           cst.BaseParenthesizableWhitespace, cst.Comma, cst.LeftParen, cst.RightParen)
_FIELDS: dict[type, tuple[str, ...]] = {}


def _fields(kind: type) -> tuple[str, ...]:
    found = _FIELDS.get(kind)
    if found is None:
        found = _FIELDS[kind] = tuple(
            f.name for f in dataclasses.fields(kind)
            if f.name not in _SKIP_FIELDS and not f.name.startswith("whitespace")
        )
    return found


class NameScan:
    """Collects uses (Name nodes) and bindings of ``names`` from the subtrees it is given."""

    def __init__(self, names: frozenset[str], texts, words: tuple[str, ...]) -> None:
        self.names = names
        self.texts = texts
        self.words = words
        self.uses: list[str] = []
        self.bound: list[str] = []

    def _bind(self, target: cst.CSTNode, stack: list) -> None:
        if isinstance(target, cst.Name):
            if target.value in self.names:
                self.bound.append(target.value)
        else:
            stack.append(target)  # a tuple or attribute target: its parts are read or bound below

    def scan(self, root: cst.CSTNode) -> None:
        stack = [root]
        names, texts, words = self.names, self.texts, self.words
        while stack:
            node = stack.pop()
            if isinstance(node, _LEAVES):
                continue
            if node is not root and texts.known(node) and not texts.mentions(node, words):
                continue
            if isinstance(node, cst.Name):
                if node.value in names:
                    self.uses.append(node.value)
            elif isinstance(node, cst.Attribute):
                stack.append(node.value)
            elif isinstance(node, cst.Arg):
                stack.append(node.value)
            elif isinstance(node, cst.AssignTarget):
                self._bind(node.target, stack)
            elif isinstance(node, (cst.AnnAssign, cst.AugAssign)):
                self._bind(node.target, stack)
                stack.extend(n for n in (getattr(node, "annotation", None), node.value) if n is not None)
            elif isinstance(node, cst.NamedExpr):
                self._bind(node.target, stack)
                stack.append(node.value)
            elif isinstance(node, cst.AsName):
                self._bind(node.name, stack)
            elif isinstance(node, cst.CompFor):
                self._bind(node.target, stack)
                stack.extend([node.iter, *node.ifs])
                if node.inner_for_in is not None:
                    stack.append(node.inner_for_in)
            elif isinstance(node, cst.Param):
                stack.extend(n for n in (node.annotation, node.default) if n is not None)
            elif isinstance(node, (cst.Global, cst.Nonlocal, cst.Import, cst.ImportFrom)):
                continue
            else:
                for name in _fields(type(node)):
                    value = getattr(node, name)
                    if isinstance(value, cst.CSTNode):
                        stack.append(value)
                    elif isinstance(value, (tuple, list)):
                        stack.extend(v for v in value if isinstance(v, cst.CSTNode))
