"""The walk both uuid recipes share: every ``uuid4()`` call is analysed in place (``sites``), the
recipe's policy decides the site, and this class records the finding and swaps the expression.

Positions come from libcst's ``PositionProvider``, not the engine's ``SourceMap`` the generator
uses: a custom generator function (IDM120) is reported where its ``def`` keyword stands, after
its decorators and the comment lines above it, which the metadata knows and the ``SourceMap``
(where a node's printed text starts, those lines included) does not. Needed manager names
are read off the replacement node (a tree walk), not its text like the generator does: the node
holds prefixes copied from user literals, whose text may spell a manager name. A uuid import
is dropped in ``finish`` when its scope lost its last use (``uuid_names``), not through the
engine's ``ImportRemoval``: only comparing the tree before and after the rewrite tells.
"""

from __future__ import annotations

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from codemods.core.decision import Decision
from codemods.core.file_transform import FileTransform
from codemods.core.findings import Finding
from codemods.engine.nodes import literal_text
from codemods.generator import builders
from codemods.generator.rules import RuleSet
from codemods.uuid_ids.naming import Typed, type_from_literal, type_from_name, word_type
from codemods.uuid_ids.sites import Site, add_chain, analyze
from codemods.uuid_ids.uuid_names import UuidNames, drop_dead_uuid_imports
from codemods.uuid_ids.uuid_rules import ADHOC, UUID_RULES


def uuid_manual(code: str, suggestion: str = "", detail: str = "") -> Decision:
    """A manual decision with the row's reason (plus ``detail``) and suggestion ("": the row's)."""
    rule = UUID_RULES[code]
    return Decision.manual(code, f"{rule.why}: {detail}" if detail else rule.why, suggestion or rule.suggestion)


def resolve(site: Site, rules: RuleSet, *, with_fallback: bool) -> Typed | None:
    """The IDType (and prefix) of a site from its prefix, then its name; None if neither says."""
    if site.shape == "fstring_computed":
        for word in site.head_words:
            found = word_type(word, rules)
            if found:
                return Typed(found, None, f"the word {word!r} of the f-string prefix says {found}; f-string kept",
                             site.prefix_node)
        by_name = type_from_name(site.name, rules, with_fallback=False)
        if by_name is not None:
            return Typed(by_name.id_type, None, f"{by_name.how}; f-string prefix kept", site.prefix_node)
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


class UuidSiteTransformer(FileTransform, cst.CSTTransformer):
    """Walks the tree keeping its ancestor stack; every ``uuid4()`` call is analysed in place.

    Subclasses decide a site (``decide``); this class records findings, swaps the
    root expression for the decided node and drops uuid imports that lost their last use.
    """

    METADATA_DEPENDENCIES = (PositionProvider,)
    RECIPE = ADHOC

    def __init__(self, module: cst.Module, rules: RuleSet, names: UuidNames) -> None:
        super().__init__()
        self.module = module
        self.rules = rules
        self.names = names
        self._stack: list[cst.CSTNode] = []
        self._sites: dict[int, tuple[Site, Decision]] = {}
        #: Review decisions by (original line, column) and the line mapping, set by the recipe.
        self.overrides: dict = {}
        self.original_line = int

    def apply(self, module: cst.Module) -> cst.Module:
        return MetadataWrapper(module, unsafe_skip_copy=True).visit(self)

    # ---------------------------------------------------------------- walk
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

    def _site_at_call(self) -> None:
        analysed = analyze(self._stack, self.names)
        if analysed is None:
            return
        site, index = analysed
        if id(site.root) in self._sites:
            return
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

    # -------------------------------------------------------------- helpers
    def _reviewed(self, node: cst.CSTNode, decision: Decision) -> Decision:
        """``decision`` as a reviewer's ``reject`` or ``type`` for this site changes it."""
        if not self.overrides:
            return decision
        start = self.get_metadata(PositionProvider, node).start
        override = self.overrides.get((self.original_line(start.line), start.column + 1))
        if override is None:
            return decision
        from codemods.engine.review import review_decision

        return review_decision(decision, "", (), self.rules, *override)

    def decision_for(self, root: cst.CSTNode) -> Decision | None:
        """What was decided for the site whose root expression is ``root`` (an original node)."""
        found = self._sites.get(id(root))
        return found[1] if found is not None else None

    def record(self, node: cst.CSTNode, member: str, decision: Decision, suggestion: str,
               before: str | None = None) -> None:
        """A finding at ``node``'s position; ``before`` defaults to the node's own code."""
        start = self.get_metadata(PositionProvider, node).start
        if before is None:
            before = self.module.code_for_node(node).strip()
            if len(before) > 160:
                before = before[:157] + "..."
        self.state.findings.append(Finding(
            start.line, start.column + 1, member, decision.code, decision.safety, decision.reason,
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
        return drop_dead_uuid_imports(self.module, module, self.names.all)  # self.module: the original

    # -------------------------------------------------------------- policy
    def decide(self, site: Site, ancestors: list[cst.CSTNode]) -> Decision | None:
        raise NotImplementedError
