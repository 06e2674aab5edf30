"""The walk both uuid recipes share: every ``uuid4()`` call is analysed in place (``sites``), the
recipe's policy decides the site, and this class records the finding and swaps the expression.

Where the value goes is read off the file's stdlib ``ast`` (``codemods.uuid_ids.flow``): the
engine parsed it already, and it holds every statement, while the libcst module may hold only
the statements that mention uuid. A site is matched to its ``ast`` call by line and column.

Positions are the ones libcst's ``PositionProvider`` gives, read off the engine's ``SourceMap``
(``syntactic_position``) without the metadata's extra codegen pass: a custom generator function
(IDM120) is reported where its ``def`` keyword stands, after its decorators and the comment lines
above it. Like the generator's transformer, the walk skips every statement and expression that
mentions no name reaching ``uuid4`` (``Pruning``): it cannot hold a site. Needed manager names
are read off the replacement node (a tree walk), not its text like the generator does: the node
holds prefixes copied from user literals, whose text may spell a manager name. A uuid import
is dropped in ``finish`` when its scope lost its last use (``uuid_names``), not through the
engine's ``ImportRemoval``: only comparing the tree before and after the rewrite tells.
"""

from __future__ import annotations

import libcst as cst

from codemods.engine.dispatch import Transformer
from codemods.core.decision import Decision
from codemods.core.file_transform import FileContext, FileTransform
from codemods.core.findings import Finding
from codemods.engine.nodes import literal_text
from codemods.engine.pruning import Pruning, has_comment
from codemods.generator import builders
from codemods.generator.rules import RuleSet
from codemods.engine.scope_facts import FileFacts as ScopeFacts
from codemods.uuid_ids.flow.facts import FileFacts, build_facts
from codemods.uuid_ids.flow.reach import thread_in_reach
from codemods.uuid_ids.flow.model import Flow, Hit
from codemods.uuid_ids.flow.sinks import DERIVED, OUT, SECRET, UUID
from codemods.uuid_ids.flow.trace import trace
from codemods.uuid_ids.naming import (
    Typed, names_uuid, secret_word, type_from_literal, type_from_name, word_type, wrapper_subject,
)
from codemods.uuid_ids.sites import Site, add_chain, analyze
from codemods.uuid_ids.uuid_names import UuidNames, drop_dead_uuid_imports
from codemods.uuid_ids.uuid_rules import ADHOC, RUN_WORDS, SHORT_WHY, UUID_RULES

#: A site whose flow could not be matched is kept: nothing is known about where it goes.
_UNKNOWN = Flow((Hit(OUT, "a place the analysis could not follow", 0),))


def uuid_manual(code: str, suggestion: str = "", detail: str = "") -> Decision:
    """A manual decision with the row's reason (plus ``detail``) and suggestion ("": the row's)."""
    rule = UUID_RULES[code]
    head = SHORT_WHY.get(code, rule.why)
    return Decision.manual(code, f"{head}: {detail}" if detail else head, suggestion or rule.suggestion)


def resolve(site: Site, rules: RuleSet, *, with_fallback: bool) -> Typed | None:
    """The IDType (and prefix) of a site: its typed wrapper, else its name, else its prefix; None if
    nothing says (or a wrapper names a type the manager lacks)."""
    if site.wrapper:
        by_wrapper = type_from_name(wrapper_subject(site.wrapper), rules, with_fallback=False)
        if by_wrapper is None:
            return None
        how = f"the wrapper {site.wrapper}(...) says {by_wrapper.id_type}"
        if site.shape == "fstring_computed":
            return Typed(by_wrapper.id_type, None, how + "; f-string prefix kept", site.prefix_node, by_wrapper.word)
        text = site.prefix_text
        same = bool(text) and (text == by_wrapper.id_type or rules.aliases.get(text) == by_wrapper.id_type)
        keep = text if text and (not same or rules.keep_prefix) else None
        return Typed(by_wrapper.id_type, keep, how + (f"; prefix {keep!r} kept" if keep else ""), word=by_wrapper.word)
    if site.shape == "fstring_computed":
        by_name = type_from_name(site.name, rules, with_fallback=False)
        if by_name is not None:
            return Typed(by_name.id_type, None, f"{by_name.how}; f-string prefix kept", site.prefix_node,
                         by_name.word)
        for word in site.head_words:
            found = word_type(word, rules)
            if found:
                return Typed(found, None, f"the word {word!r} of the f-string prefix says {found}; f-string kept",
                             site.prefix_node, word)
        return Typed(rules.fallback_type, None, "the f-string prefix names no type: the fallback type",
                     site.prefix_node)
    if site.prefix_text:
        return type_from_literal(site.prefix_text, site.name, rules)
    return type_from_name(site.name, rules, with_fallback=with_fallback)


