"""The one generic transformer: finds every generator usage and applies the rule table.

Per-site decisions live in ``calls`` (member calls) and ``user_context`` (the
tuple split); this class only walks the tree, keeps the little state that needs
a walk (which block we are in, which thread ID was made last, which nodes an
enclosing shape already handled) and records a ``Finding`` for every usage.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import libcst as cst

from codemods.engine.dispatch import Transformer
from codemods.core.decision import Decision
from codemods.core.findings import Finding
from codemods.core.file_transform import FileTransform
from codemods.core.recipes import RULES
from codemods.core.safety import Safety
from codemods.engine.nodes import dotted_name, literal_text
from codemods.engine.pruning import Pruning, SourceMap, has_comment_in
from codemods.engine.review import reviewed
from codemods.engine.wrapping import fit_statement, with_magic_comma
from codemods.generator import builders
from codemods.generator.bindings import THREAD_MAKERS, Bindings
from codemods.generator.calls import CallSite, manual_member, rewrite_call
from codemods.generator.imports import import_removal
from codemods.generator.instances.tracker import InstanceTracker
from codemods.generator.instances.walk import InstanceWalk
from codemods.generator.rules import GENERATOR_CLASS, RuleSet
from codemods.uuid_ids.paths import is_test_path
from codemods.engine.scope_facts import FileFacts
from codemods.generator.around.comments import CommentHoist
from codemods.generator.around.id_checks import GeneratorChecks
from codemods.generator.around.surroundings import THREAD_USERS, Surroundings
from codemods.generator.user_context import MEMBER as USER_CONTEXT
from codemods.generator.user_context.walk import UserContextWalk

_PATCH_FUNCS = ("patch", "mock.patch", "unittest.mock.patch", "mocker.patch")


@dataclass
class _Block:
    #: Dotted name of the last target assigned a fresh thread ID in this block.
    thread: str | None = None
    #: Columns of indentation of the block's statements.
    indent: int = 0


def _finding(member: str, decision: Decision, suggestion: str, before: str) -> Finding:
    """A finding without its position yet: ``apply`` fills it in after the walk."""
    return Finding(0, 0, member, decision.code, decision.safety, decision.reason, suggestion, decision.latent, before)


class MigrationTransformer(Pruning, FileTransform, InstanceWalk, UserContextWalk, Transformer):
    """Positions are resolved after the walk from the ``SourceMap`` (``apply``), not with metadata."""

    def __init__(self, bindings: Bindings, rules: RuleSet, module: cst.Module, texts: SourceMap | None = None,
                 facts: FileFacts | None = None, original_line=None, overrides=None, *, source: bytes | None = None,
                 path: str = "", checks: GeneratorChecks | None = None) -> None:
        super().__init__()
        self.overrides, self.original_line = overrides or {}, original_line or int  # see engine.review
        self.b = bindings
        self.rules = rules
        self.in_test = is_test_path(path)
        self.module = module
        self.texts = texts if texts is not None and texts.module is module else SourceMap(module)
        self.around = Surroundings(self.texts, facts, original_line, checks)
        #: A rewritten call in the current statement spanned lines: lay the statement out again.
        self._spread = False
        #: The current statement holds an applied rewrite (only such a statement is laid out) ...
        self._line_applied = False
        #: ... and the source text of the sites it leaves as they are (manual, rejected in review).
        self._line_kept: list[str] = []
        #: (call with a magic trailing comma, the same call without it) of the current statement.
        self._line_commas: list[tuple[cst.Call, cst.Call]] = []
        #: Source text of every usage left in place (manual): the generator names still referenced.
        self.kept_texts: list[str] = []
        self._blocks: list[_Block] = [_Block()]
        self._call_funcs: set[int] = set()
        self._handled: set[int] = set()  # nodes an enclosing shape or a finding already covers
        self.init_user_context()  # UserContextWalk
        self.hoist = CommentHoist()
        self._default_factory: set[int] = set()
        #: Instances and the bindings that hold them: decided in leave_Module (whole file: ``source``).
        self.instances = InstanceTracker(bindings, self.texts, module.code.encode() if source is None else source,
                                         path)
        self._reexports: list[tuple[cst.CSTNode, str]] = []  # (__all__ element, name)
        #: Finding index -> the original node it is about (positions come later).
        self._finding_nodes: list[cst.CSTNode] = []
        #: id() of a call value -> the name it is stored under (an assignment target, a keyword).
        self._value_names: dict[int, str] = {}
        #: A statement whose text mentions none of these is skipped unvisited.
        self.words = bindings.words(rules)

    def apply(self, module: cst.Module) -> cst.Module:
        module = module.visit(self)
        self._resolve_positions()
        return module

    def import_removal(self):
        return import_removal(self.b, self.rules.source_modules, self.kept_texts)

    # ----------------------------------------------------------------- helpers
    def _append(self, node: cst.CSTNode, finding: Finding) -> None:
        self.state.findings.append(finding)
        self._finding_nodes.append(node)
        if finding.safety is Safety.MANUAL:
            self.kept_texts.append(self.texts.text(node))

    def _resolve_positions(self) -> None:
        """Fill in line/column of every finding from the source map (no metadata pass)."""
        self.state.findings = [
            replace(f, line=line, column=column)
            for f, n in zip(self.state.findings, self._finding_nodes)
            for line, column in [self.texts.position(n)]
        ]

    def _code(self, node: cst.CSTNode) -> str:
        text = self.texts.text(node).strip()
        return text if len(text) <= 160 else text[:157] + "..."

    def _record(self, node: cst.CSTNode, member: str, decision: Decision, after: str | None = None) -> None:
        suggestion = decision.suggestion
        if decision.node is not None:
            suggestion = after if after is not None else self.module.code_for_node(decision.node)
            self.state.needed_names |= builders.names_in(suggestion)
            if "uuid4()" in suggestion:
                self.state.needed_from.setdefault("uuid", set()).add("uuid4")
        self._append(node, _finding(member, decision, suggestion, self._code(node)))
        self.instances.site(node, applied=decision.safety is not Safety.MANUAL)
        if decision.node is not None:
            self._line_applied = True
        else:
            self._line_kept.append(self.texts.text(node).strip())

    # ------------------------------------------------------------------ blocks
    def visit_IndentedBlock(self, node: cst.IndentedBlock) -> None:
        indent = node.indent if node.indent is not None else self.module.default_indent
        self._blocks.append(_Block(indent=self._blocks[-1].indent + len(indent.expandtabs())))

    def leave_IndentedBlock(self, original_node, updated_node):
        self._blocks.pop()
        return updated_node

    def visit_Import(self, node: cst.Import) -> bool:
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        return False

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        self._handled.add(id(node.target))

    def _name_value(self, target: cst.BaseExpression | None, value: cst.BaseExpression | None) -> None:
        name = dotted_name(target) if target is not None else None
        if name is not None and value is not None:
            self._value_names[id(value)] = name.rsplit(".", 1)[-1]

    def visit_Assign(self, node: cst.Assign) -> None:
        """``__all__ = ["UnifiedIdGenerator", ...]``: a re-export, decided in leave_Module."""
        self.instances.bind_assignment([t.target for t in node.targets], node.value)
        target = node.targets[0].target if len(node.targets) == 1 else None
        self._name_value(target, node.value)
        if not (isinstance(target, cst.Name) and target.value == "__all__"):
            return
        if isinstance(node.value, (cst.List, cst.Tuple)):
            for element in node.value.elements:
                text = literal_text(element.value)
                if text in self.b.imported_names:
                    self._reexports.append((element.value, text))

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._handled.add(id(node.target))
        self._name_value(node.target, node.value)
        if node.value is not None:
            self.instances.bind_assignment([node.target], node.value)

    # ------------------------------------------------------ statement shapes
    def prune_words(self) -> tuple[str, ...]:
        thread = self._blocks[-1].thread
        words = self.words if thread is None else (*self.words, thread)
        return (*words, *self.tuple_words) if self.tuple_words else words

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> bool:
        self._spread, self._line_applied, self._line_kept, self._line_commas = False, False, [], []
        self.hoist.enter_line()
        self.around.note_assignment(node)
        if len(node.body) == 1 and isinstance(node.body[0], cst.Assign) and isinstance(node.body[0].value, cst.Call):
            access = self.b.member_access(node.body[0].value.func)
            if access is not None and access[0] == USER_CONTEXT:
                self.note_user_context(node, node.body[0])  # UserContextWalk
        return True

    def leave_SimpleStatementLine(self, original_node, updated_node):
        block = self._blocks[-1]
        replaced = self.leave_user_context(original_node, updated_node, block)  # UserContextWalk
        if replaced is not None:
            return self.hoist.leave_line(replaced)
        self._track_thread(original_node, block)
        if updated_node is not original_node and self._line_applied:
            updated_node = self._lay_out(updated_node, block, self._spread)
        return self.hoist.leave_line(updated_node)

    def _lay_out(self, line: cst.SimpleStatementLine, block: _Block, force: bool) -> cst.SimpleStatementLine:
        """Black's layout of a statement with an applied rewrite, unless that would change the text of a
        site it leaves as it is: then the statement keeps its own layout (and may run over the limit)."""
        laid_out = fit_statement(line, self.module, block.indent, self.rules.line_length, force)
        if laid_out is line or not self._line_kept:
            return laid_out
        code = self.module.code_for_node(laid_out)
        if all(kept in code for kept in self._line_kept):
            return laid_out
        for spread, plain in self._line_commas:  # no layout: no magic comma left on one line
            line = line.deep_replace(spread, plain)
        return line

    def _track_thread(self, line: cst.SimpleStatementLine, block: _Block) -> None:
        """Remember ``x = <thread id>``; forget it when ``x`` is reassigned to something else."""
        if len(line.body) != 1 or not isinstance(line.body[0], cst.Assign):
            return
        assign = line.body[0]
        if len(assign.targets) != 1:
            return
        target = dotted_name(assign.targets[0].target)
        if target is None:
            return
        if self._makes_thread_id(assign.value):
            block.thread = target
        elif block.thread == target:
            block.thread = None

    def _makes_thread_id(self, value: cst.BaseExpression) -> bool:
        """A call that makes a fresh thread ID: the manager's, a latent one, or ``base_id("thread")``."""
        if not isinstance(value, cst.Call) or not isinstance(value.func, cst.Attribute):
            return False
        if value.func.attr.value in THREAD_MAKERS:
            return True
        access = self.b.member_access(value.func)
        if access is None or access[0] != "generate_base_id":
            return False
        prefix = next(
            (a.value for a in value.args if a.keyword is None or a.keyword.value == "prefix"), None
        )
        return prefix is not None and literal_text(prefix) == "thread"

    # ----------------------------------------------------------------- calls
    def visit_Call(self, node: cst.Call) -> None:
        self.around.enter_call(node)
        self._call_funcs.add(id(node.func))
        if self.b.is_instantiation(node):
            self._handled.add(id(node.func))
            return
        helper = self.b.helper_for(node.func)
        if helper is not None:
            self._handled.add(id(node.func))
        func_name = dotted_name(node.func) or ""
        if func_name.endswith("patch.object") and node.args and self.b.is_class_ref(node.args[0].value):
            self._handled.add(id(node.args[0].value))
            self._record(node, "patch.object", Decision.manual("IDM071"))
        elif func_name in _PATCH_FUNCS or func_name.endswith(".patch"):
            for arg in node.args:
                text = literal_text(arg.value)
                if text and self._names_generator(text):
                    self._record(arg.value, "mock.patch", Decision.manual("IDM070"))

    def _names_generator(self, text: str) -> bool:
        return GENERATOR_CLASS in text or any(text.startswith(mod + ".") for mod in self.rules.source_modules)

    def visit_Arg(self, node: cst.Arg) -> None:
        if node.keyword is not None:
            self._handled.add(id(node.keyword))
            self._name_value(node.keyword, node.value)
        if node.keyword is not None and node.keyword.value == "default_factory":
            self._default_factory.add(id(node.value))

    def leave_Call(self, original_node, updated_node):
        self.around.leave_call(original_node)
        if id(original_node) in self._handled:
            return updated_node
        func = original_node.func
        access = self.b.member_access(func)
        helper = self.b.helper_for(func)
        if access is not None:
            member = access[0]
        elif helper is not None:
            member = helper
        elif self.b.is_instantiation(original_node):
            self.instances.instantiation(original_node, updated_node, self._code(original_node))
            return updated_node
        else:
            return updated_node
        thread, problem = self.around.thread_for(original_node, self._blocks[-1].thread) \
            if member in THREAD_USERS else (None, "")
        decision = rewrite_call(CallSite(member, updated_node.args, self.rules, thread, problem, self.in_test,
                                            self._value_names.get(id(original_node))))
        decision = self.around.with_readers(decision, original_node)
        decision = reviewed(self, original_node, member, updated_node.args, decision)
        # last: only a rewrite that stands moves the call's comments above the statement
        decision = self.hoist.decide(original_node, decision, has_comment_in(original_node, self.texts))
        self._record(original_node, member, decision)
        if decision.node is None:
            return updated_node
        node = decision.node
        if isinstance(node, cst.Call) and "\n" in self.texts.text(original_node).strip():
            spread = with_magic_comma(node)  # a call that spanned lines keeps spanning them
            node, self._spread = spread, True
            if spread is not decision.node:
                plain = decision.node.with_changes(lpar=updated_node.lpar, rpar=updated_node.rpar)
                node = spread.with_changes(lpar=updated_node.lpar, rpar=updated_node.rpar)
                self._line_commas.append((node, plain))
                return node
        # keep parentheses the call was written in: `(G.generate_base_id("x"))`
        return node.with_changes(lpar=updated_node.lpar, rpar=updated_node.rpar)

    # ------------------------------------------------- references (no call)
    def visit_Attribute(self, node: cst.Attribute) -> None:
        self._handled.add(id(node.attr))
        if self.b.member_access(node) is not None or self.b.helper_for(node) is not None:
            self._handled.add(id(node.value))

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        super().visit_ClassDef(node)  # InstanceWalk: a class scope
        for base in node.bases:
            if self.b.is_class_ref(base.value):
                self._handled.add(id(base.value))
                self._record(base.value, f"class {node.name.value}", Decision.manual("IDM072"))

    def leave_Attribute(self, original_node, updated_node):
        if id(original_node) in self._call_funcs or id(original_node) in self._handled:
            return updated_node
        access = self.b.member_access(original_node)
        if access is not None:
            return self._reference(original_node, updated_node, access)
        helper = self.b.helper_for(original_node)
        if helper is not None:
            self._record(original_node, helper, manual_member(helper, self.rules))
        elif self.b.is_class_ref(original_node):
            self._record(original_node, GENERATOR_CLASS, Decision.manual("IDM073"))
        elif self.b.is_instance_ref(original_node):
            self.instances.escape(original_node)  # the instance escapes: keep it a generator
        else:
            self.instances.foreign_attribute(original_node)
        return updated_node

    def _reference(self, original, updated, access: tuple[str, bool]):
        member = access[0]
        rule = self.rules.members.get(member)
        if rule is not None and rule.kind == "manual":
            decision = manual_member(member, self.rules)
        elif id(original) in self._default_factory:
            made = rewrite_call(CallSite(member, (), self.rules))
            if made.node is not None:
                decision = Decision.by_rule(RULES["IDM075"], builders.zero_arg_lambda(made.node))
            else:
                decision = Decision.manual("IDM074")
        else:
            decision = Decision.manual("IDM074")
        decision = reviewed(self, original, member, (), decision)
        self._record(original, member, decision)
        return decision.node if decision.node is not None else updated

    def leave_Name(self, original_node, updated_node):
        if id(original_node) in self._handled or id(original_node) in self._call_funcs:
            return updated_node
        value = original_node.value
        if value in self.b.class_refs:
            self._record(original_node, GENERATOR_CLASS, Decision.manual("IDM073"))
        elif value in self.b.helper_refs:
            self._record(original_node, value, manual_member(self.b.helper_refs[value], self.rules))
        else:
            self.instances.escape(original_node)
        return updated_node

    # ------------------------------------------------------------------ end
    def leave_Module(self, original_node, updated_node):
        updated_node = self.decide_instances(updated_node)  # InstanceWalk
        self._decide_reexports()  # after the instances: a kept one still needs the generator
        return updated_node

    def _decide_reexports(self) -> None:
        """A re-export goes when nothing in the file still needs the generator."""
        if not self._reexports:
            return
        if any(f.safety is Safety.MANUAL for f in self.state.findings):
            decision = Decision.manual("IDM076", "the file still uses the generator, so the re-export stays")
        else:
            decision = Decision.by_rule(RULES["IDM076"])
        for node, name in self._reexports:
            self._append(node, _finding(f"__all__ {name}", decision, "remove the import and the __all__ entry", name))
