"""``idmigrate run``: one branch + commit per service batch.

For every service, in dependency order (the shared packages first, then the
others alphabetically, the loose root files last)::

    worktree  .git/idmigrate/worktrees/<service>, detached at the base commit
    apply     that service's changes only (the same Plan ``apply`` uses)
    stage     ``git add -u`` + ``git write-tree`` (before any test runs, so a test
              that writes files can never end up in the commit)
    test      the service's test command, with a timeout, in the worktree
    baseline  only when the tests failed: the same command on the unmodified base
              (``git reset --hard`` in the worktree), cached per base sha + service
    verdict   red only for failures the migration introduced
    commit    green: ``git commit-tree`` + compare-and-swap ``update-ref`` of
              ``<prefix><service>``; red: no commit, and the branch is deleted
    cleanup   the worktree is removed, also on errors and interrupts

The user's checkout is never touched (no checkout, reset or stash in it), so the
starting branch, HEAD, index and uncommitted work are the same afterwards.
This module drives the run; ``batch`` does one service, ``preflight`` the checks.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from migrate import gitops
from migrate.commands.problems import expose_hint
from migrate.interrupts import deferred_interrupts, sigterm_as_interrupt
from migrate.output.progress import Reporter
from migrate.run import preflight
from migrate.run.batch import Batch, run_batch
from migrate.run.model import (
    BatchResult, RunError, RunOptions, RunResult, default_prefix, now, order_services, recipe_label,
    site_counts,
)
from migrate.run.state import FINISHED, RunLock, RunState, StateError, state_dir
from migrate.workspace.config import Config

if TYPE_CHECKING:
    import git

    from migrate.workspace.pipeline import Plan

WORKTREES = "worktrees"
_PLAN_WORKTREE = "_plan"


def run_batches(root: Path, config: Config, options: RunOptions | None = None, log: TextIO | None = None) -> RunResult:
    """Run every selected service batch; raises ``RunError`` (exit 2) and ``KeyboardInterrupt``."""
    runner = _Runner(Path(root).resolve(), config, options or RunOptions(), log or sys.stderr)
    return runner.run()


def _safe_dir_name(service: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", service) or "_"


class _Runner:
    def __init__(self, root: Path, config: Config, options: RunOptions, log: TextIO) -> None:
        self.root = root
        self.config = config
        self.options = options
        self.report = Reporter(log)

    def run(self) -> RunResult:
        try:
            repo = gitops.open_repo(self.root)
        except gitops.NotARepositoryError as exc:
            raise RunError(str(exc)) from None
        try:
            return self._run(repo)
        except gitops.GitError as exc:
            raise RunError(str(exc)) from None
        except OSError as exc:  # e.g. a full disk while saving the state: one line, not a traceback
            where = f"{exc.filename}: " if exc.filename else ""
            raise RunError(f"{where}{exc.strerror or exc}") from None
        finally:
            repo.close()

    def _run(self, repo: git.Repo) -> RunResult:
        start, dirty = preflight.check_repository(self.root, repo, self.options.force)
        try:
            sdir = state_dir(Path(repo.working_tree_dir))
            self.worktree_dir = sdir / WORKTREES
            lock = RunLock(sdir)
            lock.acquire()
        except StateError as exc:
            raise RunError(str(exc)) from None
        try:
            with sigterm_as_interrupt():
                return self._locked_run(repo, start, dirty, sdir)
        finally:
            lock.release()

    # -- what to run -----------------------------------------------------------
    def _base_prefix_paths(self, repo: git.Repo, previous: dict) -> tuple[str, str, list[str] | None]:
        """The base commit, branch prefix and paths: the options', or on --resume the earlier run's."""
        opts = self.options
        if opts.resume:
            if not previous.get("base"):
                raise RunError("no earlier run to resume; start one without --resume")
            base = previous["base"]
            if opts.base and gitops.resolve_commit(repo, opts.base) != base:
                raise RunError(f"--resume continues the run based on {base[:10]}; drop --base or start a new run")
            prefix = previous.get("prefix", default_prefix(opts.recipes))
            if opts.branch_prefix is not None and opts.branch_prefix != prefix:
                raise RunError(f"--resume continues the run with --branch-prefix {prefix!r}")
            paths = opts.paths or previous.get("paths") or None
        else:
            try:
                base = gitops.resolve_commit(repo, opts.base or "HEAD")
            except gitops.GitError as exc:
                raise RunError(f"--base: {exc}") from None
            prefix = default_prefix(opts.recipes) if opts.branch_prefix is None else opts.branch_prefix
            paths = opts.paths or None
        preflight.check_prefix(repo, prefix)
        return base, prefix, paths

    def _selected(self, order: list[str], previous: dict, plan: Plan, paths: list[str] | None) -> list[str]:
        opts = self.options
        if opts.services:
            selected = [s for s in order if s in set(opts.services)]
        elif opts.resume and previous.get("services"):
            selected = [s for s in order if s in set(previous["services"])]
        else:
            selected = order
        if paths:  # --path narrows the run to the services that have files there
            present = {o.service for o in plan.outcomes}
            selected = [s for s in selected if s in present]
        return selected

    def _to_run(self, selected: list[str], state: RunState, result: RunResult, plan: Plan) -> list[str]:
        """The batches to run now; the ones left as they are go into ``result`` as earlier outcomes
        (a batch never run keeps the sites the plan finds for it)."""
        opts = self.options
        to_run: list[str] = []
        for service in selected:
            entry = state.batch(service)
            if entry and entry.get("state") not in FINISHED:
                entry = {**entry, "sites": site_counts([o for o in plan.outcomes if o.service == service])}
            current = entry.get("state") if entry else None
            if opts.retry_failed and current == "red":
                to_run.append(service)
            elif opts.resume and current in FINISHED:
                result.batches.append(BatchResult.from_state(service, entry))
            elif opts.retry_failed and not opts.resume:
                if entry:
                    result.batches.append(BatchResult.from_state(service, entry))
            else:
                to_run.append(service)
        return to_run

    # -- planning --------------------------------------------------------------
    def build_plan(self, repo: git.Repo, base: str, start: gitops.HeadState, dirty: bool,
                   paths: list[str] | None) -> Plan:
        from migrate.workspace.errors import PlanError, UsageError
        from migrate.workspace.pipeline import build_plan, resolve_paths

        opts = self.options
        try:
            rel_paths = resolve_paths(self.root, paths) if paths else []
        except UsageError as exc:
            raise RunError(str(exc)) from None
        in_place = not dirty and base == start.sha
        plan_root = self.root if in_place else self.worktree_dir / _PLAN_WORKTREE
        try:
            if not in_place:  # plan what the base holds, not what the checkout holds
                gitops.remove_worktree(repo, plan_root)
                gitops.add_worktree(repo, plan_root, base)
            # No plain line: a refused run prints exactly one line.
            with self.report.activity("planning: looking for generator usages", plain=False):
                return build_plan(
                    plan_root, self.config, services=opts.services or None,
                    paths=[str(plan_root / p) for p in rel_paths] or None,
                    workers=opts.jobs, use_cache=in_place and not opts.no_cache, recipes=opts.recipes,
                )
        except PlanError as exc:
            raise RunError(str(exc)) from None
        finally:
            if not in_place:
                with deferred_interrupts():
                    gitops.remove_worktree(repo, plan_root)

    # -- the run ---------------------------------------------------------------
    def _locked_run(self, repo: git.Repo, start: gitops.HeadState, dirty: bool, sdir: Path) -> RunResult:
        opts = self.options
        try:
            state = RunState.load(sdir, recipe_label(opts.recipes))
        except StateError as exc:
            raise RunError(str(exc)) from None
        self.cleanup_stale_worktrees(repo)
        previous = state.run
        base, prefix, paths = self._base_prefix_paths(repo, previous)

        plan = self.build_plan(repo, base, start, dirty, paths)
        order = order_services(plan.services, self.config.shared_packages)
        selected = self._selected(order, previous, plan, paths)
        result = RunResult(self.root, base, prefix, start, recipe_set=recipe_label(opts.recipes))
        to_run = self._to_run(selected, state, result, plan)
        if not to_run:
            result.message = ("no red batches to retry" if opts.retry_failed
                              else "every batch of the run is finished" if opts.resume else "nothing to do")
            self.report.line(result.message)
            result.batches.sort(key=lambda b: order.index(b.service) if b.service in order else len(order))
            return result

        changes = {s: [o for o in plan.changed if o.service == s] for s in to_run}
        outcomes = {s: [o for o in plan.outcomes if o.service == s] for s in to_run}
        tips = preflight.claim_branches(repo, state, [prefix + s for s in to_run if changes[s]], opts.force,
                                        base, recipe_label(opts.recipes))
        earlier = {s: dict(state.batch(s) or {}) for s in to_run}

        # From here on the run changes things: record it first.
        if not (opts.resume and previous.get("base") == base):
            state.run = {
                "base": base, "base_ref": opts.base or "HEAD", "prefix": prefix,
                "services": selected, "paths": paths or [], "started": now(),
            }
        state.run.update(start_branch=start.branch, start_head=start.sha, status="running")
        for service in to_run:
            state.set_batch(service, state="pending", branch=prefix + service, base=base,
                            sites=site_counts(outcomes[service]))
        with deferred_interrupts():
            state.save()
        hint = expose_hint(plan)
        if hint:
            self.report.line(hint)
        self.report.line(f"idmigrate run: {len(to_run)} batch{'es' if len(to_run) != 1 else ''} from {base[:10]} "
                         f"(starting on {start.describe()}); branches {prefix}<service>")

        position = {s: i for i, s in enumerate(to_run, 1)}
        status = "finished"
        not_run = 0
        try:
            for service in selected:
                if service not in position:
                    continue
                if result.stopped:
                    not_run += 1
                    result.batches.append(BatchResult(
                        service, prefix + service, "pending", base=base,
                        reason=f"not run: {result.stopped}", sites=site_counts(outcomes[service]),
                    ))
                    continue
                batch = run_batch(Batch(
                    repo=repo, state=state, config=self.config, options=opts, report=self.report,
                    service=service, label=f"[{position[service]}/{len(to_run)}] {service}",
                    branch=prefix + service, base=base, tip=tips.get(prefix + service), earlier=earlier[service],
                    outcomes=outcomes[service], changed=changes[service],
                    worktree=self.worktree_dir / _safe_dir_name(service), review=plan.review,
                    project=self.root,
                ))
                result.batches.append(batch)
                if batch.state == "red" and not opts.keep_going:
                    result.stopped = f"stopped after the red batch {service} (use --keep-going to go on)"
                    status = "stopped"
        except KeyboardInterrupt:  # the CLI says so, once, with the command that continues
            status = "interrupted"
            raise
        except BaseException:
            status = "failed"
            raise
        finally:
            if status == "stopped" and not not_run:  # the red batch was the last one: nothing was skipped
                result.stopped, status = "", "finished"
            state.run["status"] = status
            state.run["finished"] = now()
            with deferred_interrupts():
                state.save()
            end = gitops.head_state(repo)
            if end != start:  # never expected: nothing here touches the user's checkout
                self.report.line(f"warning: the checkout is now on {end.describe()}, was {start.describe()}")
        order_index = {s: i for i, s in enumerate(order)}
        result.batches.sort(key=lambda b: order_index.get(b.service, len(order)))
        self.report.line(f"back on {start.describe()}")
        return result

    def cleanup_stale_worktrees(self, repo: git.Repo) -> None:
        """Worktrees a killed run left behind (only ours: under .git/idmigrate/worktrees)."""
        directory = self.worktree_dir
        stale = [p for p in gitops.registered_worktrees(repo)
                 if directory.resolve() in p.resolve().parents]
        if directory.is_dir():
            stale += [p for p in directory.iterdir() if p not in stale]
        with deferred_interrupts():
            for path in stale:
                gitops.remove_worktree(repo, path)
