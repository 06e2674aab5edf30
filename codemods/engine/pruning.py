"""Cheap alternatives to full libcst passes.

A libcst traversal costs about as much as the native parse, and metadata
providers several times more. Most statements of an affected file never mention
the generator. So one codegen pass over the original module (``SourceMap``)
records where every node's text starts and ends in the token stream; from it,
visitors skip any statement whose text mentions none of their words, and
findings get their line and column, without another pass or any metadata.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from contextlib import nullcontext
from itertools import accumulate
from dataclasses import dataclass, field

import libcst as cst
# libcst private API (CodegenState, Node._codegen): pyproject.toml pins libcst below the next
# minor release for it; check this module before raising that bound.
from libcst._nodes.internal import CodegenState

from codemods.engine.dispatch import Visitor
from codemods.engine.verbatim import statement_indents, with_verbatim

#: Nodes a visitor may skip whole when their text mentions none of its words: statements,
#: and the expression-level nodes inside them (an argument list, a dict literal ...).
_PRUNABLE = (
    cst.SimpleStatementLine, cst.BaseCompoundStatement, cst.BaseExpression, cst.Arg, cst.BaseElement,
    cst.BaseDictElement, cst.Parameters, cst.Annotation, cst.Decorator,
)


_NO_POSITION = nullcontext()


class _PlainState(CodegenState):
    """libcst's codegen state without a fresh ``contextmanager`` per node for positions
    nobody asked for (about a fifth of printing time)."""

    def record_syntactic_position(self, node, *, start_node=None, end_node=None):
        return _NO_POSITION


@dataclass(frozen=False)
class _RecordingState(_PlainState):
    """Codegen that notes the token index where each node starts and ends."""

    starts: dict = field(default_factory=dict)
    ends: dict = field(default_factory=dict)

    def before_codegen(self, node: cst.CSTNode) -> None:
        self.starts[id(node)] = len(self.tokens)

    def after_codegen(self, node: cst.CSTNode) -> None:
        self.ends[id(node)] = len(self.tokens)

    def pop_trailing_newline(self) -> None:
        """Keep the newline a file without one at its end drops last: the last statement's
        recorded range includes it (``SourceMap.code`` drops it again)."""


class SourceMap:
    """Text and position of any node of one module, from a single codegen pass.

    Nodes a transform created are not in the map; their text is generated on demand.
    The module must stay alive while the map is used (node ids are its keys).
    """

    def __init__(self, module: cst.Module) -> None:
        self.module = module
        state = _RecordingState(default_indent=module.default_indent, default_newline=module.default_newline)
        module._codegen(state)
        self._tokens = state.tokens
        self._starts = state.starts
        self._ends = state.ends
        self._line_starts: list[int] | None = None
        self._indents: dict[int, tuple] | None = None
        self._offsets: list[int] | None = None
        #: words -> (starts, ends) of their occurrences in the code, sorted by start.
        self._occurrences: dict[tuple[str, ...], tuple[list[int], list[int]]] = {}

    def text(self, node: cst.CSTNode) -> str:
        start = self._starts.get(id(node))
        if start is None:
            return self.module.code_for_node(node)
        return "".join(self._tokens[start:self._ends[id(node)]])

    def known(self, node: cst.CSTNode) -> bool:
        return id(node) in self._starts

    def mentions(self, node: cst.CSTNode, words: tuple[str, ...]) -> bool:
        """Does the node's text contain one of ``words``? For a mapped node this is a
        binary search over the words' occurrences in the whole module, found once per
        word list, not a scan of the node's text (visitors ask for every node)."""
        start = self._starts.get(id(node))
        if start is None:
            text = self.module.code_for_node(node)
            return any(word in text for word in words)
        if self._offsets is None:
            self._index_lines()
        low, high = self._offsets[start], self._offsets[self._ends[id(node)]]
        found = self._occurrences.get(words)
        if found is None:
            found = self._occurrences[words] = self._find(words)
        starts, ends = found
        i = bisect_left(starts, low)
        while i < len(starts) and starts[i] < high:
            if ends[i] <= high:
                return True
            i += 1
        return False

    def _find(self, words: tuple[str, ...]) -> tuple[list[int], list[int]]:
        code = self._code
        spans = []
        for word in words:
            at = code.find(word)
            while at != -1:
                spans.append((at, at + len(word)))
                at = code.find(word, at + 1)
        spans.sort()
        return [a for a, _ in spans], [b for _, b in spans]

    def code(self, module: cst.Module) -> str:
        """``module.code`` for a rewrite of the mapped module: a statement the rewrite kept (the
        same object, at the same indentation) is copied from the recorded tokens, not printed
        again (``codemods.engine.verbatim``)."""
        if self._indents is None:
            self._indents = statement_indents(self.module)
        module = with_verbatim(module, self.module, self._indents, self._recorded)
        state = _PlainState(default_indent=module.default_indent, default_newline=module.default_newline)
        module._codegen(state)
        return "".join(state.tokens)

    def _recorded(self, node: cst.CSTNode) -> list[str] | None:
        start = self._starts.get(id(node))
        return None if start is None else self._tokens[start:self._ends[id(node)]]

    def position(self, node: cst.CSTNode) -> tuple[int, int]:
        """(1-based line, 1-based column) where the node's code starts; (0, 0) if unknown."""
        start = self._starts.get(id(node))
        return (0, 0) if start is None else self._line_column(start)

    def syntactic_position(self, node: cst.CSTNode) -> tuple[int, int]:
        """Where libcst's ``PositionProvider`` says the node starts, without its codegen pass:
        inside the parentheses around an expression; at the ``def``/``class`` keyword of a
        definition, after its decorators and the comment lines above it."""
        if isinstance(node, (cst.FunctionDef, cst.ClassDef)):
            line, column = self.position(node.name)
            if isinstance(node, cst.FunctionDef):
                column -= len("def") + len(self.text(node.whitespace_after_def))
                if node.asynchronous is not None:
                    column -= len("async") + len(self.text(node.asynchronous.whitespace_after))
            else:
                column -= len("class") + len(self.text(node.whitespace_after_class))
            return (line, column) if line else (0, 0)
        lpar = getattr(node, "lpar", None)
        if lpar and id(lpar[-1]) in self._ends:
            return self._line_column(self._ends[id(lpar[-1])])
        return self.position(node)

    def _line_column(self, token: int) -> tuple[int, int]:
        if self._offsets is None:
            self._index_lines()
        offset = self._offsets[token]
        line = bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def _index_lines(self) -> None:
        offsets = [0, *accumulate(map(len, self._tokens))]
        code = self._code = "".join(self._tokens)
        line_starts, at = [0], code.find("\n")
        while at != -1:
            line_starts.append(at + 1)
            at = code.find("\n", at + 1)
        self._offsets, self._line_starts = offsets, line_starts


