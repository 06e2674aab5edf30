"""Which Python runs a service's default test command, and why a test run never got going.

idmigrate usually lives in its own virtualenv, without the project's dependencies: running
the project's tests with idmigrate's interpreter fails every test, on the base and after the
change alike. So the default command uses the project's interpreter when the repository has
one (``test_python`` in the config, else ``.venv/bin/python`` or ``venv/bin/python``).
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

#: Virtualenvs looked for in the repository root, in order.
PROJECT_VENVS = (".venv", "venv")

_ERROR = re.compile(r"\b((?:[A-Za-z_][\w.]*)?(?:Error|Exception)): (\S.*)")


def project_python(root: Path | None, configured: str | None = None) -> tuple[str, str]:
    """(interpreter path, how to show it): the configured one, the repository's virtualenv, else
    idmigrate's own (shown as its full path, so nobody mistakes it for the project's)."""
    if configured:
        path = Path(configured)
        if root is not None and not path.is_absolute() and ("/" in configured or os.sep in configured):
            return str(root / path), configured
        return configured, configured
    if root is not None:
        for venv in PROJECT_VENVS:
            candidate = root / venv / "bin" / "python"
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return str(candidate), f"{venv}/bin/python"
    return sys.executable, sys.executable


def first_error(*texts: str | None) -> str:
    """The first ``SomethingError: message`` line in the texts (test output, JUnit XML), or ""."""
    for text in texts:
        for line in (text or "").splitlines():
            match = _ERROR.search(line)
            if match:
                return f"{match.group(1)}: {match.group(2).strip()}"[:200]
    return ""
