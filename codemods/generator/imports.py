"""Which generator imports a file no longer uses, as the ``ImportRemoval`` the engine applies.

Removal is decided from the usages the transform left in place (no ``ScopeProvider``:
its metadata costs several times the parse). It reaches imports inside functions and
``try/except ImportError`` fallbacks and keeps ``__all__`` in step with what is
imported; the engine keeps the comments above a removed line, removes a ``try`` left
guarding nothing, and may put the manager import in a removed line's place
(``codemods.engine.imports``).
"""

from __future__ import annotations

import re

import libcst as cst

from codemods.core.file_transform import ImportRemoval
from codemods.engine.nodes import dotted_name, module_name
from codemods.generator.bindings import Bindings
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


class GeneratorImportRemoval(ImportRemoval):
    """Which generator imports go: those naming an unused generator name (and their ``__all__`` entries)."""

    def __init__(self, unused: set[str], bindings: Bindings, sources: tuple[str, ...]) -> None:
        self.unused = unused
        self.bindings = bindings
        self.sources = sources
        self.words = (*sorted(unused - {"*"}), "import *", "__all__")
        self.removed_names: set[str] = set()

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

    def prune_line(self, line: cst.SimpleStatementLine) -> cst.SimpleStatementLine | None:
        body = []
        for stmt in line.body:
            if isinstance(stmt, cst.Assign) and self.removed_names:
                body.append(self._prune_all(stmt))
                continue
            new, removed = self.small(stmt)
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


def import_removal(bindings: Bindings, sources: tuple[str, ...], kept_texts: list[str]) -> ImportRemoval | None:
    """The generator imports nothing kept uses, or None when every one is still used."""
    unused = unused_from_kept(bindings, kept_texts)
    return GeneratorImportRemoval(unused, bindings, sources) if unused else None