def prefix_expr(site: Site, typed: Typed) -> cst.BaseExpression | None:
    if typed.prefix_node is not None:
        return typed.prefix_node
    if typed.prefix is not None:
        return cst.SimpleString(f"{site.quote}{typed.prefix}{site.quote}")
    return None


def computed_suggestion(site: Site, module: cst.Module) -> str:
    """``get_id_manager().generate_id(IDType.<TYPE>, prefix=<the computed prefix>)``."""
    operands = add_chain(site.prefix_node) if site.prefix_node is not None else []
    if operands and (literal_text(operands[-1]) or "x").strip("_-") == "":
        operands = operands[:-1]  # the separator the manager adds itself
    prefix = " + ".join(module.code_for_node(op) for op in operands) or "<prefix>"
    return f"get_id_manager().generate_id(IDType.<TYPE>, prefix={prefix})"


class _AncestorWalk(FileTransform, Transformer):
    """The walk under ``Pruning``: the stack of ancestors of the node being visited."""

    def on_visit(self, node: cst.CSTNode) -> bool:
        self._stack.append(node)
        if self.names.is_uuid4_call(node):
            self._site_at_call()
        return super().on_visit(node)

    def on_leave(self, original_node, updated_node):
        result = super().on_leave(original_node, updated_node)
        self._stack.pop()
        found = self._sites.get(id(original_node))
        if found is not None and found[1].node is not None:
            new = found[1].node
            return new.with_changes(lpar=updated_node.lpar, rpar=updated_node.rpar)
        return result


