"""The default recipe, ``generator``, as the registry sees it. No libcst at module level.

Positions of its findings come from the engine's ``SourceMap`` (one codegen pass the engine
makes anyway), not from ``PositionProvider`` metadata, which costs several times the parse: the
generator runs on every file that mentions it, so it takes the cheap way (the uuid recipes differ:
see ``codemods.uuid_ids.site_transformer``). For the same reason the manager names a rewrite
needs are read off its printed code by a regex (``builders.names_in``), not by a tree walk, and
its unused imports go by what its manual findings still mention (``generator.imports``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from codemods.apibind.rows import BINDING_ROWS
from codemods.core.recipe import Recipe
from codemods.generator.rules import GENERATOR_CLASS, GENERATOR_RULES, MODULE_HELPERS

if TYPE_CHECKING:
    from codemods.core.file_transform import FileContext, FileTransform
    from codemods.generator.rules import RuleSet


def _module_tails(rules: "RuleSet") -> set[str]:
    return {module.rsplit(".", 1)[-1] for module in rules.source_modules}


class GeneratorRecipe(Recipe):
    name = "generator"
    description = "UnifiedIdGenerator call sites to UnifiedIDManager"
    rules = (*GENERATOR_RULES.values(), *BINDING_ROWS)
    order = 1

    def prefilter_tokens(self, rules: "RuleSet") -> tuple[str, ...]:
        return tuple(sorted({GENERATOR_CLASS, "unified_id_generator", "id_generation", *_module_tails(rules)}))

    def function_words(self, rules: "RuleSet") -> tuple[str, ...] | None:
        # Of a function, its libcst walk needs the statements that mention the generator or the
        # manager (a thread ID made just before a run ID is one), and (``function_closure``) every
        # statement that mentions a name those bind: a held user-context tuple, an instance, a
        # thread ID's variable assigned something else. The thread in reach and the IDs the
        # generator's parsers check come from the whole file's ``ast``.
        return ()

    function_closure = True

    def relevance_words(self, rules: "RuleSet") -> tuple[str, ...]:
        # Whichever recipes are selected: a uuid-only run parses the statements that mention
        # the generator as a generator run does.
        return tuple(sorted({GENERATOR_CLASS, "unified_id_generator", "generate_thread_id", *MODULE_HELPERS,
                             *_module_tails(rules)}))

    def alias_sources(self, rules: "RuleSet") -> tuple[tuple[str, ...], tuple[str, ...]]:
        return (GENERATOR_CLASS, *MODULE_HELPERS), tuple(rules.source_modules)

    def build(self, context: "FileContext") -> "FileTransform | None":
        from codemods.engine.scope_facts import FileFacts
        from codemods.generator.around.id_checks import GeneratorChecks, parser_members
        from codemods.generator.bindings import collect_bindings
        from codemods.generator.transformer import MigrationTransformer

        bindings = collect_bindings(context.statements, context.rules.source_modules, context.fixtures)
        if not bindings.uses_generator and not bindings.inherited_fixtures \
                and b"unified_id_generator" not in context.source and GENERATOR_CLASS.encode() not in context.source:
            return None
        checks = GeneratorChecks(context.statements, context.lines, bindings.generator_refs(),
                                 parser_members(context.rules), context.wrappers)
        return MigrationTransformer(bindings, context.rules, context.module, context.texts,
                                    FileFacts(context.statements, context.lines), context.original_line,
                                    context.overrides, source=context.source, path=context.path, checks=checks)
