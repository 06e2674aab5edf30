"""Scripts run as ``python scripts/<name>.py`` find the repository's packages through their
own ``sys.path`` bootstrap: every import of them must stay below it."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_export_run_manifest_runs_as_a_script():
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "export_run_manifest.py"), "report"],
        cwd=ROOT / "scripts", capture_output=True, text=True, timeout=60, env=env,
    )
    assert proc.returncode == 0, proc.stderr
    manifest = json.loads(proc.stdout)
    assert set(manifest) == {"thread_id", "run_id", "artifact_id"}
    assert len(set(manifest.values())) == 3 and manifest["artifact_id"].startswith("report_")
