"""``idmigrate demo``: the bundled example monorepo, copied to a git repo and migrated there."""

from __future__ import annotations

import shutil
import shlex
import tempfile
from pathlib import Path
from typing import TextIO

EXAMPLE = Path(__file__).parent / "example_monorepo"
#: The same layout with later versions of both APIs (``idmigrate scan --api`` shows the difference).
EVOLVED = Path(__file__).parent / "evolved_monorepo"


class DemoError(ValueError):
    pass


def init_repo(path: Path, message: str) -> str:
    """``git init`` at ``path`` and commit everything in it; return the commit id."""
    from migrate import gitops

    gitops.init_repository(Path(path))
    return commit_all(path, message)


def commit_all(path: Path, message: str) -> str:
    """Commit every change (tracked and untracked, minus ignored) at ``path``; return HEAD's id.

    Where git has no identity (a fresh machine, a container), the commit is made as
    "idmigrate demo" rather than failing.
    """
    from migrate import gitops

    repo = gitops.open_repo(Path(path))
    try:
        if gitops.identity_problem(repo):
            gitops.run_command(repo, "config", "user.name", "idmigrate demo")
            gitops.run_command(repo, "config", "user.email", "idmigrate-demo@localhost")
        gitops.run_command(repo, "add", "--all", "--", ".")
        if gitops.run_command(repo, "status", "--porcelain"):
            gitops.run_command(repo, "commit", "--quiet", "--no-verify", "-m", message)
        return gitops.run_command(repo, "rev_parse", "HEAD")
    finally:
        repo.close()


def copy_example(target: Path) -> Path:
    """Copy the example into ``target`` (must not exist or be empty) and commit it."""
    if target.exists() and any(target.iterdir()):
        raise DemoError(f"{target} is not empty")
    shutil.copytree(EXAMPLE, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    init_repo(target, "Example monorepo (before idmigrate)")
    return target


def run_demo(directory: Path | None, out: TextIO, err: TextIO, copy_only: bool = False) -> int:
    """Copy the example to a git repo and migrate it there; ``copy_only`` stops after the copy, so the
    workflow in README.md can be followed by hand on an unmigrated repository."""
    from migrate.workspace.config import load_config
    from migrate.compat.expose import expose_manager
    from migrate.output.run_tables import render_summary
    from migrate.run.model import RunOptions
    from migrate.run.runner import run_batches
    from migrate.workspace.pipeline import build_plan
    from migrate.output.report import render_scan_text, summarize

    target = Path(directory) if directory else Path(tempfile.mkdtemp(prefix="idmigrate-demo-"))
    copy_example(target)
    err.write(f"example monorepo copied to {target} (a git repository)\n")
    if copy_only:
        out.write(f"{target}\nnot migrated yet; start with: idmigrate scan {shlex.quote(str(target))}\n")
        return 0
    config = load_config(target)
    out.write("== scan before\n")
    out.write(render_scan_text(summarize(build_plan(target, config))))
    err.write(expose_manager(target, config) + "\n")
    commit_all(target, "Expose UnifiedIDManager under shared/ (idmigrate expose)")
    out.write("== run: one branch and commit per service, tests run per batch\n")
    result = run_batches(target, load_config(target), RunOptions(keep_going=True), log=err)
    out.write(render_summary(result))
    where = shlex.quote(str(target))
    out.write(f"\nreview a batch:   git -C {where} show idmigrate/auth_service\n")
    out.write(f"applied sites:    idmigrate report {where} --applied\n")
    out.write(f"what is left:     idmigrate report {where}\n")
    if not directory:  # a temp dir nobody asked for: say it stays, and how it goes
        out.write(f"the demo repository stays in {target}; remove it with: rm -rf {shlex.quote(str(target))}\n")
    return result.exit_code
