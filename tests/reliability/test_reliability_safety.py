"""The semantics guard and the security promises.

* Guard: a rewrite that would not parse or would add an undefined name is never
  written; the file is reported ``failed`` with the reason, its sites demoted.
  A deliberately broken rule is injected by monkeypatching
  ``codemods.generator.builders.manager_generate_id``.
* Security: test commands from the config are argv lists without a shell unless
  ``shell = true``; no verb imports or executes code of the target repository;
  state, cache and worktree directories under ``.git/idmigrate`` are user-only.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import libcst as cst
import pytest

from codemods.generator import builders
from migrate.workspace.apply import write_changes
from migrate.workspace.config import load_config
from migrate.workspace.pipeline import build_plan
from tests.reliability.reliability_support import (
    cli, git, hermetic_git, idmigrate, make_repo, service_config, snapshot_example,
)

GENERATED = "from shared.id_generation import UnifiedIdGenerator\n\nX = UnifiedIdGenerator.generate_base_id('user')\n"
# A run ID pairs with its thread through a classmethod call, not ``manager_generate_id``.
THREAD = ("from shared.id_generation import UnifiedIdGenerator\n\n\n"
          "def resume(thread_id):\n    return UnifiedIdGenerator.generate_run_id(thread_id)\n")


@pytest.fixture(scope="module", autouse=True)
def env(tmp_path_factory):
    with hermetic_git(tmp_path_factory.mktemp("gitconfig")):
        yield


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> Path:
    return snapshot_example(tmp_path_factory.mktemp("example") / "example_monorepo")


# --------------------------------------------------------------------- guard
BROKEN_RULES = {
    # name -> (node wrapping the correct call, words the reason must contain)
    "undefined name": (lambda good: cst.Call(cst.Name("undefined_helper_xyz"), [cst.Arg(good)]),
                       "undefined name(s): undefined_helper_xyz"),
    "does not parse": (lambda good: cst.Name("lambda"), "rewrite does not parse"),
}


@pytest.fixture(params=sorted(BROKEN_RULES))
def broken_rule(request, monkeypatch) -> str:
    wrap, reason = BROKEN_RULES[request.param]
    real = builders.manager_generate_id
    monkeypatch.setattr(builders, "manager_generate_id", lambda *a, **k: wrap(real(*a, **k)))
    return reason


def two_files(root: Path) -> Path:
    (root / "svc_a").mkdir(parents=True)
    (root / "svc_a" / "ids.py").write_text(GENERATED)  # rewritten with manager_generate_id: broken
    (root / "svc_a" / "threads.py").write_text(THREAD)  # another builder: still fine
    return root


def test_guard_keeps_a_broken_rewrite_out_of_the_plan_and_off_disk(tmp_path, broken_rule):
    root = two_files(tmp_path / "repo")
    plan = build_plan(root, load_config(root), workers=1, use_cache=False)
    by_path = {o.path: o.result for o in plan.outcomes}
    bad = by_path["svc_a/ids.py"]
    assert bad.status == "failed" and broken_rule in bad.reason
    assert bad.new_source is None
    assert bad.findings and all(not f.applied for f in bad.findings)
    assert all(f.code == "IDM099" and broken_rule in f.reason for f in bad.findings)
    assert by_path["svc_a/threads.py"].status == "changed"
    written, not_written = write_changes(plan)
    assert written == ["svc_a/threads.py"] and not_written == []
    assert (root / "svc_a" / "ids.py").read_text() == GENERATED


def test_guard_through_the_cli_file_untouched_failed_and_exit_1(tmp_path, broken_rule):
    root = two_files(tmp_path / "repo")
    scan = cli("scan", str(root), "--json", "-j", "1", "--no-cache")
    assert scan.exit_code == 1
    (failed,) = json.loads(scan.stdout)["failed"]
    assert failed["path"] == "svc_a/ids.py" and broken_rule in failed["reason"]
    diff = cli("diff", str(root), "-j", "1", "--no-cache")
    assert b"svc_a/ids.py" not in diff.stdout_bytes and b"svc_a/threads.py" in diff.stdout_bytes
    applied = cli("apply", str(root), "-j", "1", "--no-cache")
    assert applied.exit_code == 1
    (line,) = [ln for ln in applied.stderr.splitlines() if ln.startswith("failed: svc_a/ids.py: ")]
    assert broken_rule in line
    assert (root / "svc_a" / "ids.py").read_text() == GENERATED
    assert "UnifiedIDManager" in (root / "svc_a" / "threads.py").read_text()
    review = json.loads(cli("report", str(root), "-f", "json", "-j", "1", "--no-cache").stdout)["review"]
    assert any(item["path"] == "svc_a/ids.py" and item["code"] == "IDM099" for item in review)


def test_a_crash_after_the_rules_fails_that_file_only(tmp_path, monkeypatch):
    """The import fixes and printing run outside the recipes: a bug there is one failed file too."""
    import codemods.engine.transform as engine

    real = engine.update_imports

    def crashes_for_ids(module, *args, **kwargs):
        if "\nX = " in module.code:  # svc_a/ids.py
            raise IndexError("pop from empty list")
        return real(module, *args, **kwargs)

    monkeypatch.setattr(engine, "update_imports", crashes_for_ids)
    root = two_files(tmp_path / "repo")
    by_path = {o.path: o.result for o in build_plan(root, load_config(root), workers=1, use_cache=False).outcomes}
    assert by_path["svc_a/ids.py"].status == "failed"
    assert by_path["svc_a/ids.py"].reason == "transform error: IndexError: pop from empty list"
    assert by_path["svc_a/threads.py"].status == "changed"


# ------------------------------------------------------------ test commands
def test_test_commands_are_argv_lists_unless_shell_is_opted_in(example, tmp_path):
    pwned = tmp_path / "pwned"
    pwned.mkdir()
    extra = (
        service_config("scripts", [sys.executable, "-c", "import sys; print(sys.argv)", f"; touch {pwned}/argv"])
        # shell = true with a list: the list is quoted for the shell, its items stay words
        + service_config("test_framework", [sys.executable, "-c", "pass", f"; touch {pwned}/list"], shell=True)
        # shell = true with a string: the user asked for a shell line, and gets one
        + service_config("shared", f"true; touch {pwned}/opted-in", shell=True)
    )
    root = make_repo(example, tmp_path / "repo", pyproject_extra=extra)
    out = cli("run", str(root), "--service", "scripts", "--service", "test_framework", "--service", "shared",
              "--keep-going", "--json", "-j", "1")
    assert out.exit_code == 0, out.output
    batches = {b["service"]: b for b in json.loads(out.stdout)["batches"]}
    assert {s: b["state"] for s, b in batches.items()} == {
        "scripts": "committed", "test_framework": "committed", "shared": "committed"}
    assert sorted(p.name for p in pwned.iterdir()) == ["opted-in"]


def test_a_shell_line_without_shell_true_is_refused_before_anything_runs(tmp_path):
    root = tmp_path / "repo"
    (root / "svc_a").mkdir(parents=True)
    (root / "svc_a" / "mod.py").write_text(GENERATED)
    (root / "pyproject.toml").write_text(
        f'[tool.idmigrate.services.svc_a]\ntest_command = "true; touch {tmp_path}/PWNED"\n')
    out = cli("run", str(root))
    assert out.exit_code == 2
    assert out.stderr.count("\n") == 1 and "set shell = true to run a string" in out.stderr
    assert not (tmp_path / "PWNED").exists()


# ------------------------------------------------- no code of the target runs
def marker_line(mark: Path) -> str:
    return (f'\n__import__("os").makedirs({str(mark)!r}, exist_ok=True); '
            f'open(__import__("os").path.join({str(mark)!r}, __name__), "w").close()\n')


def booby_trap(root: Path, mark: Path) -> list[str]:
    """Every module of the target writes a marker when imported; plus modules named like our dependencies."""
    trapped = []
    for path in sorted(root.rglob("*.py")):
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(marker_line(mark))
        trapped.append(path.relative_to(root).as_posix())
    for name in ("conftest", "setup", "sitecustomize", "usercustomize", "typer", "git", "rich", "libcst",
                 "pyflakes", "migrate", "codemods"):
        target = root / f"{name}.py"
        if not target.exists():
            target.write_text(marker_line(mark))
            trapped.append(target.name)
    return trapped


def test_no_verb_imports_or_executes_code_of_the_target(example, tmp_path):
    root = make_repo(example, tmp_path / "repo", expose=False)
    mark = tmp_path / "imported"
    trapped = booby_trap(root, mark)
    assert {"netra_backend/app/core/unified_id_manager.py", "tests/conftest.py", "conftest.py",
            "shared/id_generation/unified_id_generator.py"} <= set(trapped)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "booby-trapped")
    verbs = [
        ("scan", "."), ("scan", ".", "--json", "-j", "2", "--no-cache"), ("diff", "."), ("report", "."),
        ("report", ".", "-f", "json", "-o", str(tmp_path / "review.json")), ("verify", "."), ("status", "."),
        ("run", ".", "--service", "scripts", "--no-tests", "-j", "1"), ("status", ".", "--json"),
        ("expose", "."), ("shim", "."), ("apply", "."), ("verify", "."), ("status", "."),
    ]
    for args in verbs:
        out = idmigrate(*args, cwd=root)
        assert out.returncode in (0, 1) and b"Traceback" not in out.stderr, (args, out.stderr)
        assert not mark.exists(), f"`idmigrate {' '.join(args)}` imported {sorted(os.listdir(mark))}"
    assert "UnifiedIDManager" in (root / "scripts" / "seed_demo_data.py").read_text()  # the verbs did work


def test_module_entry_point_inside_the_target_imports_none_of_its_modules(tmp_path):
    root = tmp_path / "repo"
    mark = tmp_path / "imported"
    (root / "svc_a").mkdir(parents=True)
    (root / "svc_a" / "mod.py").write_text(GENERATED)
    (root / "typer.py").write_text(marker_line(mark))
    subprocess.run([sys.executable, "-m", "migrate", "scan", "."], cwd=root, capture_output=True, timeout=120)
    assert not mark.exists()


def test_run_executes_no_git_hook_of_the_target(example, tmp_path):
    """Hooks are code of the target too: worktree add (post-checkout) and update-ref
    (reference-transaction) must not run them, including a tracked core.hooksPath."""
    root = make_repo(example, tmp_path / "repo")
    mark = tmp_path / "hooked"
    hooks = root / ".githooks"
    hooks.mkdir()
    for name in ("post-checkout", "reference-transaction", "pre-commit", "post-commit"):
        hook = hooks / name
        hook.write_text(f"#!/bin/sh\nmkdir -p {mark}\ntouch {mark}/{name}\n")
        hook.chmod(0o755)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "hooks", "--no-verify")
    git(root, "config", "core.hooksPath", ".githooks")
    if mark.exists():  # our own commit above may have run them: start clean
        for path in mark.iterdir():
            path.unlink()
    out = idmigrate("run", ".", "--service", "scripts", "--no-tests", "-j", "1", cwd=root)
    assert out.returncode == 0, out.stderr
    assert "idmigrate/scripts" in git(root, "branch", "--list", "idmigrate/*")
    assert not mark.exists() or not list(mark.iterdir()), sorted(os.listdir(mark))


# ------------------------------------------------------------- permissions
def modes_under(directory: Path) -> dict[str, tuple[str, int]]:
    out = {}
    for dirpath, dirnames, filenames in os.walk(directory):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            kind = "dir" if path.is_dir() else "file"
            out[path.relative_to(directory).as_posix()] = (kind, stat.S_IMODE(path.lstat().st_mode))
    return out


@pytest.mark.parametrize("umask", [0o022, 0o002, 0o000], ids=["022", "002", "000"])
def test_state_cache_and_worktree_dirs_are_user_only(example, tmp_path, umask):
    root = make_repo(example, tmp_path / "repo")
    old = os.umask(umask)
    try:
        assert cli("scan", str(root), "-j", "1").exit_code == 0  # fills the cache
        assert cli("run", str(root), "--service", "scripts", "--no-tests", "-j", "1").exit_code == 0
        (root / "notes.txt").write_text("dirty: the next run plans in a private worktree\n")
        assert cli("run", str(root), "--service", "test_framework", "--no-tests", "--force", "-j", "1").exit_code == 0
    finally:
        os.umask(old)
    modes = modes_under(root / ".git" / "idmigrate")
    assert "state.json" in modes and "worktrees" in modes and any(k.startswith("cache/") for k in modes)
    wrong = {rel: (kind, oct(mode)) for rel, (kind, mode) in modes.items()
             if mode != (0o700 if kind == "dir" else 0o600)}
    assert not wrong
    assert stat.S_IMODE((root / ".git" / "idmigrate").stat().st_mode) == 0o700
