"""Carry out an ``ImportPlan``: put each scope's new import where it belongs.

In order of preference, a scope's import takes the place of an import line being
removed (inside its ``try`` if that is where it stood), joins an existing
``from <import_path> import ...`` line, or is a new line placed by ``placement``.
The lines removed are the recipes' call (``ImportRemoval``); a removed line's
comments stay (``line_removal``), and a ``try`` left guarding nothing is removed
or, when it now guards just the new import, unwrapped to that import.
"""

from __future__ import annotations

import libcst as cst

from codemods.engine.dispatch import Transformer
from codemods.core.file_transform import ImportRemoval

from codemods.engine.imports.line_removal import Placeholders, comments, comments_inside, splice_block, splice_module
from codemods.engine.imports.placement import import_line, insert_import, merge_names
from codemods.engine.imports.scopes import ImportPlan
from codemods.engine.pruning import Pruning, SourceMap


def _only_pass(body: cst.BaseSuite) -> bool:
    return isinstance(body, cst.IndentedBlock) and all(
        isinstance(stmt, cst.SimpleStatementLine) and all(isinstance(s, cst.Pass) for s in stmt.body)
        for stmt in body.body
    )


class ImportFixer(Pruning, Transformer):
    """Removes the import lines ``removal`` drops and adds the imports ``plan`` asks for."""

    def __init__(self, plan: ImportPlan, texts: SourceMap, removal: ImportRemoval | None = None) -> None:
        super().__init__()
        self.plan = plan
        self.texts = texts
        self.removal = removal or ImportRemoval()
        # A function that gets an import mentions its names (a rewritten one is entered anyway).
        names = set().union(*(t.names for t in plan.functions.values()))
        self.words = tuple(sorted({*self.removal.words, *names, plan.import_path}))
        self._lines = plan.by_line()
        self.removed = Placeholders()
        #: New import lines put in place of removed ones (a try holding only one of them is unwrapped).
        self._replacements: set[int] = set()
        self._emptied: set[int] = set()  # original blocks whose every statement was removed
        self._try_changed: list[bool] = []

    # ----------------------------------------------------------- lines
    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> bool:
        return False  # everything happens at the statement level

    def leave_SimpleStatementLine(self, original_node, updated_node):
        target = self._lines.get(id(original_node))
        line = self.removal.prune_line(updated_node)  # a slot is removed too: the policy notes what went
        if target is not None and target.slot == id(original_node):
            self._changed()
            trailing = original_node.trailing_whitespace
            if "E402" not in (trailing.comment.value if trailing.comment else ""):
                # keep that line's own newline (CRLF in a mixed file), not its comment (but a linter
                # exemption for an import below a bootstrap still holds)
                trailing = cst.TrailingWhitespace(newline=trailing.newline)
            new = import_line(self.plan.import_path, target.names).with_changes(
                leading_lines=original_node.leading_lines, trailing_whitespace=trailing)
            self._replacements.add(id(new))
            return new
        if line is None:
            self._changed()
            return self.removed.make(original_node.leading_lines)
        if line is not updated_node:
            self._changed()
        if target is not None and target.merge == id(original_node):
            line = merge_names(line, target.names)
        return line

    def _changed(self) -> None:
        if self._try_changed:
            self._try_changed[-1] = True

    # ----------------------------------------------------------- blocks
    def leave_IndentedBlock(self, original_node, updated_node):
        target = self.plan.functions.get(id(original_node))
        if target is not None and target.inserts:
            updated_node = updated_node.with_changes(
                body=insert_import(updated_node.body, target, self.plan.import_path, self.texts, module=False))
        block = splice_block(updated_node, self.removed)
        if all(stmt in self.removed for stmt in updated_node.body):
            self._emptied.add(id(original_node))
        return block

    def leave_Module(self, original_node, updated_node):
        target = self.plan.module
        if target is not None and target.inserts:
            updated_node = updated_node.with_changes(
                body=insert_import(updated_node.body, target, self.plan.import_path, self.texts, module=True))
        return splice_module(updated_node, self.removed)

    def visit_Try(self, node: cst.Try) -> None:
        self._try_changed.append(False)

    def leave_Try(self, original_node, updated_node):
        changed = self._try_changed.pop()
        if self._try_changed and changed:
            self._try_changed[-1] = True
        if not changed or updated_node.orelse is not None or updated_node.finalbody is not None:
            return updated_node
        handlers_empty = all(_only_pass(h.body) for h in updated_node.handlers)
        handler_comments = [line for h in updated_node.handlers for line in comments_inside(h)]
        if _only_pass(updated_node.body) and handlers_empty:  # it guards nothing any more
            kept = [*original_node.leading_lines, *comments_inside(updated_node.body), *handler_comments]
            return self.removed.make(kept)
        body = updated_node.body.body if isinstance(updated_node.body, cst.IndentedBlock) else ()
        emptied = all(id(h.body) in self._emptied for h in original_node.handlers)
        if len(body) == 1 and id(body[0]) in self._replacements and handlers_empty and emptied:
            # every branch imported the removed API: the new import needs no fallback
            new = body[0]
            return new.with_changes(leading_lines=[
                *original_node.leading_lines, *comments(new.leading_lines), *handler_comments])
        return updated_node


def add_planned_imports(module: cst.Module, plan: ImportPlan, texts) -> cst.Module:
    """Carry out a plan that removes nothing. When every import goes on the top level (the
    common case) that is an edit of the module's statement list, not a pass over the tree."""
    if plan.functions or (plan.module is not None and plan.module.slot is not None):
        return module.visit(ImportFixer(plan, texts))
    target = plan.module
    if target is None:
        return module
    if target.merge is not None:
        body = [merge_names(s, target.names) if id(s) == target.merge else s for s in module.body]
    else:
        body = insert_import(module.body, target, plan.import_path, texts, module=True)
    return module.with_changes(body=body)
