"""``scan`` (and ``scan --api``) and ``diff``: what the migration would do, writing nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, TextIO

from migrate.commands.problems import name_problems, name_problems_and_hint, problem_exit
from migrate.output.report import render_scan_text, summarize
from migrate.run.model import plural
from migrate.workspace.config import Config
from migrate.workspace.pipeline import Plan


def scan(plan: Plan, as_json: bool, out: TextIO, log: Callable[[str], None]) -> int:
    """The inventory per service; files that could not be checked are named (the text lists them)."""
    summary = summarize(plan)
    if as_json:
        out.write(json.dumps(summary, indent=2) + "\n")
        name_problems(plan, log)
    else:
        out.write(render_scan_text(summary))
    return problem_exit(plan)


def scan_api(root: Path, config: Config, as_json: bool, use_cache: bool, out: TextIO,
             log: Callable[[str], None]) -> int:
    """``scan --api``: exit 1 when the generator or the manager could not be found or read."""
    from migrate.output.api_view import api_summary, render_api_rich, render_api_text
    from migrate.workspace.apis import load_apis

    apis = load_apis(root, config, use_cache=use_cache)
    summary = api_summary(apis, config.rules, str(root))
    if as_json:
        out.write(json.dumps(summary, indent=2) + "\n")
    elif out.isatty():
        from rich.console import Console

        render_api_rich(summary, Console(file=out, highlight=False))
    else:
        out.write(render_api_text(summary))
    for problem in apis.problems:
        log(f"error: {problem}")
    return 1 if apis.problems else 0


def write_patch(patch: bytes, color: bool | None, out: TextIO) -> None:
    """Byte for byte when piped (so ``git apply`` takes it); escaped, and coloured unless
    ``color`` is False, on a terminal."""
    from migrate.output.diffing import render_for_terminal

    tty = out.isatty()
    if tty or color:
        out.write(render_for_terminal(patch, color=tty if color is None else color))
        out.flush()
    else:
        out.flush()
        out.buffer.write(patch)
        out.buffer.flush()


def diff(plan: Plan, color: bool | None, out: TextIO, log: Callable[[str], None]) -> int:
    """The unified diff on ``out`` (byte-exact when piped, so ``git apply`` takes it), the summary via ``log``."""
    from migrate.output.diffing import plan_patch

    write_patch(plan_patch(plan), color, out)
    summary = summarize(plan)
    t = summary["totals"]
    log(f"{plural(len(plan.changed), 'file')} would change: {t['exact']} exact, {t['format']} format, "
        f"{t['manual']} manual sites (not applied)")
    name_problems_and_hint(plan, log)
    return problem_exit(plan)
