"""One service's batch of ``idmigrate run``: apply in a worktree, stage, test, commit or not.

Only this batch's branch and its entry in the state file change; the user's
checkout is never touched. Where the branch and the state file change together,
interrupts wait until both have.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from migrate import gitops
from migrate.interrupts import deferred_interrupts
from migrate.output.progress import Reporter
from migrate.run import preflight, testrun
from migrate.run.applied import batch_record
from migrate.run.commit_message import commit_message
from migrate.run.model import (
    BatchResult, RunError, RunOptions, now, plural, recipe_label, recipe_options, site_counts,
)
from migrate.run.state import RunState
from migrate.workspace.apply import write_changes
from migrate.workspace.config import Config
from migrate.workspace.pipeline import Outcome, Plan
from migrate.workspace.services import ROOT_SERVICE

if TYPE_CHECKING:
    import git


@dataclass
class Batch:
    """Everything one batch needs: the run it belongs to, its service, and where it goes."""

    repo: git.Repo
    state: RunState
    config: Config
    options: RunOptions
    report: Reporter
    service: str
    #: Prefix of its progress lines, e.g. "[2/8] auth_service".
    label: str
    branch: str
    base: str
    #: Where ``branch`` points before the batch (None: it does not exist).
    tip: str | None
    #: Every plan outcome of the service, and the ones that change a file.
    outcomes: list[Outcome]
    changed: list[Outcome]
    worktree: Path
    #: The batch's entry in the state file before this run (empty: none).
    earlier: dict | None = None
    #: The review decisions the plan honoured (``migrate.review.honour.ReviewState``), if any.
    review: object = None
    #: The repository root: where the default test command finds the project's interpreter.
    project: Path | None = None

    def __post_init__(self) -> None:
        self.sites = site_counts(self.outcomes)

    def record(self, **entry) -> None:
        """Set the batch's entry in the state file and save it; interrupts wait until it is saved."""
        with deferred_interrupts():
            self.state.set_batch(self.service, **entry)
            self.state.save()


def run_batch(batch: Batch) -> BatchResult:
    if not batch.changed:
        return _nothing(batch, _nothing_reason(batch))
    batch.record(state="running", branch=batch.branch, base=batch.base, sites=batch.sites, started=now())
    try:
        return _in_worktree(batch)
    finally:
        with deferred_interrupts():
            gitops.remove_worktree(batch.repo, batch.worktree)


def _nothing_reason(batch: Batch) -> str:
    reason = "nothing to migrate"
    if batch.sites["manual"]:
        again = recipe_options(recipe_label(batch.options.recipes))
        reason += (f" ({plural(batch.sites['manual'], 'manual site')} left for review: "
                   f"idmigrate report --service {batch.service}{again})")
    problems = [o for o in batch.outcomes if o.result.status in ("skipped", "failed")]
    if problems:
        reason += f"; {plural(len(problems), 'file')} could not be migrated"
    return reason


def _nothing(batch: Batch, reason: str) -> BatchResult:
    batch.record(state="nothing", branch="", base=batch.base, sites=batch.sites, reason=reason)
    batch.report.line(f"{batch.label}: {reason}")
    return BatchResult(batch.service, "", "nothing", 0, batch.sites, base=batch.base, reason=reason)


def _in_worktree(batch: Batch) -> BatchResult:
    written, tree = _write_and_stage(batch)
    if not written or tree == gitops.tree_of(batch.repo, batch.base):
        return _nothing(batch, "nothing to migrate")
    if batch.tip is not None:
        if _up_to_date(batch, tree):
            return _kept(batch, written)
        base, _recipe = preflight.batch_origin(batch.repo, batch.tip)
        batch.report.line(f"{batch.label}: replacing {batch.branch} (was {batch.tip[:10]}, "
                          f"base {(base or '?')[:10]})")
    tests = _test(batch)
    if tests.red:
        return _red(batch, written, tests)
    return _commit(batch, written, tree, tests)


def _up_to_date(batch: Batch, tree: str) -> bool:
    """The branch already holds exactly this batch: same base, same tree."""
    base, _recipe = preflight.batch_origin(batch.repo, batch.tip)
    return base == batch.base and gitops.tree_of(batch.repo, batch.tip) == tree


def _kept(batch: Batch, written: list[str]) -> BatchResult:
    """An up-to-date branch is left as it is (no test run, no new commit hash)."""
    earlier = batch.earlier if (batch.earlier or {}).get("commit") == batch.tip else {}
    record = earlier.get("tests")
    reason = "up to date: already committed on this base"
    batch.state.record_applied(batch_record(batch.service, batch.branch, batch.tip, batch.base, batch.changed))
    batch.record(state="committed", branch=batch.branch, base=batch.base, sites=batch.sites, files=len(written),
                 commit=batch.tip, tests=record, reason=reason)
    batch.report.line(f"{batch.label}: up to date: {batch.branch} at {batch.tip[:10]} already holds this batch")
    return BatchResult(batch.service, batch.branch, "committed", len(written), batch.sites, record, batch.tip,
                       batch.base, reason)


