"""The edits ``tracker`` decided: ``UnifiedIdGenerator()`` -> ``get_id_manager()``, and unread
assignments removed.

Runs on the module the walk just produced and finds the calls it was given by identity.
A removed statement's comments (the lines above it and the one at its end) stay where it
stood, on the next statement, or in the block's footer; a block left empty gets ``pass``.
"""

from __future__ import annotations

from typing import Sequence

import libcst as cst

from codemods.engine.dispatch import Transformer
from codemods.engine.pruning import Pruning, SourceMap
from codemods.generator.bindings import Bindings


def _comment_lines(statement: cst.SimpleStatementLine) -> list[cst.EmptyLine]:
    """The lines to keep from a removed statement: none without a comment, else its leading lines
    (blank ones too: they separate the comments from what stood above) and its end-of-line comment."""
    comment = statement.trailing_whitespace.comment
    if comment is None and not any(line.comment for line in statement.leading_lines):
        return []
    own = [cst.EmptyLine(indent=True, comment=comment)] if comment is not None else []
    return [*statement.leading_lines, *own]


class _Edit(Pruning, Transformer):
    def __init__(self, replace: Sequence[cst.Call], remove: Sequence[cst.Call], bindings: Bindings,
                 texts: SourceMap) -> None:
        super().__init__()
        self.replace = {id(node) for node in replace}
        self.remove = {id(node) for node in remove}
        self.b = bindings
        self.texts = texts
        self.words = tuple(sorted({ref.split(".")[0] for ref in bindings.class_refs}))

    def leave_Call(self, original_node, updated_node):
        if id(original_node) in self.replace:
            return cst.Call(func=cst.Name("get_id_manager"), lpar=updated_node.lpar, rpar=updated_node.rpar)
        return updated_node

    def _removed(self, small: cst.BaseSmallStatement) -> bool:
        return isinstance(small, (cst.Assign, cst.AnnAssign)) and id(small.value) in self.remove

    def _filter_line(self, original: cst.BaseStatement, updated: cst.BaseStatement) -> list[cst.BaseStatement]:
        """[] when the whole line goes, else the line (less any removed small statement)."""
        if not isinstance(original, cst.SimpleStatementLine):
            return [updated]
        keep = [new for old, new in zip(original.body, updated.body) if not self._removed(old)]
        if len(keep) == len(updated.body):
            return [updated]
        if not keep:
            return []
        keep[-1] = keep[-1].with_changes(semicolon=cst.MaybeSentinel.DEFAULT)
        return [updated.with_changes(body=keep)]

    def _rebuild(self, original_body, updated_body) -> tuple[list[cst.BaseStatement], list[cst.EmptyLine]] | None:
        """The body without removed statements and the comment lines left over at its end; None
        when nothing in it was removed."""
        if not any(self._removed(small) for line in original_body if isinstance(line, cst.SimpleStatementLine)
                   for small in line.body):
            return None
        body: list[cst.BaseStatement] = []
        carried: list[cst.EmptyLine] = []
        first_removed = False
        for index, (old, new) in enumerate(zip(original_body, updated_body)):
            kept = self._filter_line(old, new)
            if not kept:
                carried += _comment_lines(new)
                first_removed = first_removed or not body
                continue
            statement = kept[0]
            if carried or (first_removed and not body):
                # a block does not open with the blank lines that separated it from the removed line
                own = list(statement.leading_lines)
                if not carried:
                    own = [line for line in own if line.comment] if not body else own
                statement = statement.with_changes(leading_lines=[*carried, *own])
                carried = []
            body.append(statement)
        return body, carried

    def leave_IndentedBlock(self, original_node, updated_node):
        rebuilt = self._rebuild(original_node.body, updated_node.body)
        if rebuilt is None:
            return updated_node
        body, carried = rebuilt
        if not body:
            return updated_node.with_changes(body=[cst.SimpleStatementLine([cst.Pass()], leading_lines=carried)])
        return updated_node.with_changes(body=body, footer=[*carried, *updated_node.footer])

    def leave_SimpleStatementSuite(self, original_node, updated_node):
        keep = [new for old, new in zip(original_node.body, updated_node.body) if not self._removed(old)]
        if len(keep) == len(updated_node.body):
            return updated_node
        if not keep:
            return updated_node.with_changes(body=[cst.Pass()])
        keep[-1] = keep[-1].with_changes(semicolon=cst.MaybeSentinel.DEFAULT)
        return updated_node.with_changes(body=keep)

    def leave_Module(self, original_node, updated_node):
        rebuilt = self._rebuild(original_node.body, updated_node.body)
        if rebuilt is None:
            return updated_node
        body, carried = rebuilt
        return updated_node.with_changes(body=body, footer=[*carried, *updated_node.footer])


def apply_edits(module: cst.Module, replace: Sequence[cst.Call], remove: Sequence[cst.Call],
                bindings: Bindings, texts: SourceMap) -> cst.Module:
    """``texts``: the map of the module the walk started from (statements it left alone are in it)."""
    return module.visit(_Edit(replace, remove, bindings, texts))
