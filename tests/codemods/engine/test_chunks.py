"""The reduced-module fast path: same results as parsing the whole file, bytes outside chunks untouched."""

from __future__ import annotations


import pytest

import codemods.engine.transform as engine
from codemods.engine.chunks import reduce_source, splice
from codemods.generator.rules import RuleSet
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
    source = (b'"""doc"""\nimport os\nfrom shared.id_generation import UnifiedIdGenerator\n\nLOG = 1\n\n\n'
              b"def unrelated():\n    return 1\n\n\n@decorator\ndef uses():\n"
              b"    return UnifiedIdGenerator.generate_base_id('user')\n\n\nclass Other:\n    x = 1\n")
    reduced = reduce_source(source, WORDS)
    assert "def unrelated" not in reduced.text and "class Other" not in reduced.text
    assert "@decorator\ndef uses" in reduced.text
    # the statement after the imports is kept: a new import is spaced from it by what it is
    assert "LOG = 1" in reduced.text
    # blank lines go with the kept text: above the decorator (the statement's), above a statement left out
    assert reduced.ranges == [(1, 7), (10, 16)]
    assert reduced.original_line(reduced.text.splitlines().index("def uses():") + 1) == 13


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
    source = b"import os\nfrom x import UnifiedIdGenerator\n\nX = 1\n\n\ndef f():\n    pass\n\n\nY = UnifiedIdGenerator\n"
    reduced = reduce_source(source, WORDS)
    assert "__idmigrate_chunk__ = 1\n" in reduced.text
    assert splice(reduced, reduced.text.replace("__idmigrate_chunk__ = 1\n", "")) is None


def test_unparseable_or_undecodable_sources_use_the_full_path():
    assert reduce_source(b"print 'py2'\nUnifiedIdGenerator\n", WORDS) is None
    assert reduce_source(b"x = '\xe9'\nUnifiedIdGenerator\n", WORDS) is None


TEST_CLASS = b"""import uuid
from shared.id_generation import UnifiedIdGenerator


class TestThings:
    \"\"\"One class of many methods, as test modules are.\"\"\"

    def setup_method(self):
        self.thread_id = "t-1"
        self.run_id = UnifiedIdGenerator.generate_run_id(self.thread_id)

    def test_unrelated(self):
        assert 1 + 1 == 2
        # a comment that closes this method's block

    # a comment that belongs to the next method
    def test_run_format(self):
        assert self.run_id.startswith("run_")

    def test_also_unrelated(self):
        assert True

    def test_direct(self):
        return UnifiedIdGenerator.generate_base_id("user")
"""


def test_a_class_is_opened_to_the_methods_that_matter():
    reduced = reduce_source(TEST_CLASS, WORDS)
    assert "class TestThings:" in reduced.text
    assert "def setup_method" in reduced.text and "def test_direct" in reduced.text
    assert "def test_unrelated" not in reduced.text and "def test_also_unrelated" not in reduced.text
    # test_run_format mentions no word, but reads an attribute a kept method assigns
    assert "def test_run_format" in reduced.text


def test_markers_inside_a_class_are_indented_and_the_method_keeps_its_leading_lines():
    reduced = reduce_source(TEST_CLASS, WORDS)
    lines = reduced.text.splitlines()
    markers = [line for line in lines if "__idmigrate_chunk__" in line]
    assert markers and all(line.startswith("    __idmigrate_chunk__ = ") for line in markers)
    at = lines.index("    # a comment that belongs to the next method")
    assert "__idmigrate_chunk__" in lines[at - 2] and lines[at - 1] == ""
    assert "a comment that closes this method's block" not in reduced.text
    assert splice(reduced, reduced.text).encode() == TEST_CLASS


def test_a_class_whose_header_mentions_a_word_is_kept_whole():
    source = TEST_CLASS.replace(b"class TestThings:", b"class TestThings(UnifiedIdGenerator):")
    reduced = reduce_source(source, WORDS)
    assert "def test_unrelated" in reduced.text and "def test_also_unrelated" in reduced.text


def test_a_shared_line_inside_a_class_keeps_that_class_whole():
    source = TEST_CLASS.replace(b"    def test_also_unrelated(self):\n        assert True\n",
                                b"    x = 1; y = (\n        UnifiedIdGenerator)\n")
    reduced = reduce_source(source, WORDS)
    assert "def test_unrelated" in reduced.text


def test_left_out_statements_report_the_names_they_bind():
    source = (b"import os\nfrom shared.id_generation import UnifiedIdGenerator\n\nlog = 1\n\n\n"
              b"def helper():\n    return 1\n\n\nLIMIT, (A, B) = 3, (1, 2)\n\n\n"
              b"if LIMIT > 2:\n    FLAG = True\nelse:\n    FLAG = False\n\n\nNOTE: str\n\n\n"
              b"def uses():\n    return UnifiedIdGenerator.generate_base_id('user')\n")
    reduced = reduce_source(source, WORDS)
    assert reduced.left_out_names == {"helper", "LIMIT", "A", "B", "FLAG"}  # a bare annotation binds nothing
    assert not {"uses", "os", "log"} & reduced.left_out_names  # kept: in the reduced text


