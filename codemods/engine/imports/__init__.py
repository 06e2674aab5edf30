"""Import the names a file's rewrites use; remove the imports the rewrites made unused.

Every recipe's rewrite may need ``get_id_manager``, ``IDType`` ...; the engine imports them
in one pass that also removes what each recipe's ``ImportRemoval`` says went unused
(``FileTransform.import_removal``). Where each name is imported is planned first
(``scopes``: which scope lacks it), then carried out (``fixer``, ``placement``): in place
of a removed import, into an existing one, or after the imports and ``sys.path``
bootstraps before its first use. MIGRATION.md ("Where the manager import goes") has the rules.
"""

from __future__ import annotations

from typing import Iterable, Sequence

import libcst as cst

from codemods.core.file_transform import FileTransform, ImportRemoval
from codemods.engine.imports.fixer import ImportFixer, add_planned_imports
from codemods.engine.imports.scopes import NoSourceMap, plan_imports
from codemods.engine.pruning import SourceMap


class _Removals(ImportRemoval):
    """Several recipes' removals as one: each prunes what the previous ones left."""

    def __init__(self, removals: Sequence[ImportRemoval]) -> None:
        self.removals = removals
        self.words = tuple(sorted({word for r in removals for word in r.words}))

    def prune_line(self, line):
        for removal in self.removals:
            if line is None:
                break
            line = removal.prune_line(line)
        return line

    def removable(self, line) -> bool:
        return any(removal.removable(line) for removal in self.removals)


def update_imports(module: cst.Module, transforms: Sequence[FileTransform], import_path: str,
                   names: set[str], texts: SourceMap | None = None,
                   manager_modules: Iterable[str] = ()) -> cst.Module:
    """Remove what the recipes' rewrites made unused and import ``names`` from ``import_path``
    wherever they are used and not yet available (``manager_modules`` provide them too)."""
    removals = [r for r in (t.import_removal() for t in transforms) if r is not None]
    removal = removals[0] if len(removals) == 1 else _Removals(removals) if removals else None
    texts = texts or SourceMap(module)  # statements the rewrites left alone are in it
    plan = plan_imports(module, import_path, names, texts=texts, api_modules=manager_modules,
                        removable=removal.removable if removal else None,
                        removal_words=removal.words if removal else ())
    if removal is None:
        return add_planned_imports(module, plan, texts)
    return module.visit(ImportFixer(plan, texts, removal))


def import_where_used(module: cst.Module, import_path: str, names: set[str]) -> cst.Module:
    """Import ``names`` from ``import_path`` where the module uses them and lacks them (as the
    manager names are), for a module without a source map (a recipe's own import)."""
    return add_planned_imports(module, plan_imports(module, import_path, names), NoSourceMap())
