"""``idmigrate run`` and ``idmigrate status``: one branch + commit per service batch.

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
"""

from __future__ import annotations

import contextlib
import re
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterator, TextIO

from migrate import gitops
from migrate.run import testrun
from migrate.workspace.config import Config
from migrate.interrupts import deferred_interrupts, sigterm_as_interrupt
from migrate.run.state import FINISHED, RunLock, RunState, StateError, state_dir
from migrate.output.terminal import escape_control

DEFAULT_PREFIX = "idmigrate/"
WORKTREES = "worktrees"
_PLAN_WORKTREE = "_plan"
#: Review items listed in a commit message before "... and N more".
MAX_REVIEW_LINES = 300
#: Output lines of a red batch shown in the summary (the state file keeps more).
SUMMARY_TAIL_LINES = 25

STATE_LABELS = {
    "committed": "committed",
    "red": "red",
    "pending": "pending",
    "running": "interrupted",
    "nothing": "nothing to migrate",
}


class RunError(Exception):
    """Bad usage or input, or a repository ``run`` refuses to touch: exit 2, one line."""


@dataclass
class RunOptions:
    services: list[str] | None = None
    paths: list[str] | None = None
    base: str | None = None  # default: HEAD (on --resume: the interrupted run's base)
    branch_prefix: str | None = None  # default: "idmigrate/" (on --resume: the run's prefix)
    resume: bool = False
    retry_failed: bool = False
    no_tests: bool = False
    keep_going: bool = False
    force: bool = False
    jobs: int | None = None
    #: Which codemods a batch applies (``--recipe``); phase 2/3 runs want their own --branch-prefix.
    recipes: tuple[str, ...] = ("generator",)


@dataclass
class BatchResult:
    service: str
    branch: str
    state: str  # committed | red | nothing | pending | running
    files: int = 0
    sites: dict[str, int] = field(default_factory=lambda: {"exact": 0, "format": 0, "manual": 0})
    tests: dict[str, Any] | None = None
    commit: str | None = None
    base: str | None = None
    reason: str = ""
    output_tail: str = ""
    #: True when the outcome comes from an earlier run (``--resume`` skipped the batch).
    earlier: bool = False

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_state(cls, service: str, entry: dict[str, Any]) -> "BatchResult":
        known = set(cls.__dataclass_fields__) - {"service", "earlier"}
        data = {k: v for k, v in entry.items() if k in known}
        data.setdefault("branch", "")
        data.setdefault("state", "pending")
        return cls(service=service, earlier=True, **data)


@dataclass
class RunResult:
    root: Path
    base: str
    prefix: str
    start: gitops.HeadState
    batches: list[BatchResult] = field(default_factory=list)
    #: Why the run stopped before its last batch ("" when it did not).
    stopped: str = ""
    message: str = ""

    @property
    def exit_code(self) -> int:
        return 1 if any(b.state == "red" for b in self.batches) else 0

    def to_json(self) -> dict[str, Any]:
        counts = Counter(b.state for b in self.batches)
        return {
            "root": str(self.root),
            "base": self.base,
            "branch_prefix": self.prefix,
            "start": {"branch": self.start.branch, "head": self.start.sha},
            "exit_code": self.exit_code,
            "stopped": self.stopped,
            "message": self.message,
            "counts": {s: counts.get(s, 0) for s in ("committed", "red", "nothing", "pending", "running")},
            "batches": [b.to_json() for b in self.batches],
        }


