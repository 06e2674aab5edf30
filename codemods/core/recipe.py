"""The recipe contract: what a recipe declares (``Recipe``). What the engine hands its
``build`` and what that returns (``FileContext``, ``FileTransform``) are in ``file_transform``.

A recipe is a ``Recipe`` subclass in its own subpackage (``codemods/<name>/recipe.py``),
registered in ``codemods.core.recipes``. The engine (``codemods.engine.transform``)
knows no recipe by name: it reads what the recipe declares here. Nothing in this module,
nor in a recipe's ``recipe.py``, imports libcst at module level: the registry is read on
the no-change re-run, which must not pay libcst's import time (nor the definitions of
``file_transform``); ``build`` imports what it needs.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, ClassVar

from codemods.core.rules import Rule

if TYPE_CHECKING:
    from codemods.core.file_transform import FileContext, FileTransform
    # the run's configuration: generator defaults plus [tool.idmigrate] overrides
    from codemods.generator.rules import RuleSet

#: Names a rewrite may add to a file (imported from the manager's module); a file that binds one
#: of them otherwise is a clash (IDM091).
MANAGER_NAMES = ("UnifiedIDManager", "IDType", "get_id_manager", "is_valid_id_format")


class Recipe(ABC):
    """What a recipe declares; instances are stateless and shared by every file."""

    name: ClassVar[str]
    description: ClassVar[str]
    #: The rule rows this recipe can emit (codes unique across the registry).
    rules: ClassVar[tuple[Rule, ...]] = ()
    #: Recipes run in ascending order. The generator runs last (order 1): its split
    #: statements reuse target nodes, which would confuse position metadata for a later recipe.
    order: ClassVar[int] = 0

    @abstractmethod
    def prefilter_tokens(self, rules: "RuleSet") -> tuple[str, ...]:
        """A file is parsed for this recipe only if its bytes contain one of these."""

    def relevance_words(self, rules: "RuleSet") -> tuple[str, ...]:
        """Words that keep a statement in the libcst parse for every run, whether this
        recipe is selected or not (a selected recipe's ``statement_words`` are added to them)."""
        return ()

    def statement_words(self, rules: "RuleSet") -> tuple[str, ...]:
        """Words that keep a statement in the libcst parse when this recipe is selected: by
        default its prefilter tokens. Wider when the recipe must see more than its sites
        (every use of a module whose import a rewrite may leave unused)."""
        return self.prefilter_tokens(rules)

    def function_words(self, rules: "RuleSet") -> tuple[str, ...] | None:
        """None when the recipe reads whole functions (the default). Else libcst may parse only
        part of a function: its docstring and the statements that mention a statement word or
        one of these. A recipe says so only when nothing it does reads the rest of a function's
        libcst tree (facts about the whole file come from the stdlib ``ast``)."""
        return None

    #: With ``function_words``: also keep, in an opened function, every statement that reads a
    #: name a kept statement binds (for a recipe that follows a value through its readers).
    function_closure = False

    def alias_sources(self, rules: "RuleSet") -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(names, modules) whose local aliases (``import x as y``, ``g = X()``) count as relevance words."""
        return (), ()

    @abstractmethod
    def build(self, context: "FileContext") -> "FileTransform | None":
        """The transform for one file, or None when the recipe has nothing to do there."""
