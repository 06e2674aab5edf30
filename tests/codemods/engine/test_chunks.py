"""The reduced-module fast path: same results as parsing the whole file, bytes outside chunks untouched."""

from __future__ import annotations


import pytest

import codemods.engine.transform as engine
from codemods.engine.chunks import reduce_source, splice
from migrate.demo.demo import EXAMPLE
from tests.conftest import migrate_source
from tests.shapes import NOOPS, SHAPES
from tests.reliability.test_reliability_files import MIGRATED

WORDS = ("UnifiedIdGenerator",)


def both_ways(source: bytes, path: str, monkeypatch):
    fast = migrate_source(source, path=path)
    with monkeypatch.context() as patch:
        patch.setattr(engine, "reduce_source", lambda *args, **kwargs: None)
        full = migrate_source(source, path=path)
    return fast, full


def signature(result):
    return result.status, result.new_source, [
        (f.line, f.column, f.code, f.safety, f.member, f.suggestion, f.latent) for f in result.findings
    ]


CASES = {
    **{f"shape:{name}": source.encode() for name, (source, _) in SHAPES.items()},
    **{f"noop:{name}": source.encode() for name, source in NOOPS.items()},
    **{f"odd:{name}": source for name, (source, _, _) in MIGRATED.items()},
    **{f"example:{p.relative_to(EXAMPLE).as_posix()}": p.read_bytes() for p in sorted(EXAMPLE.rglob("*.py"))
       if b"UnifiedIdGenerator" in p.read_bytes() and "id_generation" not in p.parts},
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_fast_path_equals_full_parse(name, monkeypatch):
    path = name.split(":", 1)[1] if name.startswith("example:") else "netra_backend/app/module.py"
    fast, full = both_ways(CASES[name], path, monkeypatch)
    assert signature(fast) == signature(full)


def test_round_trip_without_changes_is_identity():
    for source in CASES.values():
        reduced = reduce_source(source, WORDS)
        if reduced is not None:
            assert splice(reduced, reduced.text).encode(reduced.encoding) == source


def test_only_relevant_top_level_statements_are_parsed():
    source = (b'"""doc"""\nimport os\nfrom shared.id_generation import UnifiedIdGenerator\n\n\n'
              b"def unrelated():\n    return 1\n\n\n@decorator\ndef uses():\n"
              b"    return UnifiedIdGenerator.generate_base_id('user')\n\n\nclass Other:\n    x = 1\n")
    reduced = reduce_source(source, WORDS)
    assert "def unrelated" not in reduced.text and "class Other" not in reduced.text
    assert "@decorator\ndef uses" in reduced.text
    assert reduced.ranges == [(1, 3), (10, 12)]
    assert reduced.original_line(reduced.text.splitlines().index("def uses():") + 1) == 11


def test_statements_sharing_a_line_fall_back_to_the_whole_file():
    source = b"from shared.id_generation import UnifiedIdGenerator\nx = 1; y = UnifiedIdGenerator.generate_base_id('user')\n"
    assert reduce_source(source, WORDS) is not None  # both kept together: the second is relevant
    assert reduce_source(b"import os\nx = 1\ny = 2; z = UnifiedIdGenerator\n", WORDS) is not None


def test_aliases_and_instances_make_statements_relevant():
    source = (b"from shared.id_generation import UnifiedIdGenerator as IdGen\n_gen = IdGen()\n\n\n"
              b"def f():\n    return _gen.generate_base_id('user')\n\n\ndef g():\n    return 2\n")
    reduced = reduce_source(source, WORDS, ("UnifiedIdGenerator",), ("shared.id_generation",))
    assert "def f()" in reduced.text and "def g()" not in reduced.text


def test_lost_markers_are_detected():
    source = b"import os\nfrom x import UnifiedIdGenerator\n\n\ndef f():\n    pass\n\n\nY = UnifiedIdGenerator\n"
    reduced = reduce_source(source, WORDS)
    assert splice(reduced, reduced.text.replace("__idmigrate_chunk__ = 1\n", "")) is None


def test_unparseable_or_undecodable_sources_use_the_full_path():
    assert reduce_source(b"print 'py2'\nUnifiedIdGenerator\n", WORDS) is None
    assert reduce_source(b"x = '\xe9'\nUnifiedIdGenerator\n", WORDS) is None