def test_the_guard_knows_left_out_names_but_still_sees_a_kept_import_go():
    old = "import helpers\n\n\ndef f():\n    return helpers.make()\n"
    uses_left_out = "import helpers\n\n\ndef f():\n    return helper(helpers.make())\n"
    assert engine.guard(old, uses_left_out, "m.py") is not None  # alone, the reduced text does not define it
    assert engine.guard(old, uses_left_out, "m.py", frozenset({"helper"})) is None
    import_removed = "def f():\n    return helpers.make()\n"
    assert "helpers" in engine.guard(old, import_removed, "m.py", frozenset({"helper"}))


def _uuid_cases() -> dict[str, tuple[str, str, tuple[str, ...]]]:
    from tests.codemods.uuid_ids.support import ADHOC, APP, TESTS
    from tests.codemods.uuid_ids.test_test_ids import TEST_SHAPES
    from tests.codemods.uuid_ids.test_uuid_flow import FLOW_SHAPES
    from tests.codemods.uuid_ids.test_uuid_imports import UUID_IMPORT_SHAPES
    from tests.codemods.uuid_ids.test_uuid_recipes import ADHOC_SHAPES

    cases = {f"adhoc:{n}": (source, APP, ADHOC) for n, (source, _) in ADHOC_SHAPES.items()}
    cases |= {f"test:{n}": (source, path, TESTS) for n, (source, path, _) in TEST_SHAPES.items()}
    cases |= {f"flow:{n}": (source, path, recipes) for n, (source, path, recipes, _) in FLOW_SHAPES.items()}
    cases |= {f"imports:{n}": (s, path, recipes) for n, (s, path, recipes, _) in UUID_IMPORT_SHAPES.items()}
    return cases


UUID_CASES = _uuid_cases()


@pytest.mark.parametrize("name", sorted(UUID_CASES))
def test_uuid_recipes_fast_path_equals_full_parse(name, monkeypatch):
    from tests.codemods.uuid_ids.support import run

    source, path, recipes = UUID_CASES[name]
    fast = run(source, path=path, recipes=recipes)
    with monkeypatch.context() as patch:
        patch.setattr(engine, "reduce_source", lambda *args, **kwargs: None)
        full = run(source, path=path, recipes=recipes)
    assert signature(fast) == signature(full)


@pytest.mark.parametrize("function_words", [None, ("assert",)])
def test_a_kept_class_with_nothing_inside_to_keep_stays_whole(function_words):
    """The statement after an import is kept for its spacing; opened with nothing of its body
    kept, it would be a header without a body."""
    source = b"from shared.id_generation import UnifiedIdGenerator\n\n\nclass Config:\n    a = 1\n    b = 2\n"
    reduced = reduce_source(source, WORDS, function_words=function_words)
    assert reduced is None or "    b = 2" in reduced.text
    if reduced is not None:
        compile(reduced.text, "reduced.py", "exec")


REBOUND_THREADS = {
    "rebound in the block": '''\
from shared.id_generation import UnifiedIdGenerator


def start(request):
    log(request)
    conversation = UnifiedIdGenerator.generate_base_id("thread")
    conversation = request.conversation
    run = UnifiedIdGenerator.generate_base_id("run")
    return conversation, run
''',
    "rebound in a loop": '''\
from shared.id_generation import UnifiedIdGenerator


class TestRuns:
    def test_other(self):
        pass

    def test_runs(self, requests):
        log(requests)
        convo = UnifiedIdGenerator.generate_base_id("thread")
        for convo in requests:
            pass
        run = UnifiedIdGenerator.generate_base_id("run")
        assert run
''',
}


@pytest.mark.parametrize("name", sorted(REBOUND_THREADS))
def test_a_thread_variable_assigned_again_by_a_statement_naming_no_word(name, monkeypatch):
    """The generator keeps no function word: the closure keeps a statement that assigns the thread's
    variable again, so the run ID made after it is decided as on the whole file."""
    source = REBOUND_THREADS[name].encode()
    relevance = engine._relevance(engine.FileSettings(RuleSet(), "netra_backend.app.core.unified_id_manager"))
    reduced = reduce_source(source, relevance.words, relevance.names, relevance.modules,
                            relevance.function_words, relevance.function_closure)
    assert reduced is not None and "log(" not in reduced.text, "the function is opened"
    assert "conversation = request.conversation" in reduced.text or "for convo in requests" in reduced.text
    fast, full = both_ways(source, "netra_backend/app/module.py", monkeypatch)
    assert signature(fast) == signature(full)