# ------------------------------------------------------------------ progress
class Reporter:
    """Progress on the ``log`` stream: rich spinners on a terminal, plain lines otherwise."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        isatty = getattr(stream, "isatty", None)
        self.tty = bool(isatty and isatty())
        self._console = None
        if self.tty:
            from rich.console import Console

            self._console = Console(file=stream, highlight=False)

    def line(self, text: str) -> None:
        text = escape_control(text)
        if self._console is not None:
            self._console.print(text, markup=False, highlight=False, soft_wrap=True)
        else:
            self.stream.write(text + "\n")
            self.stream.flush()

    @contextlib.contextmanager
    def activity(self, text: str, plain: bool = True) -> Iterator[None]:
        """A spinner with ``text`` on a terminal; else the line itself (or nothing when not ``plain``)."""
        if self._console is not None:
            with self._console.status(escape_control(text), spinner="dots"):
                yield
        else:
            if plain:
                self.line(text)
            yield


# ------------------------------------------------------------------ helpers
def order_services(names: list[str], shared_packages: tuple[str, ...] | list[str]) -> list[str]:
    """Shared packages first, then the others alphabetically, ``_root`` last."""
    from migrate.workspace.services import ROOT_SERVICE

    shared = [n for n in shared_packages if n in names]
    rest = sorted(n for n in names if n not in shared and n != ROOT_SERVICE)
    tail = [ROOT_SERVICE] if ROOT_SERVICE in names else []
    return list(dict.fromkeys(shared + rest + tail))


def _safe_dir_name(service: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", service) or "_"


def _site_counts(outcomes) -> dict[str, int]:
    counts = {"exact": 0, "format": 0, "manual": 0}
    for o in outcomes:
        for f in o.result.findings:
            counts[f.safety.label] += 1
    return counts


def _n(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z")


def commit_message(service: str, outcomes, changed, written: list[str], not_written, tests_line: str,
                   base: str) -> str:
    """The batch commit's message: rules applied, sites by class, the review items."""
    from migrate import __version__

    counts = _site_counts(outcomes)
    applied = Counter(f.code for o in changed for f in o.result.findings if f.applied)
    applied_sites = counts["exact"] + counts["format"]
    lines = [
        f"idmigrate: migrate {service} to UnifiedIDManager",
        "",
        f"{_n(len(written), 'file')} changed; {_n(applied_sites, 'call site')} rewritten "
        f"({counts['exact']} exact, {counts['format']} format); {_n(counts['manual'], 'manual site')} left as they were.",
        "",
        "Rules applied:",
    ]
    lines += [f"  {code}  x{n}" for code, n in sorted(applied.items())] or ["  (none)"]
    lines += [
        "",
        "Sites by safety class:",
        f"  exact   {counts['exact']:>4}  same meaning",
        f"  format  {counts['format']:>4}  applied; the ID text changes shape (review)",
        f"  manual  {counts['manual']:>4}  not applied (listed below)",
    ]
    manual = [
        (o.path, f) for o in sorted(outcomes, key=lambda o: o.path)
        for f in o.result.findings if not f.applied
    ]
    if manual:
        lines += ["", "Review (manual sites, not applied):"]
        for path, f in manual[:MAX_REVIEW_LINES]:
            lines.append(f"  {path}:{f.line}: {f.member}: {f.reason}")
        if len(manual) > MAX_REVIEW_LINES:
            lines.append(f"  ... and {len(manual) - MAX_REVIEW_LINES} more (idmigrate report --service {service})")
    if counts["format"]:
        lines += ["", f"The {counts['format']} format sites are listed by `idmigrate report --service {service}`."]
    problems = [(o.path, o.result.reason) for o in outcomes if o.result.status in ("skipped", "failed")]
    problems += list(not_written)
    if problems:
        lines += ["", "Not migrated (left unchanged):"]
        lines += [f"  {path}: {why}" for path, why in problems]
    lines += ["", f"Tests: {tests_line}", f"Base: {base}", "", f"Generated-by: idmigrate {__version__} (idmigrate run)"]
    return "\n".join(escape_control(line) for line in lines) + "\n"


def _tests_line(command: testrun.TestCommand | None, after: testrun.TestRun | None, verdict, no_tests: bool) -> str:
    if no_tests:
        return "not run (--no-tests)"
    if command is None or after is None:
        return "none (no test command and no test files for this service)"
    if after.passed is not None:
        text = f"{command.label}: {after.passed} passed, {after.failed} failed"
    else:
        text = f"{command.label}: exit {after.exit_code}"
    if verdict is not None and verdict.already_failing:
        text += f"; already failing on the base: {', '.join(verdict.already_failing)}"
    return text


