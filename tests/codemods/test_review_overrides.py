"""Review decisions reach the engine as per-site overrides: reject keeps a site, type rewrites it."""

from __future__ import annotations

from codemods.engine.transform import FileSettings, transform_source
from codemods.generator.rules import RuleSet

GENERATOR = b'''from shared.id_generation import UnifiedIdGenerator


def make(prefix):
    a = UnifiedIdGenerator.generate_base_id(prefix)
    b = UnifiedIdGenerator.generate_base_id("user")
    c = UnifiedIdGenerator.generate_base_id("zzz")
    return a, b, c
'''
UUID = b'''import uuid

request_id = f"req_{uuid.uuid4().hex}"
other_id = f"req_{uuid.uuid4().hex}"
'''


#: svc/ is opted in to adhoc-ids' production rewriting (elsewhere its sites are IDM121).
RULES = RuleSet(adhoc_ids_paths=("svc",))


def run(source: bytes, overrides=(), recipes=("generator",)):
    return transform_source(source, "svc/m.py", FileSettings(RULES, "shared.id_manager", recipes=recipes,
                                                             overrides=overrides))


def test_generator_sites_are_rejected_and_typed():
    plain = run(GENERATOR)
    assert [f.code for f in plain.findings] == ["IDM006", "IDM001", "IDM004"]
    (a, b, c) = [(f.line, f.column) for f in plain.findings]
    result = run(GENERATOR, ((*a, "type", "request"), (*b, "reject", ""), (*c, "type", "trace")))
    assert [(f.code, f.safety.label) for f in result.findings] == [
        ("IDM094", "format"), ("IDM093", "manual"), ("IDM094", "format")]
    text = result.new_source.decode()
    assert "a = get_id_manager().generate_id(IDType.REQUEST, prefix=prefix)" in text
    assert 'b = UnifiedIdGenerator.generate_base_id("user")' in text
    assert 'c = get_id_manager().generate_id(IDType.TRACE, prefix="zzz")' in text


def test_an_override_at_no_site_changes_nothing():
    assert run(GENERATOR, ((1, 1, "reject", ""),)).new_source == run(GENERATOR).new_source


def test_uuid_recipe_sites_are_rejected_and_typed():
    plain = run(UUID, recipes=("adhoc-ids",))
    (first, second) = [(f.line, f.column) for f in plain.findings]
    result = run(UUID, ((*first, "reject", ""), (*second, "type", "trace")), recipes=("adhoc-ids",))
    assert [f.code for f in result.findings] == ["IDM093", "IDM094"]
    text = result.new_source.decode()
    assert 'request_id = f"req_{uuid.uuid4().hex}"' in text
    assert "other_id = get_id_manager().generate_id(IDType.TRACE)" in text
