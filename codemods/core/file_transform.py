"""What the engine hands a recipe's ``build`` (``FileContext``) and what it returns
(``FileTransform``). Not imported by the registry: only a run that transforms files needs it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from codemods.core.findings import Finding

if TYPE_CHECKING:
    import ast

    from codemods.generator.rules import RuleSet


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
    #: Line of ``module`` -> line of the original file (they differ when only some statements were parsed).
    original_line: Any = None
    #: The original file's lines (``str``), for quoting code around a site.
    lines: Any = None
    #: Review decisions for this file: ``{(line, column): (action, id_type)}`` in the original file's
    #: positions (``reject`` keeps a site, ``type`` rewrites it with that IDType).
    overrides: Any = None
    #: Names of the fixtures that hand out a generator in a conftest.py above the file.
    fixtures: tuple[str, ...] = ()
    #: Functions of the repository that hand an argument to a generator parser and that the file
    #: names (``codemods.generator.around.wrappers.ParserWrapper``).
    wrappers: tuple[Any, ...] = ()


@dataclass
class TransformState:
    findings: list[Finding] = field(default_factory=list)
    #: Which of ``MANAGER_NAMES`` the applied rewrites use: the engine imports them.
    needed_names: set[str] = field(default_factory=set)
    #: Other names the rewrites use, by the module they come from (``{"uuid": {"uuid4"}}``).
    needed_from: dict[str, set[str]] = field(default_factory=dict)


class ImportRemoval:
    """The imports a recipe's rewrite made unused, as a policy the engine applies: it removes
    them (keeping the comments above them) in the pass that adds the manager names, whose
    import may take the place of a removed one. This one removes nothing."""

    #: A statement that mentions none of these holds nothing to remove (the pass skips it).
    words: tuple[str, ...] = ()

    def prune_line(self, line: Any) -> Any:
        """A libcst statement line without the imports that go: the same line when nothing goes,
        None when all of it goes. Called once per line, in source order (it may note what went)."""
        return line

    def removable(self, line: Any) -> bool:
        """Does the whole line go? Asked before the pass, without side effects."""
        return False


class FileTransform:
    """One recipe's work on one file. Mixed into a libcst transformer by each recipe
    (``class X(FileTransform, Transformer)``, ``codemods.engine.dispatch``); the engine calls, in order:
    ``apply``, ``finish``, then (when the file's rewrite is kept) ``import_removal``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.state = TransformState()

    def apply(self, module: Any) -> Any:
        """Walk and rewrite ``module``; afterwards every finding carries its line and column in it."""
        return module.visit(self)

    def finish(self, module: Any) -> Any:
        """After the walk: tidy what the rewrite left behind (e.g. an import it no longer uses)."""
        return module

    def import_removal(self) -> ImportRemoval | None:
        """The imports the rewrite made unused, for the engine to remove; None when there are none."""
        return None
