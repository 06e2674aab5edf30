"""``adhoc-ids``: hand-rolled ``uuid4()`` IDs in production code become manager calls.

``f"txn_{uuid.uuid4().hex[:8]}"``, ``"alert_" + str(uuid.uuid4())`` and
``transaction_id = str(uuid.uuid4())`` become ``get_id_manager().generate_id(IDType.X, ...)``,
the type read off a typed wrapper, the target name or the literal prefix (``codemods.uuid_ids.naming``).
An ID whose type nothing names is left to a human (``test-ids`` takes the fallback type instead).
Only files under ``[tool.idmigrate] adhoc_ids_paths`` are rewritten: every rewritten site
registers IDs in the manager for the life of the process.
"""

from __future__ import annotations

import libcst as cst

from codemods.core.decision import Decision
from codemods.core.file_transform import FileContext
from codemods.uuid_ids.flow.sinks import DERIVED, OUT, SECRET, UUID
from codemods.uuid_ids.paths import in_adhoc_paths, is_api_file, is_test_path
from codemods.uuid_ids.site_transformer import UuidSiteTransformer, resolve, uuid_manual
from codemods.uuid_ids.sites import Site
from codemods.uuid_ids.uuid_names import collect_uuid_names
from codemods.uuid_ids.uuid_rules import ADHOC, UUID_RULES

#: Sites that keep their UUID whatever their type: no custom-generator advice for them.
_KEEPS = frozenset({"IDM113", "IDM115", "IDM116", "IDM117", "IDM122"})


def _is_lone_return(statement: cst.CSTNode) -> bool:
    return (isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1
            and isinstance(statement.body[0], cst.Return))


class AdhocIdsTransformer(UuidSiteTransformer):
    """Production code: an ID whose type cannot be read off its wrapper, name or prefix is left to a
    human, and so is one that is a secret, must stay a UUID, leaves the process, or lies outside
    ``adhoc_ids_paths``."""

    RECIPE = ADHOC
    CODES = {SECRET: "IDM115", OUT: "IDM116", UUID: "IDM117", DERIVED: "IDM122", "run": "IDM105",
             "no_thread": "IDM118", "wrapper": "IDM119", "named_uuid": "IDM113", "comment": "IDM114",
             "other": "IDM111", "computed": "IDM112"}
    _SHAPE_CODE = {"fstring": "IDM101", "concat": "IDM102", "text": "IDM103", "fstring_computed": "IDM104"}

    def decide(self, site: Site, ancestors: list[cst.CSTNode]) -> Decision | None:
        flow = self.flow_of(site)
        kept = self.keep_first(site, flow)
        if kept is not None:
            return kept
        kept = self.keep_text(flow) or self.untyped_wrapper(site)
        if kept is not None:
            return kept
        typed = resolve(site, self.rules, with_fallback=True)
        if typed is None:
            call = "get_id_manager().generate_id(IDType.<TYPE>)"
            target = site.dotted or (site.name if site.kind == "named" else None)
            detail = f"{site.name!r} names no ID type" if site.name else "nothing names the ID"
            return uuid_manual("IDM110", f"{target} = {call}" if target else call, detail)
        decision = self.run_id(site, typed)
        if decision is None:
            code = self._SHAPE_CODE[site.shape] if site.prefixed else "IDM103"
            decision = Decision.format(code, typed.how, self.build(site, typed))
        if decision.node is not None and not in_adhoc_paths(self.path, self.rules):
            return uuid_manual("IDM121", self.module.code_for_node(decision.node),
                               f"{self.path} is not in it (it would be {decision.code}: {decision.reason})")
        return decision

    def leave_FunctionDef(self, original_node, updated_node):
        """A custom generator: a body that is one ``return <adhoc ID>`` (and maybe a docstring)."""
        body = list(original_node.body.body) if isinstance(original_node.body, cst.IndentedBlock) else []
        if body and original_node.get_docstring() is not None:
            body = body[1:]
        if len(body) != 1 or not _is_lone_return(body[0]):
            return updated_node
        value = body[0].body[0].value
        decided = self.decision_for(value) if value is not None else None
        if decided is None or decided.code in _KEEPS:
            return updated_node
        name = original_node.name.value
        made = decided.node
        if made is not None:
            call = self.module.code_for_node(made)
        elif decided.code == "IDM121":
            call = decided.suggestion
        else:
            call = "get_id_manager().generate_id(IDType.<TYPE>)"
        detail = f"{name}() only builds an ID" + ("; its return was rewritten" if made is not None else "")
        decision = uuid_manual("IDM120", f"replace {name}() with {call}", detail)
        self.record(original_node, UUID_RULES["IDM120"].member, decision, decision.suggestion, f"def {name}(...)")
        return updated_node


def build_adhoc_transformer(context: FileContext) -> AdhocIdsTransformer | None:
    """The ``adhoc-ids`` transformer for a non-test file that imports uuid4, else None."""
    if b"uuid" not in context.source or is_test_path(context.path) or is_api_file(context.path, context.rules):
        return None
    names = collect_uuid_names(context.module, context.texts)
    if not names.all:
        return None
    return AdhocIdsTransformer(context, names)
