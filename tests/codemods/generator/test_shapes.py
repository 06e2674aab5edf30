"""Every call-site shape: a before/after snapshot (with safety classes), and the properties."""

from __future__ import annotations

import functools

import pytest

from codemods.apibind.bind import bind_rules
from codemods.core.api_reader import parse_module
from codemods.generator.rules import RuleSet
from migrate.demo.demo import EVOLVED
from tests.conftest import assert_properties, migrate_source
from tests.shapes import NOOPS, SETTINGS, SHAPES


@functools.lru_cache(maxsize=None)
def bound_rules(example: str) -> RuleSet:
    """The declared table bound to a bundled example's generator and manager."""
    assert example == "evolved"
    generator = parse_module((EVOLVED / "shared/id_generation/unified_id_generator.py").read_bytes(),
                             "shared.id_generation.unified_id_generator")
    manager = parse_module((EVOLVED / "netra_backend/app/core/unified_id_manager.py").read_bytes(),
                           "netra_backend.app.core.unified_id_manager")
    return bind_rules(RuleSet(), generator, manager)


def shape_settings(name: str) -> dict:
    """``migrate_source`` keywords for a shape or no-op (its path, rules bound to an example's APIs)."""
    settings = SETTINGS.get(name, {})
    kwargs: dict = {}
    if "path" in settings:
        kwargs["path"] = settings["path"]
    if "api" in settings:
        kwargs["rules"] = bound_rules(settings["api"])
    return kwargs


def migrate_shape(name: str, source: str | None = None):
    return migrate_source(source if source is not None else SHAPES[name][0], **shape_settings(name))


def render_snapshot(name: str, before: str, result) -> str:
    after = (result.new_source or before.encode()).decode()
    lines = [f"# idmigrate snapshot: {name} ({result.status})", "# findings:"]
    for f in result.findings:
        latent = f" [latent {f.latent}]" if f.latent else ""
        lines.append(f"#   {f.line}:{f.column} {f.code} {f.safety.label:<6} {f.member}{latent}")
        lines.append(f"#       -> {f.suggestion.splitlines()[0] if f.suggestion else ''}")
    lines += ["", "# " + "-" * 30 + " before", before.rstrip("\n"), "", "# " + "-" * 30 + " after",
              after.rstrip("\n"), ""]
    return "\n".join(lines)


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_shape_snapshot(name, snapshot_py):
    source, _ = SHAPES[name]
    result = migrate_shape(name)
    assert render_snapshot(name, source, result) == snapshot_py


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_shape_safety_classes(name):
    source, expected = SHAPES[name]
    result = migrate_shape(name)
    assert [f.safety.label for f in result.findings] == expected
    # A file with applicable sites changes, one with only manual sites does not.
    applicable = any(c != "manual" for c in expected)
    assert (result.status == "changed") == applicable or name == "init_reexport", result.reason


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_shape_properties(name):
    source, _ = SHAPES[name]
    result = migrate_shape(name)
    assert result.status in ("changed", "unchanged"), result.reason
    assert_properties(source.encode(), result, **shape_settings(name))


@pytest.mark.parametrize("name", sorted(NOOPS))
def test_noop(name):
    source = NOOPS[name]
    result = migrate_shape(name, source)
    assert result.status == "unchanged"
    assert result.findings == []


def test_run_id_embeds_thread_id_after_split():
    result = migrate_source(SHAPES["user_context_tuple"][0])
    text = result.new_source.decode()
    assert "run_id = UnifiedIDManager.generate_run_id(thread_id)" in text
    # A THREAD-typed ID, not the classmethod's unprefixed base that thread validators reject.
    assert "thread_id = get_id_manager().generate_id(IDType.THREAD)" in text
    assert "UnifiedIDManager.generate_thread_id" not in text
    # Caller data is not pinned in the manager's registry (no context= unless configured).
    assert "context=" not in text


def test_keep_prefix_switch_keeps_type_and_alias_literals():
    source = SHAPES["base_id_alias"][0] + 'U = UnifiedIdGenerator.generate_base_id("user")\n'
    result = migrate_source(source, rules=RuleSet(keep_prefix=True))
    text = result.new_source.decode()
    assert 'generate_id(IDType.REQUEST, prefix="req")' in text
    assert 'generate_id(IDType.USER, prefix="user")' in text


def test_alias_and_fallback_are_configurable():
    source = IMPORT_ALIAS = SHAPES["base_id_other_literal"][0]
    rules = RuleSet().with_overrides(aliases={"audit": "transaction"})
    assert "IDType.TRANSACTION" in migrate_source(IMPORT_ALIAS, rules=rules).new_source.decode()
    rules = RuleSet().with_overrides(fallback_type="trace")
    assert 'IDType.TRACE, prefix="audit"' in migrate_source(source, rules=rules).new_source.decode()


def test_boundary_violation_applies_nothing():
    source = SHAPES["base_id_type_literal"][0]
    result = migrate_source(source, path="auth_service/x.py", boundary="auth_service must not import netra_backend")
    assert result.status == "unchanged"
    assert [(f.code, f.safety.label) for f in result.findings] == [("IDM090", "manual")]
    assert "IDM001" in result.findings[0].reason  # the rule it would have applied is named


def test_unparseable_source_is_skipped_with_reason():
    result = migrate_source("from shared.id_generation import UnifiedIdGenerator\nprint 'py2'\n")
    assert result.status == "skipped"
    assert "does not parse" in result.reason


def test_latent_sites_are_flagged():
    fixed = migrate_source(SHAPES["latent_members_mapped"][0]).findings
    assert {f.latent for f in fixed} == {"fixed"}
    still_open = migrate_source(SHAPES["latent_members_manual"][0]).findings
    assert {f.latent for f in still_open} == {"open"}
    assert all(f.suggestion for f in still_open)


def test_manual_findings_carry_reason_and_suggestion():
    for name, (source, expected) in SHAPES.items():
        for f in migrate_shape(name).findings:
            if f.safety.label == "manual":
                assert f.reason, (name, f)
                assert f.suggestion, (name, f)
                assert f.line >= 1 and f.column >= 1


def test_other_recipes_leave_generator_imports_alone():
    from codemods.engine.transform import FileSettings, transform_source

    source = b"import uuid\n\nfrom shared.id_generation import UnifiedIdGenerator\n\ntransaction_id = str(uuid.uuid4())\n"
    settings = FileSettings(RuleSet(adhoc_ids_paths=(".",)), "netra_backend.app.core.unified_id_manager",
                            recipes=("adhoc-ids",))
    result = transform_source(source, "netra_backend/app/ledger.py", settings)
    assert result.status == "changed"
    assert b"from shared.id_generation import UnifiedIdGenerator" in result.new_source
