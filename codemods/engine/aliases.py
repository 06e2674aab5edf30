"""Other words a file may use for the names a recipe looks for: aliases, instances, fixtures.

Read off the stdlib ``ast`` of the whole file, so ``reduce_source`` keeps every statement
that uses one of them.
"""

from __future__ import annotations

import ast


def local_aliases(nodes: list[ast.stmt], names: tuple[str, ...], modules: tuple[str, ...]) -> set[str]:
    """Other words a relevant statement may use instead of ``names``: import aliases
    (``as IdGen``, ``import ... as uig``), instances (``_gen = UnifiedIdGenerator()``,
    ``self.id_generator = ...``), class aliases (``G = UnifiedIdGenerator``) and functions
    that return or yield an instance (a pytest fixture: tests name it as a parameter)."""
    known = set(names)
    found: set[str] = set()
    for _ in range(2):  # an alias may be bound before or after the import that makes it one
        known_before = len(known)
        for node in nodes:
            if isinstance(node, ast.ImportFrom):
                for alias in node.names:
                    if alias.asname and (alias.name in known or (node.module or "") in modules):
                        found.add(alias.asname)
                        known.add(alias.asname)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.asname and alias.name in modules:
                        found.add(alias.asname)
            elif isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
                value = node.value.func if isinstance(node.value, ast.Call) else node.value
                head = value.attr if isinstance(value, ast.Attribute) else getattr(value, "id", None)
                if head not in known:
                    continue
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    if isinstance(target, ast.Name):
                        found.add(target.id)
                        if not isinstance(node.value, ast.Call):
                            known.add(target.id)
                    elif isinstance(target, ast.Attribute):
                        found.add(target.attr)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                found |= _handing_out(node, known)
        if len(known) == known_before:  # the same names again would find the same aliases
            break
    return found


def _handing_out(func: ast.FunctionDef | ast.AsyncFunctionDef, known: set[str]) -> set[str]:
    """The function's name and any decorator ``name="..."`` when its body (directly) returns or
    yields ``X()`` for a known ``X``, or a local assigned one."""
    def makes(value: ast.expr | None) -> bool:
        return isinstance(value, ast.Call) and getattr(value.func, "attr", getattr(value.func, "id", None)) in known

    handed = [s.value for s in func.body if isinstance(s, ast.Return)]
    handed += [s.value.value for s in func.body if isinstance(s, ast.Expr) and isinstance(s.value, ast.Yield)]
    if not handed:  # most functions (a test) hand nothing out
        return set()
    made = {t.id for s in func.body if isinstance(s, ast.Assign) and makes(s.value)
            for t in s.targets if isinstance(t, ast.Name)}
    if not any(makes(v) or (isinstance(v, ast.Name) and v.id in made) for v in handed):
        return set()
    names = {func.name}
    for decorator in func.decorator_list:
        for keyword in decorator.keywords if isinstance(decorator, ast.Call) else ():
            if keyword.arg == "name" and isinstance(keyword.value, ast.Constant) and isinstance(keyword.value.value, str):
                names.add(keyword.value.value)
    return names
