"""What the owner of the migrated code checks, hunk by hunk, as properties of the whole example's migration.

Each check reads the rewritten files independently of the rules that produced them.
"""

from __future__ import annotations

import ast
import io
import tokenize
from collections import Counter
from pathlib import Path

import pytest

from migrate.compat.expose import expose_manager
from migrate.workspace.apply import write_changes
from migrate.workspace.config import load_config
from migrate.workspace.pipeline import build_plan

LINE_LENGTH = 88  # the example configures no black/ruff line-length


@pytest.fixture(scope="module")
def migrated(tmp_path_factory) -> dict[str, tuple[str, str]]:
    """rel path -> (before, after) for every file the migration rewrote."""
    import shutil

    from migrate.demo.demo import EXAMPLE

    root = tmp_path_factory.mktemp("reviewed") / "repo"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("__pycache__"))
    expose_manager(root, load_config(root))
    before = {p.relative_to(root).as_posix(): p.read_text() for p in root.rglob("*.py")}
    plan = build_plan(root, load_config(root), workers=1, use_cache=False)
    written, not_written = write_changes(plan)
    assert written and not not_written
    return {rel: (before[rel], (root / rel).read_text()) for rel in written}


def _functions(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node


def _is_thread_name(name: str) -> bool:
    return name == "thread_id" or name.endswith("_thread_id")


def _unpaired_run_ids(node: ast.AST) -> list[ast.Call]:
    """``generate_id(IDType.EXECUTION, prefix="run")`` calls: run IDs made without a thread."""
    found = []
    for call in ast.walk(node):
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "generate_id":
            prefix = next((k.value for k in call.keywords if k.arg == "prefix"), None)
            if isinstance(prefix, ast.Constant) and prefix.value == "run":
                found.append(call)
    return found


def test_no_run_id_is_made_without_the_thread_in_reach(migrated):
    for rel, (_, after) in migrated.items():
        tree = ast.parse(after)
        for func in _functions(tree):
            params = [a.arg for a in (*func.args.posonlyargs, *func.args.args, *func.args.kwonlyargs)]
            if not any(_is_thread_name(p) for p in params):
                continue
            conditional = {id(n.orelse) for n in ast.walk(func) if isinstance(n, ast.IfExp)}
            unpaired = [c for c in _unpaired_run_ids(func) if id(c) not in conditional]
            assert not unpaired, f"{rel}:{unpaired[0].lineno}: run ID without the thread of {func.name}()"


def test_thread_ids_are_thread_typed(migrated):
    for rel, (before, after) in migrated.items():
        added = after.count("UnifiedIDManager.generate_thread_id(") - before.count("UnifiedIDManager.generate_thread_id(")
        assert added <= 0, f"{rel}: the classmethod's unprefixed base is not a thread ID"


def _comments(source: str) -> Counter:
    """Standalone comments (a line of their own); a trailing one goes with a removed line, rightly."""
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    return Counter(t.string for t in tokens if t.type == tokenize.COMMENT and not t.line[:t.start[1]].strip())


def test_no_standalone_comment_is_lost(migrated):
    for rel, (before, after) in migrated.items():
        lost = _comments(before) - _comments(after)
        assert not lost, f"{rel}: comments lost: {sorted(lost)}"


def test_no_new_line_over_the_line_length(migrated):
    for rel, (before, after) in migrated.items():
        old_lines = set(before.splitlines())
        for number, line in enumerate(after.splitlines(), 1):
            if line in old_lines or len(line) <= LINE_LENGTH:
                continue
            code = line.split("  #", 1)[0]  # a trailing comment may run over, as black allows
            assert len(code) <= LINE_LENGTH, f"{rel}:{number}: {len(line)} columns"


def test_the_generators_validity_check_is_left_alone(migrated):
    for rel, (before, after) in migrated.items():
        assert "is_valid_id_format(" not in after.replace("def is_valid_id_format(", ""), rel
        assert after.count(".is_valid_id(") == before.count(".is_valid_id("), rel


def test_no_caller_data_goes_into_the_registry(migrated):
    for rel, (before, after) in migrated.items():
        assert after.count("context=") <= before.count("context="), f"{rel}: context= added"


def test_reviewer_checks_see_the_example_rewrites(migrated):
    """The checks above are not vacuous: the example has the shapes they are about."""
    joined = "\n".join(after for _, after in migrated.values())
    assert "UnifiedIDManager.generate_run_id(" in joined
    assert "IDType.THREAD" in joined
    assert 'prefix=f"' in joined
    assert any(line.rstrip().endswith("generate_id(") for line in joined.splitlines()), "a call laid out again"


def test_migrated_run_ids_embed_their_thread_at_run_time(migrated, tmp_path_factory):
    """``extract_thread_id(run_id) == thread_id``: the property the migration exists for, run for real."""
    import subprocess
    import sys

    rel = "netra_backend/app/services/execution_context.py"
    assert rel in migrated
    root = next(Path(p) for p in [tmp_path_factory.getbasetemp() / "reviewed0" / "repo"] if p.exists())
    script = (
        "from netra_backend.app.services.execution_context import *\n"
        "from netra_backend.app.core.unified_id_manager import UnifiedIDManager as M\n"
        "t = 'thread_9_0123abcd'\n"
        "assert M.extract_thread_id(start_execution('u', t).run_id) == t\n"
        "assert M.extract_thread_id(ExecutionContext('u', t).run_id) == t\n"
        "assert M.extract_thread_id(context_for_request({'user_id': 'u'}, t).run_id) == t\n"
        "assert M.extract_thread_id(resume_run('u', t)) == t\n"
        "assert resume_run('u').startswith('run_')\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
