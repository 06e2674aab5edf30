"""Comments inside a rewritten call: moved above the statement, never lost.

``G.generate_base_id(  # why\n    "x")`` becomes the manager call with ``# why`` on its own line
above the statement, at the statement's indentation. A comment the rewrite carries over (inside
an argument that is passed on as it is) stays where it is. A call in the header of a compound
statement (``if``, ``for``, ``def`` ...) has no line of its own above it here: such a site stays
manual (IDM009).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import libcst as cst

from codemods.core.decision import Decision
from codemods.core.recipes import RULES
from codemods.core.safety import Safety
from codemods.engine.pruning import nodes_of

HOISTED = "IDM017"


def comments_in(node: cst.CSTNode) -> list[str]:
    return [c.value for c in nodes_of(node, cst.Comment)]


def lost_comments(original: cst.CSTNode, replacement: cst.CSTNode | None) -> list[str]:
    """The comments of ``original`` that ``replacement`` does not carry, in source order."""
    kept = Counter(comments_in(replacement)) if replacement is not None else Counter()
    lost = []
    for text in comments_in(original):
        if kept[text]:
            kept[text] -= 1
        else:
            lost.append(text)
    return lost


def hoisted(decision: Decision) -> Decision:
    """At most ``format`` (the moved comment is worth a look); the reason names the rule that applied."""
    return replace(decision, code=HOISTED, safety=Safety.FORMAT,
                   reason=f"{decision.reason} (rule {decision.code}); {RULES[HOISTED].why}")


def above(line: cst.SimpleStatementLine, comments: list[str]) -> cst.SimpleStatementLine:
    """``line`` with ``comments`` as own-line comments right above it."""
    if not comments:
        return line
    moved = [cst.EmptyLine(indent=True, comment=cst.Comment(text)) for text in comments]
    return line.with_changes(leading_lines=[*line.leading_lines, *moved])


class CommentHoist:
    """The transformer's part: which statement line the walk is in, and what moves above it."""

    def __init__(self) -> None:
        #: Comments to put above the current simple statement line; None outside one (a header).
        self.pending: list[str] | None = None

    def enter_line(self) -> None:
        self.pending = []

    def leave_line(self, result):
        """``result`` (a line or a ``FlattenSentinel`` of lines) with the pending comments above its first line."""
        pending, self.pending = self.pending or [], None
        if not pending:
            return result
        if isinstance(result, cst.FlattenSentinel):
            lines = list(result.nodes)
            return cst.FlattenSentinel([above(lines[0], pending), *lines[1:]])
        return above(result, pending)

    def decide(self, original: cst.CSTNode, decision: Decision, has_comment: bool) -> Decision:
        """An applied rewrite of a call with comments inside: they move above the statement, or,
        in a compound statement's header, the site stays manual."""
        if decision.node is None or not has_comment:
            return decision
        lost = lost_comments(original, decision.node)
        if not lost:
            return decision
        if self.pending is None:
            return Decision.manual("IDM009", latent="open" if decision.latent else "")
        self.pending.extend(lost)
        return hoisted(decision)
