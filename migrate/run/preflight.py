"""What ``idmigrate run`` checks before it changes anything; each refusal is one ``RunError`` line."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from migrate import gitops
from migrate.output.terminal import escape_control
from migrate.run.model import RunError
from migrate.run.state import RunState

#: The commit message line that names the recipe of a batch commit.
RECIPE_TRAILER = "Recipe: "

if TYPE_CHECKING:
    import git


def check_repository(root: Path, repo: git.Repo, force: bool) -> tuple[gitops.HeadState, bool]:
    """Where the checkout starts, and whether it has uncommitted changes (only allowed with ``force``)."""
    start = gitops.head_state(repo)
    if start.sha is None:
        raise RunError(f"{root}: the repository has no commits yet")
    operation = gitops.operation_in_progress(repo)
    if operation:
        raise RunError(f"{root}: a {operation} is in progress; finish or abort it first")
    if start.branch is None and not force:
        raise RunError(f"{root}: HEAD is detached; check out a branch first (or use --force)")
    dirty = gitops.dirty_paths(repo)
    if dirty and not force:
        more = f" and {len(dirty) - 1} more" if len(dirty) > 1 else ""
        raise RunError(
            f"{root}: uncommitted changes ({escape_control(dirty[0])}{more}); "
            "commit or stash them first (or use --force; they are never touched)"
        )
    problem = gitops.identity_problem(repo)
    if problem:
        raise RunError(problem)
    return start, bool(dirty)


def check_prefix(repo: git.Repo, prefix: str) -> None:
    if not prefix or prefix.startswith("-") or not gitops.valid_branch_name(repo, prefix + "x"):
        raise RunError(f"--branch-prefix {prefix!r} does not make valid branch names")


def batch_origin(repo: git.Repo, tip: str) -> tuple[str | None, str]:
    """(base, recipe) of a batch commit: its parent and its ``Recipe:`` trailer (commits made
    before the trailer existed are the generator recipe's)."""
    parent, message = gitops.commit_parent_and_message(repo, tip)
    recipe = "generator"
    for line in message.splitlines():
        if line.startswith(RECIPE_TRAILER):
            recipe = line[len(RECIPE_TRAILER):].strip()
    return parent, recipe


def claim_branches(repo: git.Repo, state: RunState, branches: list[str], force: bool,
                   base: str = "", recipe: str = "generator") -> dict[str, str | None]:
    """branch -> its tip now (None: it does not exist yet), for every branch the run may move.

    Each must be this tool's and hold a batch of the same recipe from the same base (or
    ``force``), and be checked out in no worktree: a reviewed batch is never replaced silently.
    """
    checked_out = gitops.checked_out_branches(repo)
    tips: dict[str, str | None] = {}
    other_base: list[tuple[str, str | None]] = []  # (branch, its base): named together, not one per re-run
    for branch in branches:
        if not gitops.valid_branch_name(repo, branch):
            raise RunError(f"{branch!r} is not a valid branch name; choose another --branch-prefix")
        if branch in checked_out:
            raise RunError(f"branch {branch} is checked out in {checked_out[branch]}; switch that worktree "
                           "to another branch first")
        tip = gitops.branch_tip(repo, branch)
        if tip is not None and not state.owns_branch(branch, tip) and not force:
            raise RunError(f"branch {branch} already exists and was not created by idmigrate run "
                           "(or was changed since); delete or rename it, or use --force to replace it")
        if tip is not None and not force:
            their_base, their_recipe = batch_origin(repo, tip)
            if their_recipe != recipe:
                raise RunError(f"branch {branch} holds a batch of the {their_recipe} recipe, this run is {recipe}; "
                               "choose another --branch-prefix, or use --force to replace it")
            if base and their_base != base:
                other_base.append((branch, their_base))
        tips[branch] = tip
    if other_base:
        (branch, their_base), more = other_base[0], len(other_base) - 1
        if more:
            raise RunError(f"branch {branch} and {more} more hold batches from another base (first: "
                           f"{(their_base or '?')[:10]}), this run's base is {base[:10]}; merge or delete them, "
                           "leave them out (--service), or use --force to replace them")
        raise RunError(f"branch {branch} holds a batch from base {(their_base or '?')[:10]}, this run's base "
                       f"is {base[:10]}; merge or delete it, leave it out (--service), or use --force to replace it")
    return tips