# ------------------------------------------------------------------ the run
class _Runner:
    def __init__(self, root: Path, config: Config, options: RunOptions, log: TextIO) -> None:
        self.root = root
        self.config = config
        self.options = options
        self.report = Reporter(log)

    # -- pre-flight --------------------------------------------------------
    def preflight(self, repo) -> tuple[gitops.HeadState, bool]:
        opts = self.options
        start = gitops.head_state(repo)
        if start.sha is None:
            raise RunError(f"{self.root}: the repository has no commits yet")
        operation = gitops.operation_in_progress(repo)
        if operation:
            raise RunError(f"{self.root}: a {operation} is in progress; finish or abort it first")
        if start.branch is None and not opts.force:
            raise RunError(f"{self.root}: HEAD is detached; check out a branch first (or use --force)")
        dirty = gitops.dirty_paths(repo)
        if dirty and not opts.force:
            more = f" and {len(dirty) - 1} more" if len(dirty) > 1 else ""
            raise RunError(
                f"{self.root}: uncommitted changes ({escape_control(dirty[0])}{more}); "
                "commit or stash them first (or use --force; they are never touched)"
            )
        problem = gitops.identity_problem(repo)
        if problem:
            raise RunError(problem)
        return start, bool(dirty)

    # -- planning --------------------------------------------------------------
    def build_plan(self, repo, base: str, start: gitops.HeadState, dirty: bool, paths: list[str] | None):
        from migrate.workspace.pipeline import PlanError, UsageError, build_plan, resolve_paths

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
                    workers=opts.jobs, use_cache=in_place, recipes=opts.recipes,
                )
        except PlanError as exc:
            raise RunError(str(exc)) from None
        finally:
            if not in_place:
                with deferred_interrupts():
                    gitops.remove_worktree(repo, plan_root)

    # -- entry point -----------------------------------------------------------
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

    def _run(self, repo) -> RunResult:
        start, dirty = self.preflight(repo)
        sdir = state_dir(gitops.common_dir(repo))
        self.worktree_dir = sdir / WORKTREES
        try:
            lock = RunLock(sdir)
            lock.acquire()
        except StateError as exc:
            raise RunError(str(exc)) from None
        try:
            with sigterm_as_interrupt():
                return self._locked_run(repo, start, dirty, sdir)
        finally:
            lock.release()

    def _locked_run(self, repo, start: gitops.HeadState, dirty: bool, sdir: Path) -> RunResult:
        opts = self.options
        try:
            state = RunState.load(sdir)
        except StateError as exc:
            raise RunError(str(exc)) from None
        self.cleanup_stale_worktrees(repo)
        previous = state.run
        if opts.resume:
            if not previous.get("base"):
                raise RunError("no earlier run to resume; start one without --resume")
            base = previous["base"]
            if opts.base and gitops.resolve_commit(repo, opts.base) != base:
                raise RunError(f"--resume continues the run based on {base[:10]}; drop --base or start a new run")
            prefix = previous.get("prefix", DEFAULT_PREFIX)
            if opts.branch_prefix is not None and opts.branch_prefix != prefix:
                raise RunError(f"--resume continues the run with --branch-prefix {prefix!r}")
            paths = opts.paths or previous.get("paths") or None
        else:
            try:
                base = gitops.resolve_commit(repo, opts.base or "HEAD")
            except gitops.GitError as exc:
                raise RunError(f"--base: {exc}") from None
            prefix = DEFAULT_PREFIX if opts.branch_prefix is None else opts.branch_prefix
            paths = opts.paths or None
        if not prefix or prefix.startswith("-") or not gitops.valid_branch_name(repo, prefix + "x"):
            raise RunError(f"--branch-prefix {prefix!r} does not make valid branch names")

        plan = self.build_plan(repo, base, start, dirty, paths)
        order = order_services(plan.services, self.config.shared_packages)
        if opts.services:
            selected = [s for s in order if s in set(opts.services)]
        elif opts.resume and previous.get("services"):
            selected = [s for s in order if s in set(previous["services"])]
        else:
            selected = order
        if paths:  # --path narrows the run to the services that have files there
            present = {o.service for o in plan.outcomes}
            selected = [s for s in selected if s in present]

        result = RunResult(self.root, base, prefix, start)
        to_run: list[str] = []
        for service in selected:
            entry = state.batch(service)
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
        if not to_run:
            result.message = ("no red batches to retry" if opts.retry_failed
                              else "every batch of the run is finished" if opts.resume else "nothing to do")
            self.report.line(result.message)
            result.batches.sort(key=lambda b: order.index(b.service) if b.service in order else len(order))
            return result

        changes = {s: [o for o in plan.changed if o.service == s] for s in to_run}
        outcomes = {s: [o for o in plan.outcomes if o.service == s] for s in to_run}
        # Every branch this run may move must be ours (or --force), and checked out nowhere.
        checked_out = gitops.checked_out_branches(repo)
        tips: dict[str, str | None] = {}
        for service in to_run:
            if not changes[service]:
                continue
            branch = prefix + service
            if not gitops.valid_branch_name(repo, branch):
                raise RunError(f"{branch!r} is not a valid branch name; choose another --branch-prefix")
            if branch in checked_out:
                raise RunError(f"branch {branch} is checked out in {checked_out[branch]}; switch that worktree "
                               "to another branch first")
            tip = gitops.branch_tip(repo, branch)
            if tip is not None and not state.owns_branch(branch, tip) and not opts.force:
                raise RunError(f"branch {branch} already exists and was not created by idmigrate run "
                               "(or was changed since); delete or rename it, or use --force to replace it")
            tips[branch] = tip

        # From here on the run changes things: record it first.
        if not (opts.resume and previous.get("base") == base):
            state.run = {
                "base": base, "base_ref": opts.base or "HEAD", "prefix": prefix,
                "services": selected, "paths": paths or [], "started": _now(),
            }
        state.run.update(start_branch=start.branch, start_head=start.sha, status="running")
        for service in to_run:
            state.set_batch(service, state="pending", branch=prefix + service, base=base)
        with deferred_interrupts():
            state.save()
        self.report.line(f"idmigrate run: {len(to_run)} batch{'es' if len(to_run) != 1 else ''} from {base[:10]} "
                         f"(starting on {start.describe()}); branches {prefix}<service>")

        position = {s: i for i, s in enumerate(to_run, 1)}
        status = "finished"
        try:
            for service in selected:
                if service not in position:
                    continue
                if result.stopped:
                    result.batches.append(BatchResult(
                        service, prefix + service, "pending", base=base,
                        reason=f"not run: {result.stopped}", sites=_site_counts(outcomes[service]),
                    ))
                    continue
                label = f"[{position[service]}/{len(to_run)}] {service}"
                batch = self.run_batch(repo, state, service, label, prefix + service, base,
                                       outcomes[service], changes[service], tips.get(prefix + service))
                result.batches.append(batch)
                if batch.state == "red" and not opts.keep_going:
                    result.stopped = f"stopped after the red batch {service} (use --keep-going to go on)"
                    status = "stopped"
        except KeyboardInterrupt:
            status = "interrupted"
            self.report.line("interrupted: the current batch will be retried by `idmigrate run --resume`")
            raise
        except BaseException:
            status = "failed"
            raise
        finally:
            state.run["status"] = status
            state.run["finished"] = _now()
            with deferred_interrupts():
                state.save()
            end = gitops.head_state(repo)
            if end != start:  # never expected: nothing here touches the user's checkout
                self.report.line(f"warning: the checkout is now on {end.describe()}, was {start.describe()}")
        order_index = {s: i for i, s in enumerate(order)}
        result.batches.sort(key=lambda b: order_index.get(b.service, len(order)))
        self.report.line(f"back on {start.describe()}")
        return result

    def cleanup_stale_worktrees(self, repo) -> None:
        """Worktrees a killed run left behind (only ours: under .git/idmigrate/worktrees)."""
        directory = self.worktree_dir
        stale = [p for p in gitops.registered_worktrees(repo)
                 if directory.resolve() in p.resolve().parents]
        if directory.is_dir():
            stale += [p for p in directory.iterdir() if p not in stale]
        with deferred_interrupts():
            for path in stale:
                gitops.remove_worktree(repo, path)

    # -- one batch -------------------------------------------------------------
    def run_batch(self, repo, state: RunState, service: str, label: str, branch: str, base: str,
                  outcomes, changed, tip: str | None) -> BatchResult:
        sites = _site_counts(outcomes)
        if not changed:
            reason = "nothing to migrate"
            if sites["manual"]:
                reason += f" ({_n(sites['manual'], 'manual site')} left for review: idmigrate report --service {service})"
            problems = [o for o in outcomes if o.result.status in ("skipped", "failed")]
            if problems:
                reason += f"; {_n(len(problems), 'file')} could not be migrated"
            state.set_batch(service, state="nothing", branch="", base=base, sites=sites, reason=reason)
            with deferred_interrupts():
                state.save()
            self.report.line(f"{label}: {reason}")
            return BatchResult(service, "", "nothing", 0, sites, base=base, reason=reason)

        state.set_batch(service, state="running", branch=branch, base=base, sites=sites, started=_now())
        with deferred_interrupts():
            state.save()
        worktree = self.worktree_dir / _safe_dir_name(service)
        try:
            return self._batch_in_worktree(repo, state, service, label, branch, base, outcomes, changed, tip,
                                           worktree, sites)
        finally:
            with deferred_interrupts():
                gitops.remove_worktree(repo, worktree)

    def _batch_in_worktree(self, repo, state, service, label, branch, base, outcomes, changed, tip, worktree,
                           sites) -> BatchResult:
        from migrate.workspace.apply import write_changes
        from migrate.workspace.pipeline import Plan
        from migrate.workspace.services import ROOT_SERVICE

        opts = self.options
        gitops.remove_worktree(repo, worktree)
        with self.report.activity(f"{label}: applying {_n(len(changed), 'file')} in a worktree"):
            gitops.add_worktree(repo, worktree, base)
            written, not_written = write_changes(Plan(root=worktree, outcomes=list(changed)))
            if not_written:  # the worktree is ours, so this is the disk or the system: never commit half a batch
                path, why = not_written[0]
                raise RunError(f"{service}: cannot write {path} in the worktree: {why}; nothing was committed "
                               "(fix it, then continue with `idmigrate run --resume`)")
            tree = gitops.stage_tracked_changes(worktree)
        if not written or tree == gitops.tree_of(repo, base):
            reason = "nothing to migrate" + (
                f" (not written: {not_written[0][0]}: {not_written[0][1]})" if not_written else "")
            state.set_batch(service, state="nothing", branch="", base=base, sites=sites, reason=reason)
            state.save()
            self.report.line(f"{label}: {reason}")
            return BatchResult(service, "", "nothing", 0, sites, base=base, reason=reason)

        service_config = self.config.services.get(service)
        service_path = service_config.path if service_config else ("" if service == ROOT_SERVICE else service)
        command = None if opts.no_tests else testrun.resolve_test_command(
            service, service_path, service_config, self.config, worktree)
        after = baseline = verdict = None
        if command is not None:
            with self.report.activity(f"{label}: running {command.label} (timeout {command.timeout} s)"):
                after = testrun.run_tests(command, worktree)
            if testrun.needs_baseline(after):
                key = f"{base}:{service}:{command.fingerprint()}"
                cached = state.baseline(key)
                if cached is not None:
                    baseline = testrun.TestRun.from_json(cached)
                    self.report.line(f"{label}: tests failed; comparing with the cached run on the base")
                else:
                    with self.report.activity(f"{label}: tests failed; running them on the unmodified base"):
                        gitops.reset_worktree(worktree, base)
                        baseline = testrun.run_tests(command, worktree)
                    state.put_baseline(key, baseline.to_json() | {"recorded": _now()})
            verdict = testrun.compare(baseline, after)
        tests = self._tests_record(command, after, baseline, verdict, opts.no_tests)

        if verdict is not None and verdict.red:
            tail = after.tail if after else ""
            with deferred_interrupts():  # the branch and the state file change together
                # Only a branch this tool made goes; a foreign one that --force would have replaced
                # is left as it was, since nothing replaces it.
                if state.owns_branch(branch, tip) and gitops.branch_tip(repo, branch) == tip:
                    gitops.delete_branch(repo, branch, tip)
                    state.branches.pop(branch, None)
                state.set_batch(service, state="red", branch=branch, base=base, sites=sites, files=len(written),
                                reason=verdict.reason, tests=tests, output_tail=tail, commit=None)
                state.save()
            self.report.line(f"{label}: red: {verdict.reason}")
            return BatchResult(service, branch, "red", len(written), sites, tests, None, base, verdict.reason, tail)

        message = commit_message(service, outcomes, changed, written, not_written,
                                 _tests_line(command, after, verdict, opts.no_tests), base)
        reason = ""
        if verdict is not None and verdict.already_failing:
            reason = f"already failing on the base: {', '.join(verdict.already_failing)}"
        if not_written:
            reason = "; ".join(filter(None, [reason, f"{_n(len(not_written), 'file')} not written"]))
        commit = gitops.commit_tree(repo, tree, base, message)
        with deferred_interrupts():  # the branch and the state file change together
            gitops.set_branch(repo, branch, commit, tip, f"idmigrate run: {service}")
            state.branches[branch] = commit
            state.set_batch(service, state="committed", branch=branch, base=base, sites=sites, files=len(written),
                            commit=commit, tests=tests, reason=reason)
            state.save()
        tested = f"; {_n(after.passed, 'test')} passed" if after is not None and after.passed is not None else ""
        self.report.line(f"{label}: committed {commit[:10]} on {branch} ({_n(len(written), 'file')}{tested})")
        return BatchResult(service, branch, "committed", len(written), sites, tests, commit, base, reason)

    @staticmethod
    def _tests_record(command, after, baseline, verdict, no_tests) -> dict[str, Any] | None:
        if no_tests:
            return {"ran": False, "status": "skipped", "why": "--no-tests"}
        if command is None or after is None:
            return {"ran": False, "status": "none", "why": "no test command and no test files"}
        return {
            "ran": True,
            "status": after.status,
            "command": command.label,
            "exit_code": after.exit_code,
            "duration": round(after.duration, 2),
            "passed": after.passed,
            "failed": after.failed,
            "new_failures": verdict.new_failures if verdict else [],
            "already_failing": verdict.already_failing if verdict else [],
            "baseline": None if baseline is None else {
                "status": baseline.status, "exit_code": baseline.exit_code,
                "passed": baseline.passed, "failed": baseline.failed,
            },
        }


