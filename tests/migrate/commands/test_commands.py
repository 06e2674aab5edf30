"""The verb bodies called directly: what goes to ``out``, what goes to ``log``, the exit code."""

from __future__ import annotations

import io
import json
from pathlib import Path

from migrate.commands import orchestration, rewrite, views
from migrate.commands.problems import expose_hint, name_problems, problem_exit
from migrate.output.diffing import unified_diff
from migrate.output.report import summarize
from migrate.workspace.config import load_config
from migrate.workspace.pipeline import build_plan


def plan_of(root: Path, **kwargs):
    return build_plan(root, load_config(root), workers=1, use_cache=False, **kwargs)


def piped() -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8")


def test_diff_to_a_pipe_is_the_patch_byte_for_byte_and_the_summary_goes_to_log(example_copy: Path):
    plan = plan_of(example_copy)
    out, log = piped(), []
    assert views.diff(plan, None, out, log.append) == 0
    expected = b"".join(unified_diff(o.path, o.original, o.result.new_source)
                        for o in sorted(plan.changed, key=lambda o: o.path))
    assert expected and out.buffer.getvalue() == expected
    t = summarize(plan)["totals"]
    assert log[0] == (f"{len(plan.changed)} files would change: {t['exact']} exact, {t['format']} format, "
                      f"{t['manual']} manual sites (not applied)")
    # the example is not exposed yet: the diff says what to do about the sites that stay manual
    hint = expose_hint(plan)
    assert hint and "idmigrate expose" in hint and log[1:] == [hint]


def test_a_file_that_cannot_be_read_is_named_and_makes_the_exit_code_1(example_copy: Path):
    plan = plan_of(example_copy)
    assert problem_exit(plan) == 0
    plan.unreadable.append(("svc/broken.py", "permission denied"))
    log: list[str] = []
    name_problems(plan, log.append)
    assert problem_exit(plan) == 1
    assert log == ["unreadable: svc/broken.py: permission denied"]


def test_scan_json_on_out_problems_on_log(example_copy: Path):
    plan = plan_of(example_copy)
    plan.unreadable.append(("svc/broken.py", "permission denied"))
    out, log = io.StringIO(), []
    assert views.scan(plan, True, out, log.append) == 1
    assert json.loads(out.getvalue())["totals"]["all"] > 0
    assert log == ["unreadable: svc/broken.py: permission denied"]


def test_apply_interrupted_says_how_to_finish_and_exits_130(example_copy: Path, monkeypatch):
    def interrupted(_plan):
        raise KeyboardInterrupt

    monkeypatch.setattr(rewrite, "write_changes", interrupted)
    log: list[str] = []
    assert rewrite.apply(plan_of(example_copy), log.append) == 130
    assert log == ["interrupted: every file is either old or new (writes are atomic); run apply again to finish"]


def test_status_counts_the_plan_it_is_given(example_copy: Path):
    plan = plan_of(example_copy, services=["auth_service"])
    out, log = io.StringIO(), []
    assert orchestration.status(plan, ["auth_service"], True, out, log.append) == 0
    report = json.loads(out.getvalue())
    assert [row["service"] for row in report["services"]] == ["auth_service"]
    assert log == []


def test_a_missing_manager_module_is_one_warning_and_no_other_exit_code(tmp_path: Path, example_copy: Path):
    from migrate.commands.problems import missing_manager

    root = tmp_path / "no_manager"
    (root / "svc").mkdir(parents=True)
    (root / "pyproject.toml").write_text("[tool.idmigrate]\n")
    (root / "svc" / "a.py").write_text("from shared.id_generation import UnifiedIdGenerator\n\n\n"
                                       "def f():\n    return UnifiedIdGenerator.generate_base_id('user')\n")
    plan = plan_of(root)
    out, log = piped(), []
    assert views.diff(plan, None, out, log.append) == 0
    warnings = [line for line in log if line.startswith("warning: the manager module")]
    assert len(warnings) == 1 and "netra_backend.app.core.unified_id_manager" in warnings[0]
    assert missing_manager(plan_of(example_copy)) is None  # the example has its manager
