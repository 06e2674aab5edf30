"""The ``adhoc-ids`` and ``test-ids`` recipes, as the registry sees them. No libcst at module level.

Where they do a job differently from the generator recipe (positions from ``PositionProvider``,
needed names by a tree walk, their own uuid-import removal in ``finish``), the module that does it
says why: ``site_transformer``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from codemods.core.recipe import Recipe
from codemods.uuid_ids.uuid_rules import ADHOC, TEST_IDS, UUID_RULES

if TYPE_CHECKING:
    from codemods.core.file_transform import FileContext, FileTransform
    from codemods.generator.rules import RuleSet


class _UuidRecipe(Recipe):
    def prefilter_tokens(self, rules: "RuleSet") -> tuple[str, ...]:
        # Every site is a uuid4() call, reached as uuid4 or through the module's attribute: a file
        # that only mentions uuid (UUID columns, uuid.UUID(...), a user_uuid) has nothing to do.
        return ("uuid4",)

    def statement_words(self, rules: "RuleSet") -> tuple[str, ...]:
        # Every use of the uuid module: whether an import is still needed after a rewrite
        # is judged on the statements libcst sees.
        return ("uuid",)

    def alias_sources(self, rules: "RuleSet") -> tuple[tuple[str, ...], tuple[str, ...]]:
        return (), ("uuid",)  # import uuid as _uuid: statements using _uuid are relevant

    def function_words(self, rules: "RuleSet") -> tuple[str, ...] | None:
        # A site's flow, bindings and threads come from the whole file's ``ast``; of the rest of
        # its function, libcst needs only the assertions (test-ids: is the ID's format checked?)
        # and the docstring (adhoc-ids: a custom generator is a docstring and one ``return``).
        return ("assert",)


class AdhocIdsRecipe(_UuidRecipe):
    name = ADHOC
    description = "hand-rolled uuid4-based IDs to manager calls (opt-in)"
    rules = tuple(row for row in UUID_RULES.values() if row.recipe == ADHOC)

    def build(self, context: "FileContext") -> "FileTransform | None":
        from codemods.uuid_ids.adhoc_ids import build_adhoc_transformer

        return _with_review(build_adhoc_transformer(context), context)


class TestIdsRecipe(_UuidRecipe):
    __test__ = False  # not a pytest class

    name = TEST_IDS
    description = "uuid4().hex[:8]-style test identifiers to manager calls (opt-in)"
    rules = tuple(row for row in UUID_RULES.values() if row.recipe == TEST_IDS)

    def relevance_words(self, rules: "RuleSet") -> tuple[str, ...]:
        # The helper this recipe may import: statements binding that name must be seen (IDM215).
        return (rules.test_id_helper.rpartition(":")[2],) if rules.test_id_helper else ()

    def build(self, context: "FileContext") -> "FileTransform | None":
        from codemods.uuid_ids.test_ids import build_test_ids_transformer

        return _with_review(build_test_ids_transformer(context), context)


def _with_review(transform, context: "FileContext"):
    """Hand the transformer the file's review decisions (``codemods.engine.review``)."""
    if transform is not None and context.overrides:
        transform.overrides = context.overrides
        transform.original_line = context.original_line or int
    return transform
