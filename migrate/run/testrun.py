"""Run one service's test command in a worktree, with a timeout, and judge the outcome.

* The command is an argv list run without a shell, unless the service's config
  says ``shell = true``. It runs in its own session (process group); on a
  timeout or an interrupt the whole group is killed, so no grandchild survives.
* ``PYTHONDONTWRITEBYTECODE=1``: a test run leaves no ``__pycache__`` behind.
* Pytest-like commands get ``--junitxml=<tmpfile>`` appended, so outcomes can be
  compared per test ID with a run on the unmodified base (``compare``): only
  failures the migration introduced make a batch red. Other commands (and shell
  commands) are compared by exit code only.
"""

from __future__ import annotations

import hashlib
import os
import shlex
import signal
import subprocess
import tempfile
import time
import xml.etree.ElementTree as ET
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from migrate.interrupts import deferred_interrupts
from migrate.run.interpreter import first_error, project_python

#: Output kept for the report: the last lines of a test run.
TAIL_LINES = 60
TAIL_CHARS = 6000
#: Seconds between SIGTERM and SIGKILL when a test run is stopped.
KILL_GRACE = 2.0
#: pytest's exit codes that mean "ran, some tests failed" (1) or "nothing collected" (5).
PYTEST_TESTS_FAILED = 1


@dataclass(frozen=True)
class TestCommand:
    """What to run for one service, where (relative to the worktree) and for how long."""

    __test__ = False  # not a pytest test class

    argv: tuple[str, ...]
    shell: bool = False
    timeout: int = 900
    source: str = "default"  # "default" | "config"
    #: How to show ``argv[0]`` of a default command (the interpreter, relative to the repository).
    shown_python: str = ""

    @property
    def pytest_like(self) -> bool:
        if self.shell:
            return False
        args = list(self.argv)
        for i, arg in enumerate(args):
            name = os.path.basename(arg)
            if name in ("pytest", "py.test") or (name.startswith("pytest") and name[6:].replace(".", "").isdigit()):
                return True
            if arg == "-m" and i + 1 < len(args) and args[i + 1] == "pytest":
                return True
        return False

    @property
    def label(self) -> str:
        if self.shell:
            return self.argv[0] if len(self.argv) == 1 else shlex.join(self.argv)
        shown = list(self.argv)
        if self.shown_python and shown:
            shown[0] = self.shown_python
        return shlex.join(shown)

    def fingerprint(self) -> str:
        text = repr((self.argv, self.shell, self.timeout, "node-ids"))  # cached runs with older test IDs never match
        return hashlib.sha256(text.encode()).hexdigest()[:12]


def has_test_files(directory: Path) -> bool:
    """True when ``directory`` holds pytest-style test files (test_*.py, *_test.py)."""
    if not directory.is_dir():
        return False
    for _dirpath, dirnames, filenames in os.walk(directory, followlinks=False):
        dirnames[:] = [d for d in dirnames if not d.startswith(".") and d != "__pycache__"]
        for name in filenames:
            if name.endswith(".py") and (name.startswith("test_") or name.endswith("_test.py")):
                return True
    return False


def resolve_test_command(service_name: str, service_path: str, service_config, config, tree: Path,
                         root: Path | None = None) -> TestCommand | None:
    """The service's test command, or None when it has none.

    ``service_config`` is the service's ``ServiceConfig`` (or None), ``config`` the
    whole ``Config``, ``tree`` the checkout the command will run in, ``root`` the
    repository whose interpreter the default command uses (``interpreter.project_python``).
    """
    timeout = (service_config.test_timeout if service_config and service_config.test_timeout else None) or config.test_timeout
    if service_config is not None and service_config.test_command:
        return TestCommand(tuple(service_config.test_command), service_config.shell, timeout, "config")
    if not service_path or service_path == ".":  # the loose root files: only when configured
        return None
    if not has_test_files(tree / service_path):
        return None
    python, shown = project_python(root, getattr(config, "test_python", None))
    argv = (python, "-m", "pytest", "-q", "-p", "no:cacheprovider", service_path)
    return TestCommand(argv, False, timeout, "default", shown)


@dataclass
class TestRun:
    """One execution of a test command."""

    __test__ = False

    status: str  # "passed" | "failed" | "timeout" | "error" (could not start)
    exit_code: int | None
    duration: float
    #: Per-test results from JUnit XML; None when there are none (not pytest, or it crashed).
    passed: int | None = None
    failed: int | None = None
    skipped: int | None = None
    failing: list[str] | None = None
    tail: str = ""
    error: str = ""
    command: str = ""
    #: The first ``SomethingError: message`` of the run (JUnit XML, else the output).
    first_error: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "TestRun":
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in known})


