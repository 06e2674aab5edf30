"""``expose``: move the manager under ``shared/`` so every service may import it.

The old module becomes a re-export that also aliases itself to the new module in
``sys.modules``: existing manager users keep working, share the same singleton,
and ``mock.patch`` on either path patches the one real module.
"""

from __future__ import annotations

import ast
from pathlib import Path

from migrate.compat.changes import CompatChanges, FileChange
from migrate.workspace.config import Config
from migrate.workspace.fileio import UnsafePathError, read_source
from migrate.workspace.services import ServiceMap, module_file

MARKER = "Re-export written by `idmigrate expose`"


class ExposeError(ValueError):
    pass


def _top_level_names(tree: ast.Module) -> list[str]:
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.append(node.name)
        elif isinstance(node, ast.Assign):
            names += [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.append(node.target.id)
    return sorted(dict.fromkeys(n for n in names if not n.startswith("__")))


def _imported_modules(tree: ast.Module) -> set[str]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            out.add(node.module)
        elif isinstance(node, ast.Import):
            out |= {alias.name for alias in node.names}
    return out


def reexport_source(new_module: str, names: list[str]) -> str:
    listed = "".join(f"    {name},\n" for name in names)
    return (
        f'"""{MARKER}: the manager now lives in ``{new_module}``.\n\n'
        "Existing imports of this path keep working; new code should import the new path.\n"
        '"""\n\n'
        "import sys\n\n"
        f"from {new_module} import (  # noqa: F401\n{listed})\n\n"
        f"import {new_module} as _moved\n\n"
        "# One module object under both names: same singleton, and patching either path works.\n"
        "sys.modules[__name__] = _moved\n"
    )


def plan_expose(root: Path, config: Config) -> CompatChanges:
    """The files that move the manager to ``config.exposed_module``; none when it is there already."""
    old_rel = module_file(Path(""), config.manager_module).as_posix()
    new_rel = module_file(Path(""), config.exposed_module).as_posix()
    try:
        old_source = read_source(root, old_rel) if (root / old_rel).exists() else None
    except (OSError, UnsafePathError) as exc:
        raise ExposeError(f"cannot read {old_rel}: {exc}") from None
    if old_source is None:
        raise ExposeError(f"{old_rel} not found (set manager_module in [tool.idmigrate])")
    if MARKER.encode() in old_source:
        already = f"already exposed: {config.exposed_module} (re-export at {old_rel})"
        return CompatChanges(done=already, would=already)
    if (root / new_rel).exists():
        raise ExposeError(f"{new_rel} already exists; remove it or set exposed_module")
    try:
        tree = ast.parse(old_source)
    except SyntaxError as exc:
        raise ExposeError(f"{old_rel} does not parse: {exc.msg} (line {exc.lineno})") from None

    service_map = ServiceMap(root, config, {p.name for p in root.iterdir() if p.is_dir()})
    target_service = service_map.service_of(new_rel)
    for module in sorted(_imported_modules(tree)):
        problem = service_map.boundary_violation(target_service, module)
        if problem:
            raise ExposeError(f"cannot move the manager: it imports {module}, which {target_service.name} may not")

    package = Path(new_rel).parent
    inits = [FileChange((directory / "__init__.py").as_posix(), None, b"")
             for directory in reversed([package, *package.parents][:-1])
             if not (root / directory / "__init__.py").exists()]
    new_module = config.exposed_module
    what = f"{config.manager_module} as {new_module} ({new_rel}); {old_rel} now re-exports it"
    return CompatChanges(
        [*inits, FileChange(new_rel, None, old_source),
         FileChange(old_rel, old_source, reexport_source(new_module, _top_level_names(tree)).encode())],
        done=f"exposed {what}",
        would=f"would expose {config.manager_module} as {new_module} ({new_rel}), {old_rel} re-exporting it; "
              "nothing written")


def expose_manager(root: Path, config: Config) -> str:
    """Move the manager module to ``config.exposed_module``; return a one-line summary."""
    return plan_expose(root, config).write(root)
