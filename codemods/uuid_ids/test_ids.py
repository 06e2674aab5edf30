"""``test-ids``: ``uuid.uuid4().hex[:8]``-style test identifiers become manager calls.

Test files only (``test_framework/`` included). The site analysis is the one ``adhoc-ids`` uses
(``codemods.uuid_ids.sites``, ``codemods.uuid_ids.flow``); the policy differs: a test identifier
only has to be unique, so one whose type nothing names takes the fallback type instead of being
left to a human. A site whose format the test asserts on (``codemods.uuid_ids.format_checks``),
whose text the test cuts, that sits in a test about ID formats or in a raw-UUID sample
(``codemods.uuid_ids.flow.purpose``) is ``manual``. With ``test_id_helper`` configured, sites
call that helper (imported) instead of the manager.

The helper is imported the way the engine imports the manager names (``codemods.engine.imports``):
in the scope that uses it, after the imports and ``sys.path`` bootstraps before its first use.
"""

from __future__ import annotations

import libcst as cst

from codemods.core.decision import Decision
from codemods.core.file_transform import FileContext
from codemods.engine.imports import import_where_used
from codemods.engine.nodes import dotted_name
from codemods.engine.pruning import nodes_of
from codemods.uuid_ids.flow.purpose import format_test, raw_sample
from codemods.uuid_ids.flow.sinks import DERIVED, OUT, SECRET, UUID
from codemods.uuid_ids.format_checks import checked_scopes, format_use, scope_key
from codemods.uuid_ids.naming import Typed
from codemods.uuid_ids.paths import is_api_file, is_test_path, module_of
from codemods.uuid_ids.site_transformer import UuidSiteTransformer, resolve, uuid_manual
from codemods.uuid_ids.sites import Site
from codemods.uuid_ids.uuid_names import UuidNames, collect_uuid_names
from codemods.uuid_ids.uuid_rules import TEST_IDS


class TestIdsTransformer(UuidSiteTransformer):
    RECIPE = TEST_IDS
    __test__ = False  # not a pytest class
    CODES = {SECRET: "IDM216", OUT: "IDM217", UUID: "IDM218", DERIVED: "IDM221", "run": "IDM204",
             "no_thread": "IDM219", "wrapper": "IDM220", "named_uuid": "IDM213", "comment": "IDM214",
             "other": "IDM211", "computed": "IDM212"}

    def __init__(self, context: FileContext, names: UuidNames,
                 helper: tuple[str, str] | None, helper_clash: bool) -> None:
        super().__init__(context, names)
        #: (module, function) of the configured test_id_helper, when this file may use it.
        self.helper = helper
        self.helper_clash = helper_clash
        #: dotted name -> the scopes in which an assertion checks its shape (found when a site asks).
        self._checked: dict[str, set[int]] = {}

    def _asserted(self, site: Site, ancestors: list[cst.CSTNode]) -> bool:
        if format_use(ancestors, len(ancestors) - 1, self.names):
            return True
        if not site.dotted:
            return False
        if site.dotted not in self._checked:
            self._checked[site.dotted] = checked_scopes(self._context.module, self.names, site.dotted, self.texts)
        return scope_key(ancestors, site.dotted) in self._checked[site.dotted]

    def _purpose(self, site: Site) -> Decision | None:
        """A test about ID formats, or a sample that is a raw UUID on purpose."""
        call = self.ast_call(site)
        if call is None:
            return None
        why = format_test(self.facts, call, self.path)
        if why:
            return uuid_manual("IDM222", "", why)
        why = raw_sample(self.facts, call)
        return uuid_manual("IDM223", "", why) if why else None

    def decide(self, site: Site, ancestors: list[cst.CSTNode]) -> Decision | None:
        flow = self.flow_of(site)
        kept = self.keep_first(site, flow)
        if kept is not None:
            return kept
        kept = self.untyped_wrapper(site)
        if kept is not None:
            return kept
        typed = resolve(site, self.rules, with_fallback=True) or Typed(
            self.rules.fallback_type, None, "nothing names the ID: the fallback type")
        node = self.build(site, typed)
        if self._asserted(site, ancestors):
            return uuid_manual("IDM210", self.module.code_for_node(node) + "  # and fix the assertion")
        kept = self._purpose(site) or self.keep_text(flow)
        if kept is not None:
            return kept
        run = self.run_id(site, typed)
        if run is not None:
            return run
        if self.helper is not None and self.helper_clash:
            call = self.module.code_for_node(node.with_changes(func=cst.Name(self.helper[1])))
            return uuid_manual("IDM215", f"{call}  # after renaming the local {self.helper[1]}")
        code = "IDM203" if self.helper is not None else ("IDM202" if site.prefixed else "IDM201")
        how = typed.how + (f"; calls the configured test_id_helper {self.helper[1]}()" if code == "IDM203" else "")
        return Decision.format(code, how, node)

    def build(self, site: Site, typed: Typed) -> cst.BaseExpression:
        call = super().build(site, typed)
        if self.helper is not None and not self.helper_clash:
            return call.with_changes(func=cst.Name(self.helper[1]))
        return call

    def finish(self, module: cst.Module) -> cst.Module:
        module = super().finish(module)
        if self.applied and self.helper is not None:
            module = import_where_used(module, self.helper[0], {self.helper[1]})
        return module


def _binds_elsewhere(module: cst.Module, name: str, helper_module: str) -> bool:
    """Does the file bind ``name`` other than by importing it from the helper's module?"""
    found = nodes_of(module, cst.FunctionDef, cst.ClassDef, cst.AssignTarget, cst.AnnAssign, cst.Import, cst.ImportFrom)
    for node in found:
        if isinstance(node, (cst.FunctionDef, cst.ClassDef)) and node.name.value == name:
            return True
        if isinstance(node, (cst.AssignTarget, cst.AnnAssign)) and isinstance(node.target, cst.Name) \
                and node.target.value == name:
            return True
    for node in (n for n in found if isinstance(n, (cst.Import, cst.ImportFrom))):
        if isinstance(node.names, cst.ImportStar):
            continue
        from_helper = (isinstance(node, cst.ImportFrom) and not node.relative and node.module is not None
                       and dotted_name(node.module) == helper_module)
        for alias in node.names:
            local = alias.evaluated_alias or (dotted_name(alias.name) or "").split(".")[0]
            if local == name and not from_helper:
                return True
    return False


def build_test_ids_transformer(context: FileContext) -> TestIdsTransformer | None:
    """The ``test-ids`` transformer for a test file that imports uuid4, else None."""
    source, path, rules = context.source, context.path, context.rules
    if b"uuid" not in source or not is_test_path(path) or is_api_file(path, rules):
        return None
    names = collect_uuid_names(context.module, context.texts)
    if not names.all:
        return None
    helper = None
    clash = False
    if rules.test_id_helper:
        helper_module, _, func = rules.test_id_helper.partition(":")
        if helper_module != module_of(path):
            helper = (helper_module, func)
            clash = func.encode() in source and _binds_elsewhere(context.module, func, helper_module)
    return TestIdsTransformer(context, names, helper, clash)