class _CommentFinder(Visitor):
    found = False

    def on_visit(self, node: cst.CSTNode) -> bool:
        if isinstance(node, cst.Comment):
            self.found = True
        return not self.found


def has_comment(node: cst.CSTNode) -> bool:
    """A comment anywhere inside ``node``: ``libcst.matchers.findall`` without its import,
    which costs every worker process about 0.3 s."""
    finder = _CommentFinder()
    node.visit(finder)
    return finder.found


def has_comment_in(node: cst.CSTNode, texts: "SourceMap") -> bool:
    """A comment inside ``node`` (the cheap text test first: most calls have no ``#`` at all)."""
    return "#" in texts.text(node) and has_comment(node)


class _Collector(Visitor):
    def __init__(self, types: tuple[type, ...]) -> None:
        super().__init__()
        self.types = types
        self.found: list[cst.CSTNode] = []

    def on_visit(self, node: cst.CSTNode) -> bool:
        if isinstance(node, self.types):
            self.found.append(node)
        return True


def nodes_of(node: cst.CSTNode, *types: type) -> list[cst.CSTNode]:
    """Every node of one of ``types`` inside ``node`` (itself included), in source order."""
    collector = _Collector(types)
    node.visit(collector)
    return collector.found


class Pruning:
    """Mixin for visitors/transformers: skip any statement or expression whose text
    mentions none of ``words``, as if it were not there: neither its ``visit_`` nor its
    ``leave_`` hook runs (libcst would still call ``leave_``), nor any of its children's.

    Set ``self.texts`` (a ``SourceMap`` of the original module) and ``self.words``.
    An unrelated class or function is skipped whole, and so is an unrelated argument
    or literal inside a relevant statement; nodes a previous pass left untouched are
    still the same objects, so later passes find them in the map.
    """

    #: None: nothing is skipped.
    texts: SourceMap | None = None
    words: tuple[str, ...] = ()
    #: What may be skipped: statements and expressions (``StatementPruning``: statements only).
    prunable: tuple[type, ...] = _PRUNABLE
    #: The node just skipped: libcst calls ``on_leave`` for it next, with no child between.
    _skipped: cst.CSTNode | None = None

    #: Node type -> is it one of ``prunable``? (libcst's node classes are ABCs, whose
    #: ``isinstance`` is slow, and this is asked for every node.) One per class.
    _is_prunable: dict[type, bool] = {}

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        cls._is_prunable = {}

    def on_visit(self, node: cst.CSTNode) -> bool:
        # A node a transform rebuilt is not in the map: descend into it rather than
        # generate its code; its unchanged children are found in the map again.
        texts = self.texts
        if texts is not None:
            node_type = type(node)
            prunable = self._is_prunable.get(node_type)
            if prunable is None:
                prunable = self._is_prunable[node_type] = issubclass(node_type, self.prunable)
            if prunable and texts.known(node) and not self.relevant(node):
                self._skipped = node
                return False
        return super().on_visit(node)  # type: ignore[misc]

    def on_leave(self, original_node: cst.CSTNode, *updated):
        if original_node is self._skipped:
            self._skipped = None
            return updated[0] if updated else None
        return super().on_leave(original_node, *updated)  # type: ignore[misc]

    def prune_words(self) -> tuple[str, ...]:
        return self.words

    def relevant(self, node: cst.CSTNode) -> bool:
        """May the walk need ``node`` (a mapped, prunable node)? By default: it mentions a word."""
        return self.texts.mentions(node, self.prune_words())


class StatementPruning(Pruning):
    """``Pruning`` of whole statements only: for a visitor that must see every expression of a
    statement that mentions a word (``len(x)`` inside ``assert len(x) == 8``, when the word is
    ``assert``)."""

    prunable = (cst.SimpleStatementLine, cst.BaseCompoundStatement)
