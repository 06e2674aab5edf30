"""``adhoc-ids``: hand-rolled ``uuid4()`` IDs in production code become manager calls.

``f"txn_{uuid.uuid4().hex[:8]}"``, ``"alert_" + str(uuid.uuid4())`` and
``transaction_id = str(uuid.uuid4())`` become ``get_id_manager().generate_id(IDType.X, ...)``,
the type read off the literal prefix or the target name (``codemods.uuid_ids.naming``).
An ID whose type nothing names is left to a human (``test-ids`` takes the fallback type instead).
"""

from __future__ import annotations

import libcst as cst

from codemods.core.decision import Decision
from codemods.engine.pruning import has_comment
from codemods.uuid_ids.naming import names_uuid
from codemods.uuid_ids.paths import is_api_file, is_test_path
from codemods.uuid_ids.site_transformer import UuidSiteTransformer, computed_suggestion, resolve, uuid_manual
from codemods.uuid_ids.sites import Site
from codemods.uuid_ids.uuid_names import collect_uuid_names
from codemods.uuid_ids.uuid_rules import ADHOC, UUID_RULES


def _is_lone_return(statement: cst.CSTNode) -> bool:
    return (isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1
            and isinstance(statement.body[0], cst.Return))


class AdhocIdsTransformer(UuidSiteTransformer):
    """Production code: an ID whose type cannot be read off its prefix or name is left to a human."""

    RECIPE = ADHOC
    _SHAPE_CODE = {"fstring": "IDM101", "concat": "IDM102", "text": "IDM103", "fstring_computed": "IDM104"}

    def decide(self, site: Site, ancestors: list[cst.CSTNode]) -> Decision | None:
        if has_comment(site.root):
            return uuid_manual("IDM114")
        if site.problem == "other":
            return uuid_manual("IDM111")
        if site.problem == "computed":
            return uuid_manual("IDM112", computed_suggestion(site, self.module))
        if not site.prefixed and names_uuid(site.name):
            return uuid_manual("IDM113")
        typed = resolve(site, self.rules, with_fallback=True)
        if typed is None:
            call = "get_id_manager().generate_id(IDType.<TYPE>)"
            target = site.dotted or (site.name if site.kind == "named" else None)
            detail = f"{site.name!r} names no ID type" if site.name else "nothing names the ID"
            return uuid_manual("IDM110", f"{target} = {call}" if target else call, detail)
        code = self._SHAPE_CODE[site.shape] if site.prefixed else "IDM103"
        return Decision.format(code, typed.how, self.build(site, typed))

    def leave_FunctionDef(self, original_node, updated_node):
        """A custom generator: a body that is one ``return <adhoc ID>`` (and maybe a docstring)."""
        body = list(original_node.body.body) if isinstance(original_node.body, cst.IndentedBlock) else []
        if body and original_node.get_docstring() is not None:
            body = body[1:]
        if len(body) != 1 or not _is_lone_return(body[0]):
            return updated_node
        value = body[0].body[0].value
        decided = self.decision_for(value) if value is not None else None
        if decided is None:
            return updated_node
        name = original_node.name.value
        made = decided.node
        call = self.module.code_for_node(made) if made is not None else "get_id_manager().generate_id(IDType.<TYPE>)"
        detail = f"{name}() only builds an ID" + ("; its return was rewritten" if made is not None else "")
        decision = uuid_manual("IDM120", f"replace {name}() with {call}", detail)
        self.record(original_node, UUID_RULES["IDM120"].member, decision, decision.suggestion, f"def {name}(...)")
        return updated_node


def build_adhoc_transformer(module: cst.Module, source: bytes, path: str, rules) -> AdhocIdsTransformer | None:
    """The ``adhoc-ids`` transformer for a non-test file that imports uuid4, else None."""
    if b"uuid" not in source or is_test_path(path) or is_api_file(path, rules):
        return None
    names = collect_uuid_names(module)
    if not names.all:
        return None
    return AdhocIdsTransformer(module, rules, names)
