"""Which names a file binds, for the engine's clash check: a rewrite must not import a name
the file already uses for something else (IDM091). Read from the stdlib ``ast`` statements
``chunks`` already listed: no libcst pass."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field


@dataclass
class FileNames:
    #: Every name the file binds (assignment, def, class, import).
    bound: set[str] = field(default_factory=set)
    #: Names imported from each module, to tell a clash from an existing manager import.
    imported_from: dict[str, set[str]] = field(default_factory=dict)

    def imported_from_any(self, modules: frozenset[str]) -> set[str]:
        return set().union(*(self.imported_from.get(module, set()) for module in modules))


def collect_names(every_statement: list[ast.stmt]) -> FileNames:
    names = FileNames()
    for node in every_statement:
        if isinstance(node, ast.ImportFrom):
            if node.names[0].name == "*":
                continue
            module = (node.module or "") if not node.level else ""
            for alias in node.names:
                local = alias.asname or alias.name
                names.bound.add(local)
                names.imported_from.setdefault(module, set()).add(local)
        elif isinstance(node, ast.Import):
            names.bound.update(alias.asname or alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.bound.add(node.name)
        elif isinstance(node, ast.Assign):
            names.bound.update(target.id for target in node.targets if isinstance(target, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.bound.add(node.target.id)
    return names
