"""Running a service's test command: timeouts take the whole process group, no shell unless asked."""

from __future__ import annotations

import os
import sys
import time

import pytest

from migrate.run import testrun


def test_timeout_kills_the_whole_process_group(tmp_path):
    pid_file = tmp_path / "grandchild.pid"
    code = (
        "import subprocess, sys, time\n"
        "p = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
        f"open({str(pid_file)!r}, 'w').write(str(p.pid))\n"
        "time.sleep(60)\n"
    )
    command = testrun.TestCommand((sys.executable, "-c", code), timeout=1)
    run = testrun.run_tests(command, tmp_path)
    assert run.status == "timeout"
    grandchild = int(pid_file.read_text())
    for _ in range(50):
        try:
            os.kill(grandchild, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        pytest.fail("the grandchild survived the timeout")


def test_shell_is_opt_in_and_test_env(tmp_path):
    marker = tmp_path / "env.txt"
    code = f"import os; open({str(marker)!r}, 'w').write(os.environ.get('PYTHONDONTWRITEBYTECODE', ''))"
    run = testrun.run_tests(testrun.TestCommand((sys.executable, "-c", code), timeout=30), tmp_path)
    assert run.status == "passed" and marker.read_text() == "1"
    # without shell = true, a string with shell syntax is one argv element, never interpreted
    run = testrun.run_tests(testrun.TestCommand(("true; exit 3",), timeout=30), tmp_path)
    assert run.status == "error"
    run = testrun.run_tests(testrun.TestCommand(("exit 3",), shell=True, timeout=30), tmp_path)
    assert run.status == "failed" and run.exit_code == 3
