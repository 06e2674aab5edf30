"""``idmigrate scan --api``: both APIs as found in the repository, next to the rule table."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from migrate.cli import app
from migrate.demo.demo import EVOLVED
from migrate.output.api_view import api_summary, render_api_rich, render_api_text
from migrate.workspace.apis import load_apis
from migrate.workspace.config import load_config

runner = CliRunner()

EVOLVED_GENERATOR_MEMBERS = ("generate_id", "normalize_id_format", "extract_pattern_info", "ids_match_for_cleanup",
                             "translate_legacy_context_ids")
EVOLVED_MANAGER_MEMBERS = ("generate_websocket_connection_id", "generate_user_context_ids_compatible",
                           "generate_compatible_context_ids", "cleanup_user_resources")


def scan_api(root: Path, *extra: str):
    return runner.invoke(app, ["scan", "--api", str(root), "--no-cache", *extra])


@pytest.fixture
def evolved_copy(tmp_path: Path) -> Path:
    target = tmp_path / "evolved"
    shutil.copytree(EVOLVED, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def rows(text: str, title: str) -> dict[str, list[str]]:
    """The plain table under ``title``: member -> its columns (split on runs of 2+ spaces)."""
    import re

    lines = text.split(title, 1)[1].split("\n\n", 1)[0].splitlines()[2:]
    out: dict[str, list[str]] = {}
    for line in lines:
        cells = re.split(r"\s{2,}", line.strip())
        out.setdefault(cells[0], cells)  # a name listed twice (class and module) keeps its first row
    return out


def test_text_on_the_first_example(example_copy: Path):
    result = scan_api(example_copy)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "generator: UnifiedIdGenerator (shared/id_generation/unified_id_generator.py)" in out
    assert "manager: UnifiedIDManager (netra_backend/app/core/unified_id_manager.py)" in out
    generator = rows(out, "generator: UnifiedIdGenerator")
    assert generator["generate_base_id"][:5] == [
        "generate_base_id", "staticmethod", '(prefix="id", include_random=True, random_length=8)', "IDM001 exact",
        "generate_id"]
    assert generator["generate_user_context_ids"][4:6] == ["generate_run_id + generate_id", "yes"]
    assert generator["parse_id"][3:5] == ["IDM060 manual", "-"]
    assert generator["generate_thread_id"][1:3] == ["(missing)", "IDM040 format"]
    assert "no rule" not in "".join(" ".join(r[3:4]) for r in generator.values())
    manager = rows(out, "manager: UnifiedIDManager")
    assert manager["extract_thread_id"] == ["extract_thread_id", "classmethod", "(run_id)", "no rule"]
    assert manager["generate_run_id"] == ["generate_run_id", "classmethod", "(thread_id)", "IDM010, IDM041"]
    assert "IDType: USER, SESSION," in out
    assert "\x1b[" not in out and "━" not in out, "piped output is plain"


def test_json_on_the_first_example(example_copy: Path):
    result = scan_api(example_copy, "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["problems"] == []
    members = {(m["name"], m["owner"]): m for m in data["generator"]["members"]}
    base = members[("generate_base_id", "class")]
    assert (base["rule"], base["safety"], base["kind"]) == ("IDM001", "exact", "staticmethod")
    assert base["params"][0] == {"name": "prefix", "kind": "positional_or_keyword", "default": '"id"',
                                 "annotation": "str"}
    assert base["targets"] == [{"call": "get_id_manager().generate_id", "member": "generate_id", "via": "instance",
                                "missing": ""}]
    assert members[("reset_global_counter", "module")]["kind"] == "function"
    assert members[("generate_task_id", None)]["rule"] == "IDM050"
    manager = {(m["name"], m["owner"]): m for m in data["manager"]["members"]}
    assert manager[("generate_id", "class")]["targeted_by"][:2] == ["IDM001", "IDM010"]
    assert manager[("get_id_manager", "module")]["targeted_by"]
    assert manager[("clear_all", "class")]["targeted_by"] == []
    assert data["manager"]["id_types"][-1] == "THREAD"


def test_the_evolved_example_shows_its_new_members(evolved_copy: Path):
    result = scan_api(evolved_copy)
    assert result.exit_code == 0, result.output
    generator = rows(result.stdout, "generator: UnifiedIdGenerator")
    for name in EVOLVED_GENERATOR_MEMBERS[1:]:
        assert generator[name][3] == "no rule", generator[name]
    assert generator["generate_id"][1:4] == ["staticmethod", "(prefix)", "IDM045 format"]
    assert generator["generate_id"][-1] == "defined here: IDM046 exact", "what the bound rules make of the row"
    assert generator["generate_connection_id"][-1] == (
        "calls that fit go to get_id_manager().generate_websocket_connection_id(user_id)")
    manager = rows(result.stdout, "manager: UnifiedIDManager")
    assert manager["generate_websocket_connection_id"][-1] == "IDM020, IDM051", "the counterpart of both rows"
    for name in EVOLVED_MANAGER_MEMBERS[1:]:
        assert manager[name][-1] == "no rule", manager[name]
    assert manager["generate_run_id"][1:] == ["classmethod", "(thread_id=None)", "IDM010, IDM041"]
    assert manager["generate_compatible_context_ids"][1] == "staticmethod"
    assert "4 generator members without a rule" in result.stdout


def test_the_evolved_example_as_json(evolved_copy: Path):
    data = json.loads(scan_api(evolved_copy, "--json").stdout)
    generator = {m["name"]: m for m in data["generator"]["members"] if m["owner"] == "class"}
    assert {n for n, m in generator.items() if m["rule"] is None} == set(EVOLVED_GENERATOR_MEMBERS[1:])
    manager = {m["name"]: m for m in data["manager"]["members"] if m["owner"] == "class"}
    assert all(manager[n]["targeted_by"] == [] for n in EVOLVED_MANAGER_MEMBERS[1:])
    assert manager["generate_run_id"]["params"] == [
        {"name": "thread_id", "kind": "positional_or_keyword", "default": "None", "annotation": "Optional[str]"}]


def test_after_expose_the_manager_is_read_where_it_moved(evolved_copy: Path):
    assert runner.invoke(app, ["expose", str(evolved_copy)]).exit_code == 0
    data = json.loads(scan_api(evolved_copy, "--json").stdout)
    assert data["manager"]["path"] == "shared/id_management/unified_id_manager.py"


def test_a_missing_module_is_exit_1_with_the_other_side_still_shown(example_copy: Path):
    (example_copy / "shared/id_generation/unified_id_generator.py").unlink()
    result = scan_api(example_copy)
    assert result.exit_code == 1
    assert result.stderr.startswith("error: generator: class UnifiedIdGenerator not found in shared.id_generation")
    assert "set source_modules in [tool.idmigrate]" in result.stdout
    assert "extract_thread_id" in result.stdout
    data = json.loads(scan_api(example_copy, "--json").stdout)
    assert data["generator"]["path"] is None and data["generator"]["members"] == []
    assert len(data["problems"]) == 1


@pytest.mark.parametrize("extra", [("--service", "tests"), ("--recipe", "adhoc-ids"), ("--path", ".")])
def test_filters_do_not_apply_to_the_api(example_copy: Path, extra):
    result = scan_api(example_copy, *extra)
    assert result.exit_code == 2 and "--api shows the whole API" in result.stderr


def test_bad_config_is_exit_2(example_copy: Path):
    (example_copy / "pyproject.toml").write_text('[tool.idmigrate]\nmanager_module = "not a module"\n')
    result = scan_api(example_copy)
    assert result.exit_code == 2 and "manager_module" in result.stderr


HOSTILE = (
    'class UnifiedIDManager:\n'
    '    @classmethod\n'
    '    def generate_run_id(cls, thread_id="[bold red]x[/]\x1b[2J"):\n'
    '        pass\n'
)


def test_source_text_is_never_markup_or_control_sequences(example_copy: Path):
    (example_copy / "netra_backend/app/core/unified_id_manager.py").write_text(HOSTILE)
    summary = api_summary(load_apis(example_copy, load_config(example_copy), use_cache=False),
                          load_config(example_copy).rules)
    plain = render_api_text(summary)
    assert '(thread_id="[bold red]x[/]\\x1b[2J")' in plain and "\x1b" not in plain
    buffer = io.StringIO()
    render_api_rich(summary, Console(file=buffer, width=200, color_system=None, force_terminal=False))
    shown = buffer.getvalue()
    assert '[bold red]x[/]\\x1b[2J' in shown and "\x1b" not in shown
    assert "NO: no UnifiedIDManager.generate_id" in plain


def test_rich_tables_on_a_terminal_fit_its_width(evolved_copy: Path):
    config = load_config(evolved_copy)
    summary = api_summary(load_apis(evolved_copy, config, use_cache=False), config.rules)
    buffer = io.StringIO()
    render_api_rich(summary, Console(file=buffer, width=100, color_system=None))
    lines = buffer.getvalue().splitlines()
    assert max(len(line) for line in lines) <= 100
    text = buffer.getvalue()
    assert "normalize_id_format(id_value)" in text and "generate_run_id(thread_id=None)" in text
    assert "generate_id ✓" in text and "no rule" in text


def test_runs_of_rule_codes_are_shortened():
    from migrate.output.api_view import _codes

    assert _codes(["IDM022", "IDM020", "IDM021", "IDM001", "IDM030", "IDM031", "IDM045"]) == \
        "IDM001, IDM020-022, IDM030-031, IDM045"
    assert _codes([]) == ""


def test_a_row_off_in_this_repository_says_so(example_copy: Path):
    manager = example_copy / "netra_backend/app/core/unified_id_manager.py"
    manager.write_text(manager.read_text().replace("def generate_run_id(cls, thread_id: str)",
                                                   "def make_run_id(cls, thread_id: str)"))
    generator = rows(scan_api(example_copy).stdout, "generator: UnifiedIdGenerator")
    assert generator["generate_run_id"][-1] == "rule IDM041 is off in this repository: no UnifiedIDManager.generate_run_id"
    assert generator["generate_user_context_ids"][-1].startswith("rule IDM010 is off")
    assert generator["generate_base_id"][-1] == "yes", "no note where the row applies as declared"
