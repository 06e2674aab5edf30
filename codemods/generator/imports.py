"""Remove generator imports a file no longer uses; import the manager names it now uses.

Removal is decided from the usages the transform left in place (no ScopeProvider:
it costs several parses). It reaches imports inside functions and
``try/except ImportError`` fallbacks, keeps the comments above a removed line,
and keeps ``__all__`` in step with what is imported. Where the manager names are
imported (which scope, which line) is ``codemods.engine.import_scopes``'s
decision; a removed import's place is the first choice. Both passes skip simple
statements that cannot matter (``codemods.engine.pruning``).
"""

from __future__ import annotations

import re

import libcst as cst

from codemods.engine.import_fixer import ImportFixer, add_planned_imports
from codemods.engine.import_scopes import plan_imports
from codemods.engine.pruning import SourceMap
from codemods.generator.bindings import Bindings, dotted_name, module_name
from codemods.generator.rules import GENERATOR_CLASS, MODULE_HELPERS


def unused_from_kept(bindings: Bindings, kept_texts: list[str]) -> set[str]:
    """Unused generator imports, from the usages the transform left in place.

    Every reference to a generator name is a finding (the transform records bare
    references too), so a name no manual finding mentions is no longer used. Cheaper
    than walking the rewritten tree; the guard's pyflakes pass would catch a miss.
    """
    joined = "\n".join(kept_texts)

    def used(word: str) -> bool:
        return re.search(rf"(?<![\w.]){re.escape(word)}\b", joined) is not None

    unused = {name for name in bindings.imported_names if not used(name)}
    unused |= {ref for ref in bindings.module_refs if not used(ref)}
    if bindings.star_import and not any(used(n) for n in (GENERATOR_CLASS, *MODULE_HELPERS)):
        unused.add("*")
    return unused


def _without(aliases, unused: set[str], known: set[str]) -> tuple[list, list[str]]:
    keep, removed = [], []
    for alias in aliases:
        local = alias.evaluated_alias or dotted_name(alias.name) or ""
        if local in unused and local in known:
            removed.append(local)
        else:
            keep.append(alias)
    if keep and len(keep) != len(aliases):
        keep[-1] = keep[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
    return keep, removed


class _Removal:
    """Which generator imports go: those naming an unused generator name."""

    def __init__(self, unused: set[str], bindings: Bindings, sources: tuple[str, ...]) -> None:
        self.unused = unused
        self.bindings = bindings
        self.sources = sources
        self.words = (*sorted(unused - {"*"}), "import *", "__all__")

    def small(self, stmt: cst.BaseSmallStatement) -> tuple[cst.BaseSmallStatement | None, list[str]]:
        """The statement without the removed imports (None: all of it), and the names removed."""
        if isinstance(stmt, cst.ImportFrom):
            if isinstance(stmt.names, cst.ImportStar):
                if "*" in self.unused and module_name(stmt.module) in self.sources:
                    return None, ["*"]
                return stmt, []
            keep, removed = _without(stmt.names, self.unused, self.bindings.imported_names)
        elif isinstance(stmt, cst.Import):
            keep, removed = _without(stmt.names, self.unused, self.bindings.module_refs)
        else:
            return stmt, []
        return (stmt if not removed else (stmt.with_changes(names=keep) if keep else None)), removed

    def removable(self, line: cst.SimpleStatementLine) -> bool:
        """Does the whole line go? (Then a new import can take its place.)"""
        return all(isinstance(s, (cst.Import, cst.ImportFrom)) and self.small(s)[0] is None for s in line.body)


class _RemoveImports(ImportFixer):
    def __init__(self, removal: _Removal, plan, texts: SourceMap) -> None:
        super().__init__(plan, texts, removal.words)
        self.removal = removal
        self.removed_names: set[str] = set()

    def prune_line(self, line: cst.SimpleStatementLine) -> cst.SimpleStatementLine | None:
        body = []
        for stmt in line.body:
            if isinstance(stmt, cst.Assign) and self.removed_names:
                body.append(self._prune_all(stmt))
                continue
            new, removed = self.removal.small(stmt)
            self.removed_names.update(removed)
            if new is not None:
                body.append(new)
        if len(body) == len(line.body) and all(a is b for a, b in zip(body, line.body)):
            return line
        if not body:
            return None
        body[-1] = body[-1].with_changes(semicolon=cst.MaybeSentinel.DEFAULT)
        return line.with_changes(body=body)

    def _prune_all(self, stmt: cst.Assign) -> cst.Assign:
        """Drop removed names from ``__all__ = [...]``."""
        target = stmt.targets[0].target if len(stmt.targets) == 1 else None
        value = stmt.value
        if not (isinstance(target, cst.Name) and target.value == "__all__"):
            return stmt
        if not isinstance(value, (cst.List, cst.Tuple)):
            return stmt
        elements = [
            el for el in value.elements
            if not (isinstance(el.value, cst.SimpleString) and el.value.evaluated_value in self.removed_names)
        ]
        if len(elements) == len(value.elements):
            return stmt
        if elements:
            elements[-1] = elements[-1].with_changes(comma=value.elements[-1].comma)
        return stmt.with_changes(value=value.with_changes(elements=elements))


def update_imports(module: cst.Module, bindings: Bindings, sources: tuple[str, ...],
                   import_path: str, names: set[str], texts: SourceMap | None = None,
                   kept_texts: list[str] | None = None, manager_modules: frozenset[str] = frozenset()
                   ) -> cst.Module:
    """Drop unused generator imports and import ``names`` from ``import_path`` where they are used
    and not yet available (``manager_modules`` also provide them).

    A scope's manager import takes the place of the first of its generator imports that
    goes away, so the file keeps its import layout; otherwise it joins an existing import
    from ``import_path`` or is placed after the imports and bootstraps before its first use.
    """
    # Generator imports are only dropped when the generator recipe ran (kept_texts is its record).
    unused = unused_from_kept(bindings, kept_texts) if kept_texts is not None else set()
    removal = _Removal(unused, bindings, sources) if unused else None
    texts = texts or SourceMap(module)  # statements the transform left alone are in it
    plan = plan_imports(module, import_path, names, texts=texts, api_modules=manager_modules,
                        removable=removal.removable if removal else None,
                        removal_words=removal.words if removal else ())
    if removal is None:
        return add_planned_imports(module, plan, texts)
    return module.visit(_RemoveImports(removal, plan, texts))