def _tail(data: bytes) -> str:
    text = data.decode("utf-8", errors="replace")
    lines = text.rstrip("\n").splitlines()[-TAIL_LINES:]
    out = "\n".join(lines)
    return out[-TAIL_CHARS:]


def _kill_group(proc: subprocess.Popen) -> None:
    """SIGTERM the process group, then SIGKILL whatever is left of it.

    A second Ctrl-C during the grace period must not cut this short: the SIGKILL
    would never be sent and a test process that ignores SIGTERM would outlive us.
    """
    with deferred_interrupts():
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except (ProcessLookupError, PermissionError):
            pass
        deadline = time.monotonic() + KILL_GRACE
        while proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        proc.wait()


def _node_id(file: str, classname: str, name: str) -> str:
    """A pytest node ID one can paste (``path/test_x.py::Class::test``) when the XML names the
    file (``junit_family=xunit1``); else ``classname::name`` as the XML has it."""
    file = file.replace("\\", "/")
    if file.endswith(".py"):
        module = file[:-3].replace("/", ".")
        if classname == module or classname.startswith(module + "."):
            classes = [c for c in classname[len(module):].split(".") if c]
            return "::".join([file, *classes, name])
    return f"{classname}::{name}" if classname else name


def parse_junit(path: Path) -> tuple[int, int, int, list[str], str] | None:
    """(passed, failed, skipped, failing test IDs, first error) from a pytest JUnit XML file."""
    try:
        if path.stat().st_size == 0:
            return None
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        return None
    passed = failed = skipped = 0
    failing: set[str] = set()
    error = ""
    for case in root.iter("testcase"):
        test_id = _node_id(case.get("file") or "", case.get("classname") or "", case.get("name") or "")
        tags = {child.tag for child in case}
        if tags & {"failure", "error"}:
            failed += 1
            failing.add(test_id)
            for child in case:
                error = error or first_error(child.text, child.get("message"))
        elif "skipped" in tags:
            skipped += 1
        else:
            passed += 1
    return passed, failed, skipped, sorted(failing), error


def test_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("PYTEST_CURRENT_TEST", None)  # set when idmigrate itself runs under pytest
    return env


