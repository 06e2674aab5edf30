"""The recipe contract: what a recipe declares, what the engine hands it, what it returns.

A recipe is a ``Recipe`` subclass in its own subpackage (``codemods/<name>/recipe.py``),
registered in ``codemods.core.recipes``. The engine (``codemods.engine.transform``)
knows no recipe by name: it reads what the recipe declares here. Nothing in this module,
nor in a recipe's ``recipe.py``, imports libcst at module level: the registry is read on
the no-change re-run, which must not pay libcst's import time; ``build`` imports what it needs.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from codemods.core.findings import Finding
from codemods.core.rules import Rule

if TYPE_CHECKING:
    import ast

    # the run's configuration: generator defaults plus [tool.idmigrate] overrides
    from codemods.generator.rules import RuleSet

#: Names a rewrite may add to a file (imported from the manager's module); a file that binds one
#: of them otherwise is a clash (IDM091).
MANAGER_NAMES = ("UnifiedIDManager", "IDType", "get_id_manager", "is_valid_id_format")


@dataclass(frozen=True)
class FileContext:
    """What the engine knows about one file when a recipe builds its transform."""

    #: The libcst module to transform (the reduced module, or the whole file), as earlier recipes left it.
    module: Any
    #: The whole file's bytes.
    source: bytes
    #: Repo-relative path.
    path: str
    rules: "RuleSet"
    #: Every statement of the whole file, nested ones included, in source order (stdlib ``ast``).
    statements: list["ast.stmt"]
    #: ``codemods.engine.pruning.SourceMap`` of ``module``: node texts and positions without a pass.
    texts: Any


@dataclass
class TransformState:
    findings: list[Finding] = field(default_factory=list)
    #: Which of ``MANAGER_NAMES`` the applied rewrites use: the engine imports them.
    needed_names: set[str] = field(default_factory=set)


class FileTransform:
    """One recipe's work on one file. Mixed into a libcst transformer by each recipe
    (``class X(FileTransform, cst.CSTTransformer)``); the engine calls, in order:
    ``apply``, ``finish``, then (when the file's rewrite is kept) ``fix_imports``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.state = TransformState()

    def apply(self, module: Any) -> Any:
        """Walk and rewrite ``module``; afterwards every finding carries its line and column in it."""
        return module.visit(self)

    def finish(self, module: Any) -> Any:
        """After the walk: tidy what the rewrite left behind (e.g. an import it no longer uses)."""
        return module

    def fix_imports(self, module: Any, manager_import: Any) -> tuple[Any, bool]:
        """Drop the imports the rewrite made unused. ``manager_import`` (a statement line, or None
        once placed) may take the place of the first one removed; say whether it did."""
        return module, False


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
        """Words that keep a top-level statement in the libcst parse for every run, whether this
        recipe is selected or not (a selected recipe's prefilter tokens are added to them)."""
        return ()

    def alias_sources(self, rules: "RuleSet") -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(names, modules) whose local aliases (``import x as y``, ``g = X()``) count as relevance words."""
        return (), ()

    @abstractmethod
    def build(self, context: FileContext) -> FileTransform | None:
        """The transform for one file, or None when the recipe has nothing to do there."""
