"""Thread-in-reach and ID-text readers, read from the stdlib tree of a whole file."""

import ast
import textwrap

import pytest

from codemods.engine.chunks import statements
from codemods.engine.scope_facts import FileFacts, ThreadInReach


def facts(source: str) -> tuple[FileFacts, list[str]]:
    source = textwrap.dedent(source)
    lines = source.splitlines(keepends=True)
    return FileFacts(statements(ast.parse(source).body), lines), lines


def line_of(lines: list[str], marker: str) -> int:
    return next(i for i, text in enumerate(lines, 1) if marker in text)


def thread_at(source: str, marker: str = "# here") -> ThreadInReach | None:
    f, lines = facts(source)
    return f.thread_at(line_of(lines, marker))


def test_a_parameter_named_thread_id_is_in_reach():
    assert thread_at("""
        def start(user_id, thread_id, run_id=None):
            run_id = run_id or make("run")  # here
    """) == ThreadInReach("thread_id")


def test_an_optional_parameter_may_be_none():
    assert thread_at("""
        def start(user_id, thread_id: Optional[str] = None):
            return make("run")  # here
    """) == ThreadInReach("thread_id", may_be_none=True)


def test_a_local_assigned_earlier_beats_the_parameter_and_is_not_none():
    assert thread_at("""
        def start(user_id, thread_id=None):
            thread_id = thread_id or make("thread")
            return make("run")  # here
    """) == ThreadInReach("thread_id")


def test_a_local_assigned_later_is_not_in_reach():
    assert thread_at("""
        def start(user_id):
            run_id = make("run")  # here
            thread_id = make("thread")
    """) is None


def test_suffixed_names_count_and_the_exact_name_wins():
    assert thread_at("""
        def spawn(parent_thread_id):
            return make("run")  # here
    """) == ThreadInReach("parent_thread_id")
    assert thread_at("""
        def spawn(parent_thread_id, thread_id):
            return make("run")  # here
    """) == ThreadInReach("thread_id")


def test_names_that_merely_contain_thread_do_not_count():
    assert thread_at("""
        def spawn(thread_count, threads, thread_ids):
            return make("run")  # here
    """) is None


def test_a_dataclass_field_is_in_reach_in_post_init():
    assert thread_at("""
        @dataclass
        class Ctx:
            user_id: str
            thread_id: str
            run_id: str = ""

            def __post_init__(self):
                self.run_id = self.run_id or make("run")  # here
    """) == ThreadInReach("self.thread_id")


def test_an_optional_field_may_be_none():
    assert thread_at("""
        @dataclass
        class Ctx:
            thread_id: Optional[str] = None

            def new_run(self):
                return make("run")  # here
    """) == ThreadInReach("self.thread_id", may_be_none=True)


def test_an_attribute_set_in_init_is_in_reach_in_other_methods_not_before_it_is_set():
    source = """
        class Agent:
            def __init__(self, thread_id):
                self.run_id = make("run")  # early
                self.thread_id = thread_id

            def rerun(self):
                return make("run")  # here
    """
    assert thread_at(source) == ThreadInReach("self.thread_id")
    assert thread_at(source, "# early") == ThreadInReach("thread_id")  # the parameter, not the attribute


def test_a_closure_sees_its_enclosing_function():
    assert thread_at("""
        def outer(thread_id):
            def inner():
                return make("run")  # here
            return inner
    """) == ThreadInReach("thread_id")


def test_module_level_code_has_no_thread_in_reach():
    assert thread_at("""
        thread_id = "x"
        RUN = make("run")  # here
    """) is None


@pytest.mark.parametrize("reader", [
    'run_id.split("_")', "len(run_id)", "run_id[:8]", 'run_id.startswith("run_")', 're.match(r"run_", run_id)',
    '"run" in run_id', 'run_id == "run_1"', "parse_id(run_id)", "G.get_id_age(run_id)", "PATTERN.match(run_id)",
])
def test_readers_of_the_assigned_name_are_found(reader):
    f, lines = facts(f"""
        def start():
            run_id = make("run")  # here
            log(run_id)
            value = {reader}
    """)
    found = f.readers(line_of(lines, "# here"), "run_id")
    assert [str(r) for r in found] == [f"L5: {reader}"]


def test_plain_uses_are_not_readers_and_other_functions_do_not_count():
    f, lines = facts("""
        def start():
            run_id = make("run")  # here
            store[run_id] = {"run_id": run_id}
            return run_id == other_id

        def elsewhere(run_id):
            return run_id.split("_")
    """)
    assert f.readers(line_of(lines, "# here"), "run_id") == []


def test_a_generated_value_read_where_it_is_made():
    f, lines = facts("""
        def start():
            return G.generate_base_id("run").split("_")[0]  # here
    """)
    assert [r.text for r in f.readers(line_of(lines, "# here"), None)] == ['G.generate_base_id("run").split("_")']


def test_attribute_targets_are_matched_whole():
    f, lines = facts("""
        class A:
            def setup(self):
                self.session_id = make("session")  # here
                assert self.session_id.startswith("session_")
                assert self.other.startswith("x")
    """)
    assert [r.line for r in f.readers(line_of(lines, "# here"), "self.session_id")] == [5]


@pytest.mark.parametrize("body, bound", [
    ("thread_id = load()\n    if x:\n        use()  # here", True),
    ("if x:\n        thread_id = load()\n    use()  # here", False),
    ("try:\n        thread_id = load()\n    except KeyError:\n        pass\n    use()  # here", False),
    ("thread_id, created = load()\n    for item in items:\n        use()  # here", True),
    ("for thread_id in threads:\n        pass\n    use()  # here", False),
    ("use()  # here\n    thread_id = load()", False),
])
def test_a_local_is_bound_at_a_line_only_when_assigned_on_every_path(body, bound):
    f, lines = facts(f"def start(user_id):\n    {body}\n")
    assert f.bound_at(line_of(lines, "# here"), "thread_id") is bound


def test_parameters_of_enclosing_functions_are_bound():
    f, lines = facts("""
        def outer(thread_id):
            def inner():
                if x:
                    thread_id = 1
                return use()  # here
    """)
    assert f.bound_at(line_of(lines, "# here"), "thread_id")