def run_batches(root: Path, config: Config, options: RunOptions | None = None, log: TextIO | None = None) -> RunResult:
    """Run every selected service batch; raises ``RunError`` (exit 2) and ``KeyboardInterrupt``."""
    runner = _Runner(Path(root).resolve(), config, options or RunOptions(), log or sys.stderr)
    return runner.run()


# ----------------------------------------------------------------- rendering
def _tests_cell(tests: dict[str, Any] | None) -> tuple[str, str]:
    if not tests or not tests.get("ran"):
        return "-", "-"
    if tests.get("passed") is None:
        return ("ok" if tests.get("status") == "passed" else tests.get("status", "?")), "-"
    return str(tests["passed"]), str(tests["failed"])


def _state_cell(batch: BatchResult) -> str:
    text = STATE_LABELS.get(batch.state, batch.state)
    if batch.state == "red" and batch.reason:
        text += f": {batch.reason}"
    if batch.earlier:
        text += " (earlier run)"
    return text


def render_summary(result: RunResult) -> str:
    """The end-of-run table: service, branch, files, sites, tests passed/failed, commit, state."""
    headers = ("service", "branch", "files", "sites", "passed", "failed", "commit", "state")
    rows = []
    for b in result.batches:
        passed, failed = _tests_cell(b.tests)
        total = sum(b.sites.values())
        rows.append((
            b.service, b.branch or "-", str(b.files) if b.state in ("committed", "red") else "-",
            str(total), passed, failed, (b.commit or "")[:10] or "-", _state_cell(b),
        ))
    rows = [tuple(escape_control(c) for c in r) for r in rows]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers[:-1])]
    numeric = {2, 3, 4, 5}

    def fmt(cells) -> str:
        parts = [c.rjust(widths[i]) if i in numeric else c.ljust(widths[i]) for i, c in enumerate(cells[:-1])]
        return "  ".join(parts + [cells[-1]]).rstrip()

    lines = [fmt(headers)] + [fmt(r) for r in rows]
    for b in result.batches:
        if b.state == "red" and b.output_tail and not b.earlier:
            lines += ["", f"--- {escape_control(b.service)}: {escape_control(b.reason)}; last test output:"]
            lines += ["    " + escape_control(ln) for ln in b.output_tail.splitlines()[-SUMMARY_TAIL_LINES:]]
        already = (b.tests or {}).get("already_failing") or []
        if already and b.state != "red":
            lines.append("")
            lines.append(f"{escape_control(b.service)}: already failing on the base (not blamed on the migration): "
                         + escape_control(", ".join(already)))
    counts = Counter(b.state for b in result.batches)
    lines += ["", (f"{counts['committed']} committed, {counts['red']} red, {counts['nothing']} nothing to migrate, "
                   f"{counts['pending'] + counts['running']} pending; base {result.base[:10]}; "
                   f"back on {escape_control(result.start.describe())}")]
    if result.stopped:
        lines.append(escape_control(result.stopped))
    if result.message:
        lines.append(escape_control(result.message))
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------- status
def status_report(root: Path, config: Config, plan, services: list[str] | None = None) -> dict[str, Any]:
    """Burndown: per service, the generator sites still in ROOT's checkout and the batch's state."""
    from migrate.output.report import summarize

    summary = summarize(plan)
    state: RunState | None = None
    branch_tips: dict[str, str | None] = {}
    note = ""
    try:
        repo = gitops.open_repo(root)
    except gitops.GitNotFoundError as exc:
        repo = None
        note = f"{exc}: no batch states"
    except gitops.NotARepositoryError:
        repo = None
        note = "not a git repository: no batch states"
    if repo is not None:
        try:
            state = RunState.load(state_dir(gitops.common_dir(repo)))
            for entry in state.batches.values():
                if entry.get("branch"):
                    branch_tips[entry["branch"]] = gitops.branch_tip(repo, entry["branch"])
        finally:
            repo.close()
    rows = []
    order = order_services(plan.services, config.shared_packages)
    for service in order:
        if services and service not in services:
            continue
        usage = summary["services"].get(service)
        sites = dict(usage["sites"]) if usage else {"exact": 0, "format": 0, "manual": 0}
        entry = state.batch(service) if state else None
        if not usage and not entry:
            continue
        if entry:
            current = entry.get("state", "pending")
        else:
            current = "pending" if sites["exact"] + sites["format"] else "nothing"
        row = {
            "service": service,
            "files": usage["files"] if usage else 0,
            "sites": sites,
            "remaining": sum(sites.values()),
            "state": current,
            "label": STATE_LABELS.get(current, current),
            "branch": (entry or {}).get("branch") or "",
            "commit": (entry or {}).get("commit"),
            "reason": (entry or {}).get("reason", ""),
            "base": (entry or {}).get("base"),
        }
        if current == "committed" and row["branch"]:
            tip = branch_tips.get(row["branch"])
            row["branch_status"] = ("ok" if tip == row["commit"] else "deleted" if tip is None else "moved")
        rows.append(row)
    totals = {c: sum(r["sites"][c] for r in rows) for c in ("exact", "format", "manual")}
    return {
        "root": str(root),
        "run": dict(state.run) if state else {},
        "note": note,
        "services": rows,
        "totals": totals | {"all": sum(totals.values())},
    }