def run_tests(command: TestCommand, cwd: Path) -> TestRun:
    """Run ``command`` in ``cwd``; kill its process group at the timeout or on an interrupt."""
    argv = list(command.argv)
    junit: Path | None = None
    if command.pytest_like:
        fd, name = tempfile.mkstemp(prefix="idmigrate-junit-", suffix=".xml")
        os.close(fd)
        junit = Path(name)
        argv += [f"--junitxml={junit}", "-o", "junit_family=xunit1"]  # xunit1 names each test's file
    run_arg: list[str] | str = argv
    if command.shell:
        run_arg = argv[0] if len(argv) == 1 else shlex.join(argv)
    start = time.monotonic()
    try:
        with tempfile.TemporaryFile() as out:
            try:
                proc = subprocess.Popen(
                    run_arg, cwd=cwd, shell=command.shell, env=test_env(),
                    stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            except OSError as exc:
                return TestRun("error", None, 0.0, error=f"cannot start {command.label}: {exc.strerror or exc}",
                               command=command.label)
            timed_out = False
            try:
                code = proc.wait(timeout=command.timeout)
            except subprocess.TimeoutExpired:
                timed_out = True
                _kill_group(proc)
                code = proc.returncode
            except BaseException:  # KeyboardInterrupt / SIGTERM: take the test run down with us
                _kill_group(proc)
                raise
            duration = time.monotonic() - start
            out.seek(0)
            tail = _tail(out.read())
        if timed_out:
            return TestRun("timeout", code, duration, tail=tail, command=command.label,
                           error=f"killed after {command.timeout} s")
        run = TestRun("passed" if code == 0 else "failed", code, duration, tail=tail, command=command.label)
        if junit is not None:
            parsed = parse_junit(junit)
            if parsed is not None:
                run.passed, run.failed, run.skipped, run.failing, run.first_error = parsed
        if code != 0:
            run.first_error = run.first_error or first_error(tail)
        return run
    finally:
        if junit is not None:
            try:
                junit.unlink()
            except OSError:
                pass


@dataclass
class Verdict:
    red: bool
    reason: str = ""
    new_failures: list[str] = field(default_factory=list)
    already_failing: list[str] = field(default_factory=list)
    #: The tests could not run at all (not even on the base): nothing was tested.
    blocked: bool = False


def needs_baseline(after: TestRun) -> bool:
    """A run on the unmodified base is only needed to judge a failed run."""
    return after.status == "failed"


def _listing(ids: list[str], limit: int = 5) -> str:
    shown = ", ".join(ids[:limit])
    return shown + (f" and {len(ids) - limit} more" if len(ids) > limit else "")


def _never_ran(baseline: TestRun, expect_results: bool) -> bool:
    """No test passed on the base: every one failed, collection failed, or a pytest command left no results."""
    if baseline.status != "failed":
        return False
    if baseline.passed is None:
        return expect_results
    return baseline.passed == 0 and bool(baseline.failed)


def compare(baseline: TestRun | None, after: TestRun, expect_results: bool = False) -> Verdict:
    """Is the batch red? For failures the migration introduced, and when no test passes on the base
    either (``expect_results``: a pytest command, which must leave per-test results): then nothing
    was tested, and a commit would claim otherwise."""
    if after.status == "passed":
        return Verdict(False)
    if after.status == "timeout":
        return Verdict(True, "timeout")
    if after.status == "error":
        return Verdict(True, after.error or "the test command could not start")
    if baseline is None:
        return Verdict(True, f"tests failed (exit {after.exit_code})", list(after.failing or []))
    if baseline.status in ("timeout", "error"):
        return Verdict(True, f"tests failed (exit {after.exit_code}); on the base they did not finish "
                             f"({baseline.status}), so new failures cannot be told apart", list(after.failing or []))
    if _never_ran(baseline, expect_results):
        error = baseline.first_error or first_error(baseline.tail) or after.first_error or first_error(after.tail)
        what = "no test passes on the base either" if baseline.failed else "no test results on the base either"
        return Verdict(True, f"tests could not run: {what}" + (f" ({error})" if error else ""),
                       list(after.failing or []), blocked=True)
    if after.failing is not None and baseline.failing is not None:
        before = set(baseline.failing)
        new = sorted(set(after.failing) - before)
        already = sorted(set(after.failing) & before)
        if new:
            word = "test fails" if len(new) == 1 else "tests fail"
            return Verdict(True, f"{len(new)} {word} after the migration: {_listing(new)}", new, already)
        if after.exit_code != baseline.exit_code and (after.exit_code != PYTEST_TESTS_FAILED or not after.failing):
            return Verdict(True, f"the test command exited {after.exit_code} (on the base: {baseline.exit_code})",
                           [], already)
        return Verdict(False, "", [], already)
    # No per-test results on one side: exit codes only.
    if after.exit_code == baseline.exit_code:
        note = f"(the whole command: exit {after.exit_code} on the base too)"
        return Verdict(False, "", [], list(after.failing or []) or [note])
    return Verdict(True, f"tests failed (exit {after.exit_code}; exit {baseline.exit_code} on the base)",
                   list(after.failing or []))


@dataclass
class BatchTests:
    """What a batch's tests came to: the command (None: none to run), its run on the migrated
    worktree, the run on the base when one was needed, and the verdict."""

    __test__ = False

    command: TestCommand | None = None
    after: TestRun | None = None
    baseline: TestRun | None = None
    verdict: Verdict | None = None
    #: ``--no-tests``: nothing was run on purpose.
    skipped: bool = False

    @property
    def red(self) -> bool:
        return self.verdict is not None and self.verdict.red

    @property
    def already_failing(self) -> list[str]:
        return self.verdict.already_failing if self.verdict is not None else []

    def summary(self) -> str:
        """One line for the commit message."""
        if self.skipped:
            return "not run (--no-tests)"
        if self.command is None or self.after is None:
            return "none (no test command and no test files for this service)"
        if self.after.passed is not None:
            text = f"{self.command.label}: {self.after.passed} passed, {self.after.failed} failed"
        else:
            text = f"{self.command.label}: exit {self.after.exit_code}"
        if self.already_failing:
            text += f"; already failing on the base: {', '.join(self.already_failing)}"
        return text

    def record(self) -> dict[str, Any]:
        """The ``tests`` entry of the batch in the state file and the ``--json`` summary."""
        if self.skipped:
            return {"ran": False, "status": "skipped", "why": "--no-tests"}
        if self.command is None or self.after is None:
            return {"ran": False, "status": "none", "why": "no test command and no test files"}
        after, baseline, verdict = self.after, self.baseline, self.verdict
        return {
            "ran": True,
            "status": after.status,
            "command": self.command.label,
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
