"""The one registry: the recipes a run can select (``--recipe``) and, through them, every rule.

A new recipe is a subpackage with a ``Recipe`` subclass (``codemods.core.recipe``) plus
one line in ``BUILTIN`` below. ``generator`` is the default; ``adhoc-ids`` and
``test-ids`` are opt-in (MIGRATION.md describes all three).
"""

from __future__ import annotations

from codemods.core.recipe import Recipe
from codemods.core.rules import ENGINE_RULES, Rule

RECIPES: dict[str, Recipe] = {}
#: Every rule row of the engine and of the registered recipes, by code.
RULES: dict[str, Rule] = {}

DEFAULT_RECIPES = ("generator",)


def _add_rules(rows: tuple[Rule, ...], owner: str) -> None:
    codes = [row.code for row in rows]
    taken = sorted({c for c in codes if c in RULES or codes.count(c) > 1})
    if taken:
        raise ValueError(f"{owner}: rule code(s) {', '.join(taken)} already registered")
    RULES.update((row.code, row) for row in rows)


def register(recipe: Recipe) -> Recipe:
    """Add a recipe and its rules; a name or rule code already taken is an error."""
    if recipe.name in RECIPES:
        raise ValueError(f"recipe {recipe.name!r} is already registered")
    _add_rules(recipe.rules, f"recipe {recipe.name!r}")
    RECIPES[recipe.name] = recipe
    return recipe


def unregister(name: str) -> None:
    """Remove a recipe and its rules (tests register throwaway recipes)."""
    recipe = RECIPES.pop(name)
    for row in recipe.rules:
        RULES.pop(row.code, None)


def ordered(names: tuple[str, ...]) -> tuple[Recipe, ...]:
    """The selected recipes, each once, in the order they run (``Recipe.order``)."""
    return tuple(sorted((RECIPES[n] for n in dict.fromkeys(names)), key=lambda r: r.order))


#: Every built-in recipe, as "module:class", in registration order: a new recipe adds one line.
BUILTIN = (
    "codemods.generator.recipe:GeneratorRecipe",
    "codemods.uuid_ids.recipe:AdhocIdsRecipe",
    "codemods.uuid_ids.recipe:TestIdsRecipe",
)


def _register_builtin() -> None:
    from importlib import import_module

    _add_rules(ENGINE_RULES, "engine")
    for spec in BUILTIN:
        module, _, cls = spec.partition(":")
        register(getattr(import_module(module), cls)())


_register_builtin()
