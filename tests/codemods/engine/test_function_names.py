"""Opened functions: libcst parses part of a function, and the guard still judges names as
pyflakes would on the whole file."""

from __future__ import annotations

import ast

import pytest

import codemods.engine.transform as engine
from codemods.engine.chunks import reduce_source
from codemods.engine.function_names import FunctionNames
from codemods.engine.transform import FileSettings, transform_source
from codemods.generator.rules import RuleSet

ORIGINAL = '''\
import uuid


def helper(limit=1):
    inner_only = 2

    def nested():
        return limit + outer
    outer = 3
    return nested


class TestRuns:
    shared = 1

    def test_run(self, client) -> None:
        """Doc."""
        thread_id = "thread-1"
        for item in client.items:
            pass
        info = dict(run_id=uuid.uuid4().hex[:12])
        assert info


def sibling():
    return 0
'''


def _excused(kept_text: str):
    return FunctionNames(ast.parse(ORIGINAL).body).excuser(ast.parse(kept_text))


def test_a_name_bound_by_the_function_or_one_around_it_is_excused():
    kept = "def helper(limit=1):\n    def nested():\n        return limit + outer\n    return inner_only\n"
    excused = _excused(kept)
    assert excused("outer", 3) and excused("limit", 3)  # bound in helper, read in nested
    assert excused("inner_only", 4)


def test_names_of_other_scopes_are_not_excused():
    kept = ("def helper(limit=thread_id):\n    return shared\n\n\nclass TestRuns:\n"
            "    def test_run(self, client) -> None:\n        return item, inner_only, nested\n")
    excused = _excused(kept)
    assert not excused("thread_id", 1)  # a default is read in the scope around the function
    assert not excused("shared", 2)  # a class body's names are not a method's
    assert excused("item", 7) and excused("client", 7)
    assert not excused("inner_only", 7)  # bound in another function
    assert not excused("nested", 7)


@pytest.mark.parametrize("recipes", [("test-ids",), ("adhoc-ids", "test-ids")])
def test_a_run_id_embedding_a_thread_bound_by_a_left_out_statement(recipes):
    settings = FileSettings(RuleSet(), "netra_backend.app.core.unified_id_manager", recipes=recipes)
    relevance = engine._relevance(settings)
    reduced = reduce_source(ORIGINAL.encode(), relevance.words, relevance.names, relevance.modules,
                            relevance.function_words)
    assert reduced is not None and 'thread_id = "thread-1"' not in reduced.text, "the function is opened"
    assert '"""Doc."""' in reduced.text and "assert info" in reduced.text
    opened = transform_source(ORIGINAL.encode(), "tests/test_runs.py", settings)
    assert opened.status == "changed", opened.reason
    assert b"thread_id" in opened.new_source.split(b"info = ")[1].split(b"\n")[0]


def test_the_opened_function_gives_the_whole_file_result(monkeypatch: pytest.MonkeyPatch):
    settings = FileSettings(RuleSet(), "netra_backend.app.core.unified_id_manager", recipes=("test-ids",))
    opened = transform_source(ORIGINAL.encode(), "tests/test_runs.py", settings)
    monkeypatch.setattr(engine, "reduce_source", lambda *args, **kwargs: None)
    whole = transform_source(ORIGINAL.encode(), "tests/test_runs.py", settings)
    assert (opened.status, opened.new_source, opened.findings) == (whole.status, whole.new_source, whole.findings)


def test_what_each_recipe_group_keeps_of_a_function():
    def relevance(recipes):
        return engine._relevance(FileSettings(RuleSet(), "netra_backend.app.core.unified_id_manager",
                                              recipes=recipes))

    uuid_only = relevance(("adhoc-ids", "test-ids"))
    assert (uuid_only.function_words, uuid_only.function_closure) == (("assert",), False)
    generator = relevance(("generator",))
    assert (generator.function_words, generator.function_closure) == ((), True)
    mixed = relevance(("generator", "test-ids"))
    assert (mixed.function_words, mixed.function_closure) == (("assert",), True)


def test_the_closure_keeps_the_readers_of_what_a_kept_statement_binds():
    source = (b"from shared.id_generation import UnifiedIdGenerator\n\n\nX = 1\n\n\n"
              b"def handler(request):\n    log(request)\n    ids = UnifiedIdGenerator.generate_user_context_ids('u', 'op')\n"
              b"    other = 2\n    thread = ids[0]\n    send(thread)\n    return other\n")
    words = ("UnifiedIdGenerator",)
    plain = reduce_source(source, words, function_words=("assert",))
    closed = reduce_source(source, words, function_words=("assert",), function_closure=True)
    assert "ids[0]" not in plain.text and "send(thread)" not in plain.text
    assert "thread = ids[0]" in closed.text and "send(thread)" in closed.text  # readers, and theirs
    assert "log(request)" not in closed.text and "return other" not in closed.text


def test_only_the_functions_around_an_undefined_name_are_worked_out():
    functions = FunctionNames(ast.parse(ORIGINAL).body)
    kept = "class TestRuns:\n    def test_run(self, client) -> None:\n        return item\n\n\ndef sibling():\n    return 0\n"
    excused = functions.excuser(ast.parse(kept))
    assert excused("item", 3)
    assert not excused("item", 7)
    assert set(functions._bound) <= {("TestRuns", "test_run"), ("sibling",)}, "helper's names are never needed"