def render_status(report: dict[str, Any]) -> str:
    headers = ("service", "files", "exact", "format", "manual", "state")
    table = []
    for r in report["services"]:
        state = r["label"]
        if r["state"] == "committed":
            state += f" {(r['commit'] or '')[:10]} on {r['branch']}"
            if r.get("branch_status") not in (None, "ok"):
                state += f" (branch {r['branch_status']})"
        elif r["state"] == "red":
            state += f": {r['reason']}"
        s = r["sites"]
        table.append((r["service"], str(r["files"]), str(s["exact"]), str(s["format"]), str(s["manual"]), state))
    table = [tuple(escape_control(c) for c in row) for row in table]
    widths = [max([len(h)] + [len(row[i]) for row in table]) for i, h in enumerate(headers[:-1])]

    def fmt(cells) -> str:
        parts = [cells[0].ljust(widths[0])] + [c.rjust(widths[i]) for i, c in enumerate(cells[1:-1], 1)]
        return "  ".join(parts + [cells[-1]]).rstrip()

    lines = [fmt(headers)] + [fmt(row) for row in table]
    t = report["totals"]
    lines.append(f"{t['all']} generator call sites left in the checkout: {t['exact']} exact, {t['format']} format, "
                 f"{t['manual']} manual")
    run = report.get("run") or {}
    if run.get("base"):
        line = f"last run: base {run['base'][:10]}, {run.get('status', '?')}"
        if run.get("status") in ("interrupted", "running", "failed"):
            line += " (continue it with `idmigrate run --resume`)"
        lines.append(escape_control(line))
    if report.get("note"):
        lines.append(report["note"])
    return "\n".join(lines) + "\n"
