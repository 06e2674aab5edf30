"""The recipes a run can select (``--recipe``), each a transformer factory plus its prefilter tokens.

``generator`` is the default (SPEC 4.1-4.5); ``adhoc-ids`` and ``test-ids`` are the
opt-in phase 2/3 codemods (SPEC 4.6). A recipe's transformer exposes ``.state``
(findings and the manager names its edits need), like ``MigrationTransformer``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Optional

from codemods.generator.rules import GENERATOR_CLASS, RuleSet

if TYPE_CHECKING:  # libcst is slow to import; the no-change re-run must not pay for it
    import libcst as cst

    from codemods.generator.bindings import Bindings
    from codemods.engine.pruning import SourceMap

#: (module, source bytes, repo-relative path, rules, bindings, source map) -> transformer, or None.
Factory = Callable[["cst.Module", bytes, str, RuleSet, "Bindings", "SourceMap"], Optional["cst.CSTTransformer"]]


@dataclass(frozen=True)
class Recipe:
    name: str
    description: str
    #: A file is parsed for this recipe only if its bytes contain one of these.
    tokens: tuple[str, ...]
    factory: Factory


def _generator(module, source, path, rules, bindings, texts):
    from codemods.generator.transformer import MigrationTransformer

    if not bindings.uses_generator and b"unified_id_generator" not in source and GENERATOR_CLASS.encode() not in source:
        return None
    return MigrationTransformer(bindings, rules, module, texts)


def _adhoc(module, source, path, rules, bindings, texts):
    from codemods.uuid_ids.adhoc_ids import build_adhoc_transformer

    return build_adhoc_transformer(module, source, path, rules, bindings)


def _test_ids(module, source, path, rules, bindings, texts):
    from codemods.uuid_ids.test_ids import build_test_ids_transformer

    return build_test_ids_transformer(module, source, path, rules, bindings)


RECIPES: dict[str, Recipe] = {
    r.name: r
    for r in (
        Recipe("generator", "UnifiedIdGenerator call sites to UnifiedIDManager (SPEC 4.1-4.4)",
               (GENERATOR_CLASS, "unified_id_generator", "id_generation"), _generator),
        Recipe("adhoc-ids", "hand-rolled uuid4-based IDs to manager calls (SPEC 4.6, opt-in)", ("uuid",), _adhoc),
        Recipe("test-ids", "uuid4().hex[:8]-style test identifiers to manager calls (SPEC 4.6, opt-in)",
               ("uuid",), _test_ids),
    )
}

DEFAULT_RECIPES = ("generator",)


def ordered(names: tuple[str, ...]) -> tuple[str, ...]:
    """Phase 2/3 recipes first, the generator last: its split statements reuse target nodes,
    which would confuse position metadata for a transformer that ran after it."""
    return tuple(sorted(dict.fromkeys(names), key=lambda n: n == "generator"))