class UuidSiteTransformer(Pruning, _AncestorWalk):
    """Walks the tree keeping its ancestor stack; every ``uuid4()`` call is analysed in place.

    Subclasses decide a site (``decide``) with the shared checks below; this class records findings,
    swaps the root expression for the decided node and drops uuid imports that lost their last use.
    """

    RECIPE = ADHOC
    #: The recipe's code for each shared verdict: secret, uuid, out, derived, run, no_thread, wrapper,
    #: named_uuid, comment, other, computed.
    CODES: dict[str, str] = {}

    def __init__(self, context: FileContext, names: UuidNames) -> None:
        super().__init__()
        self.module = context.module
        self.rules = context.rules
        self.path = context.path
        self.names = names
        self._context = context
        self.texts = context.texts  # for Pruning and positions: a map of context.module
        self.words = tuple(sorted(names.all))
        self._facts: FileFacts | None = None
        self._scope: ScopeFacts | None = None
        self._stack: list[cst.CSTNode] = []
        self._sites: dict[int, tuple[Site, Decision]] = {}
        #: Review decisions by (original line, column) and the line mapping, set by the recipe.
        self.overrides: dict = {}
        self.original_line = int

    def apply(self, module: cst.Module) -> cst.Module:
        assert self.texts.module is module, "positions come from the map of the module walked"
        return module.visit(self)

    # ---------------------------------------------------------------- walk
    def _site_at_call(self) -> None:
        analysed = analyze(self._stack, self.names)
        if analysed is None:
            return
        site, index = analysed
        if id(site.root) in self._sites:
            return
        site.call = self._stack[-1]
        line, column = self.texts.syntactic_position(site.call)
        line_of = self._context.original_line or int  # None: the module is the whole file
        site.line, site.column = line_of(line), column
        decision = self.decide(site, self._stack[:index + 1])
        if decision is None:
            return
        member = UUID_RULES[decision.code].member
        decision = self._reviewed(site.root, decision)
        self._sites[id(site.root)] = (site, decision)
        after = decision.suggestion
        if decision.node is not None:
            after = self.module.code_for_node(decision.node)
            self.state.needed_names |= builders.names_used(decision.node)
        self.record(site.root, member, decision, after)

    # ------------------------------------------------------------ the flow
    @property
    def facts(self) -> FileFacts:
        if self._facts is None:
            self._facts = build_facts(self._context.statements, self._context.source, self.names)
        return self._facts

    def ast_call(self, site: Site):
        return self.facts.uuid_call_at(site.line, site.column) if site.line else None

    def flow_of(self, site: Site) -> Flow:
        call = self.ast_call(site)
        return trace(self.facts, call) if call is not None else _UNKNOWN

    def keep_first(self, site: Site, flow: Flow) -> Decision | None:
        """The checks both recipes make before typing a site: a secret, a value named a UUID, one
        that must stay a UUID or leaves the process, a comment inside, a shape no rewrite fits."""
        kept = self.keep_secret(site, flow)
        if kept is None and not site.prefixed and names_uuid(site.name):
            kept = uuid_manual(self.CODES["named_uuid"])
        kept = kept or self.keep_uuid(flow)
        if kept is not None:
            return kept
        if has_comment(site.root):
            return uuid_manual(self.CODES["comment"])
        if site.problem == "other":
            return uuid_manual(self.CODES["other"])
        if site.problem == "computed":
            return uuid_manual(self.CODES["computed"], computed_suggestion(site, self.module))
        return None

    def keep_secret(self, site: Site, flow: Flow) -> Decision | None:
        """A secret by its prefix, its name or where it goes: never rewritten."""
        for text in (site.prefix_text, *site.head_words):
            word = secret_word(text)
            if word:
                return uuid_manual(self.CODES[SECRET], "", f"its prefix {text!r} says {word}")
        hit = flow.first(SECRET)
        return uuid_manual(self.CODES[SECRET], "", hit.describe()) if hit else None

    def keep_uuid(self, flow: Flow) -> Decision | None:
        """The value must stay a UUID, or leaves the process."""
        for kind in (UUID, OUT):
            hit = flow.first(kind)
            if hit:
                return uuid_manual(self.CODES[kind], "", hit.describe())
        return None

    def keep_text(self, flow: Flow) -> Decision | None:
        hit = flow.first(DERIVED)
        return uuid_manual(self.CODES[DERIVED], "", hit.describe()) if hit else None

    def untyped_wrapper(self, site: Site) -> Decision | None:
        if site.wrapper and type_from_name(wrapper_subject(site.wrapper), self.rules, with_fallback=False) is None:
            return uuid_manual(self.CODES["wrapper"], "", f"{site.wrapper}(...) names no IDType")
        return None

    def run_id(self, site: Site, typed: Typed) -> Decision | None:
        """A run ID embeds its thread: ``generate_run_id(<thread in reach>)``, else manual."""
        if typed.word not in RUN_WORDS:
            return None
        call = self.ast_call(site)
        if call is not None and self._scope is None:
            self._scope = ScopeFacts(self._context.statements, self._context.lines)
        thread, why_not = thread_in_reach(self._scope, self.facts, call) if call is not None else (None, "")
        if thread is None:
            return uuid_manual(self.CODES["no_thread"], "", f"{typed.how}; {why_not}" if why_not else typed.how)
        dropped = f"; prefix {typed.prefix!r} dropped" if typed.prefix else ""
        return Decision.format(self.CODES["run"], f"{typed.how}: the run ID embeds {thread.expr}{dropped}",
                               builders.run_id_call(cst.parse_expression(thread.expr), thread.may_be_none))

    # -------------------------------------------------------------- helpers
    def _reviewed(self, node: cst.CSTNode, decision: Decision) -> Decision:
        """``decision`` as a reviewer's ``reject`` or ``type`` for this site changes it."""
        from codemods.engine.review import reviewed

        return reviewed(self, node, "", (), decision, self.texts.syntactic_position)

    def decision_for(self, root: cst.CSTNode) -> Decision | None:
        """What was decided for the site whose root expression is ``root`` (an original node)."""
        found = self._sites.get(id(root))
        return found[1] if found is not None else None

    def record(self, node: cst.CSTNode, member: str, decision: Decision, suggestion: str,
               before: str | None = None) -> None:
        """A finding at ``node``'s position; ``before`` defaults to the node's own code."""
        line, column = self.texts.syntactic_position(node)
        if before is None:
            before = self.module.code_for_node(node).strip()
            if len(before) > 160:
                before = before[:157] + "..."
        self.state.findings.append(Finding(
            line, column, member, decision.code, decision.safety, decision.reason,
            suggestion, "", before, recipe=self.RECIPE,
        ))

    def build(self, site: Site, typed: Typed) -> cst.BaseExpression:
        return builders.manager_generate_id(typed.id_type, prefix_expr(site, typed))

    @property
    def applied(self) -> bool:
        return any(d.node is not None for _, d in self._sites.values())

    def finish(self, module: cst.Module) -> cst.Module:
        if not self.applied:
            return module
        return drop_dead_uuid_imports(self.module, module, self.names.all, self.texts)  # self.module: the original

    # -------------------------------------------------------------- policy
    def decide(self, site: Site, ancestors: list[cst.CSTNode]) -> Decision | None:
        raise NotImplementedError