def _write_and_stage(batch: Batch) -> tuple[list[str], str]:
    """The batch's changes written to a fresh worktree of the base and staged: (files, tree id)."""
    gitops.remove_worktree(batch.repo, batch.worktree)
    with batch.report.activity(f"{batch.label}: applying {plural(len(batch.changed), 'file')} in a worktree"):
        gitops.add_worktree(batch.repo, batch.worktree, batch.base)
        written, not_written = write_changes(Plan(root=batch.worktree, outcomes=list(batch.changed)))
        if not_written:  # the worktree is ours, so this is the disk or the system: never commit half a batch
            path, why = not_written[0]
            again = recipe_options(recipe_label(batch.options.recipes))
            raise RunError(f"{batch.service}: cannot write {path} in the worktree: {why}; nothing was committed "
                           f"(fix it, then continue with `idmigrate run --resume{again}`)")
        return written, gitops.stage_tracked_changes(batch.worktree)


def _test(batch: Batch) -> testrun.BatchTests:
    """Run the service's tests on the migrated worktree; on a failure, also on the base (cached)."""
    if batch.options.no_tests:
        return testrun.BatchTests(skipped=True)
    service_config = batch.config.services.get(batch.service)
    service_path = service_config.path if service_config else ("" if batch.service == ROOT_SERVICE else batch.service)
    command = testrun.resolve_test_command(batch.service, service_path, service_config, batch.config, batch.worktree,
                                           batch.project)
    if command is None:
        return testrun.BatchTests()
    with batch.report.activity(f"{batch.label}: running {command.label} (timeout {command.timeout} s)"):
        after = testrun.run_tests(command, batch.worktree)
    baseline = None
    if testrun.needs_baseline(after):
        key = f"{batch.base}:{batch.service}:{command.fingerprint()}"
        cached = batch.state.baseline(key)
        if cached is not None:
            baseline = testrun.TestRun.from_json(cached)
            batch.report.line(f"{batch.label}: tests failed; comparing with the cached run on the base")
        else:
            with batch.report.activity(f"{batch.label}: tests failed; running them on the unmodified base"):
                gitops.reset_worktree(batch.worktree, batch.base)
                baseline = testrun.run_tests(command, batch.worktree)
            batch.state.put_baseline(key, baseline.to_json() | {"recorded": now()})
    verdict = testrun.compare(baseline, after, expect_results=command.pytest_like)
    if verdict.blocked:
        verdict.reason += (f"; ran `{command.label}`: give it the project's dependencies with `test_python` "
                           f"in [tool.idmigrate] or test_command in [tool.idmigrate.services.{batch.service}]")
    return testrun.BatchTests(command, after, baseline, verdict)


def _red(batch: Batch, written: list[str], tests: testrun.BatchTests) -> BatchResult:
    """No commit; the branch goes if this tool made it (a foreign one that --force would have
    replaced is left as it was, since nothing replaces it)."""
    reason, record = tests.verdict.reason, tests.record()
    tail = tests.after.tail if tests.after else ""
    with deferred_interrupts():  # the branch and the state file change together
        if batch.state.owns_branch(batch.branch, batch.tip) and gitops.branch_tip(batch.repo, batch.branch) == batch.tip:
            gitops.delete_branch(batch.repo, batch.branch, batch.tip)
            batch.state.branches.pop(batch.branch, None)
        batch.record(state="red", branch=batch.branch, base=batch.base, sites=batch.sites, files=len(written),
                     reason=reason, tests=record, output_tail=tail, commit=None)
    batch.report.line(f"{batch.label}: red: {reason}")
    return BatchResult(batch.service, batch.branch, "red", len(written), batch.sites, record, None, batch.base,
                       reason, tail)


def _commit(batch: Batch, written: list[str], tree: str, tests: testrun.BatchTests) -> BatchResult:
    message = commit_message(batch, written, tests.summary())
    reason = f"already failing on the base: {', '.join(tests.already_failing)}" if tests.already_failing else ""
    record = tests.record()
    commit = gitops.commit_tree(batch.repo, tree, batch.base, message)
    with deferred_interrupts():  # the branch and the state file change together
        gitops.set_branch(batch.repo, batch.branch, commit, batch.tip, f"idmigrate run: {batch.service}")
        batch.state.branches[batch.branch] = commit
        batch.state.record_applied(batch_record(batch.service, batch.branch, commit, batch.base, batch.changed))
        batch.record(state="committed", branch=batch.branch, base=batch.base, sites=batch.sites, files=len(written),
                     commit=commit, tests=record, reason=reason)
    passed = tests.after.passed if tests.after is not None else None
    tested = f"; {plural(passed, 'test')} passed" if passed is not None else ""
    batch.report.line(f"{batch.label}: committed {commit[:10]} on {batch.branch} ({plural(len(written), 'file')}{tested})")
    return BatchResult(batch.service, batch.branch, "committed", len(written), batch.sites, record, commit, batch.base,
                       reason)
