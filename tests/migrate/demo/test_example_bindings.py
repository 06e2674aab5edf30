"""What a reviewer checks on the migrated examples, over every file: no call through a name that now
holds the manager to a member the manager lacks, and no ``x = get_id_manager()`` that nothing reads.

Names that hold the manager: ``x = get_id_manager()``, ``self.x = get_id_manager()``, and the
parameters named after a fixture that returns or yields it (in its own module, or below the
conftest.py that defines it).
"""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest

from migrate.compat.expose import expose_manager
from migrate.demo.demo import EVOLVED, EXAMPLE
from migrate.workspace.apply import write_changes
from migrate.workspace.config import load_config
from migrate.workspace.pipeline import build_plan

FIXTURES = ("fixture", "pytest.fixture")


def _dotted(node: ast.expr) -> str:
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return node.id if isinstance(node, ast.Name) else ""


def _is_manager(value: ast.expr | None) -> bool:
    return isinstance(value, ast.Call) and _dotted(value.func) == "get_id_manager"


def manager_members(root: Path) -> set[str]:
    """Methods and attributes of ``UnifiedIDManager`` wherever the migrated tree defines it."""
    members: set[str] = set()
    for path in root.rglob("unified_id_manager.py"):
        for node in ast.walk(ast.parse(path.read_bytes())):
            if isinstance(node, ast.ClassDef) and node.name == "UnifiedIDManager":
                for inner in ast.walk(node):
                    if isinstance(inner, (ast.FunctionDef, ast.AsyncFunctionDef)):
                        members.add(inner.name)
                    elif isinstance(inner, ast.Attribute) and isinstance(inner.ctx, ast.Store):
                        members.add(inner.attr)
                    elif isinstance(inner, ast.Name) and isinstance(inner.ctx, ast.Store):
                        members.add(inner.id)
    assert members, "no UnifiedIDManager found"
    return members


def _manager_fixtures(tree: ast.Module) -> set[str]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and any(
            _dotted(d.func if isinstance(d, ast.Call) else d) in FIXTURES for d in node.decorator_list
        ):
            handed = [n.value for n in ast.walk(node) if isinstance(n, (ast.Return, ast.Yield))]
            if any(_is_manager(v) for v in handed):
                out.add(node.name)
    return out


def problems(root: Path) -> list[str]:
    members = manager_members(root)
    trees = {p.relative_to(root).as_posix(): ast.parse(p.read_bytes()) for p in sorted(root.rglob("*.py"))}
    conftest_fixtures = {rel.rpartition("/")[0]: _manager_fixtures(t) for rel, t in trees.items()
                         if rel.endswith("conftest.py")}
    found = []
    for rel, tree in trees.items():
        directory = rel.rpartition("/")[0]
        fixtures = _manager_fixtures(tree) | {
            name for d, names in conftest_fixtures.items() if directory == d or directory.startswith(d + "/")
            for name in names}
        names, attrs = set(), set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and _is_manager(node.value):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        names.add(target.id)
                    elif isinstance(target, ast.Attribute):
                        attrs.add(target.attr)
        params = {a.arg for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name.startswith("test")
                  for a in n.args.args if a.arg in fixtures}
        loads = [n for n in ast.walk(tree) if isinstance(getattr(n, "ctx", None), ast.Load)]
        for node in loads:
            if isinstance(node, ast.Attribute):
                holder = node.value
                held = (isinstance(holder, ast.Name) and holder.id in names | params) or (
                    isinstance(holder, ast.Attribute) and _dotted(holder.value) == "self" and holder.attr in attrs)
                if held and node.attr not in members:
                    found.append(f"{rel}:{node.lineno}: .{node.attr} through a name holding the manager")
        read_names = {n.id for n in loads if isinstance(n, ast.Name)}
        read_attrs = {n.attr for n in loads if isinstance(n, ast.Attribute)}
        found += [f"{rel}: {n} = get_id_manager() is never read" for n in sorted(names - read_names)]
        found += [f"{rel}: self.{a} = get_id_manager() is never read" for a in sorted(attrs - read_attrs)]
    return found


@pytest.mark.parametrize("source", [EXAMPLE, EVOLVED], ids=["example", "evolved"])
def test_no_member_the_manager_lacks_and_no_unread_manager(source: Path, tmp_path: Path):
    root = tmp_path / "repo"
    shutil.copytree(source, root, ignore=shutil.ignore_patterns("__pycache__"))
    expose_manager(root, load_config(root))
    written, _ = write_changes(build_plan(root, load_config(root), workers=1, use_cache=False))
    assert any(rel.endswith("test_id_fixtures.py") for rel in written) or source is EVOLVED
    assert problems(root) == []


def test_the_check_finds_both_defects(tmp_path: Path):
    """The check itself: the two defects a reviewer found on the real repository are caught."""
    shutil.copytree(EXAMPLE / "netra_backend" / "app" / "core", tmp_path / "core")
    (tmp_path / "conftest.py").write_text(
        "import pytest\n\n\n@pytest.fixture\ndef id_generator():\n    return get_id_manager()\n")
    (tmp_path / "test_x.py").write_text(
        "def test_x(id_generator):\n    id_generator.generate_user_context_ids('u')\n\n\n"
        "class S:\n    def __init__(self):\n        self.gen = get_id_manager()\n")
    assert problems(tmp_path) == [
        "test_x.py:2: .generate_user_context_ids through a name holding the manager",
        "test_x.py: self.gen = get_id_manager() is never read",
    ]
