"""Shapes of run IDs and the thread they embed, and of user-context tuples (written for these tests).

Same format as ``tests.shapes``, which merges them into ``SHAPES``/``NOOPS``; ``THREAD_SETTINGS``
says which shapes are migrated as test code.
"""

from __future__ import annotations

IMPORT = "from shared.id_generation import UnifiedIdGenerator\n"

THREAD_SHAPES: dict[str, tuple[str, list[str]]] = {
    "thread_then_run": (IMPORT + '''
def start():
    thread_id = UnifiedIdGenerator.generate_base_id("thread")
    run_id = UnifiedIdGenerator.generate_base_id("run")
    return thread_id, run_id


def lone_run():
    return UnifiedIdGenerator.generate_base_id("run")
''', ["exact", "format", "format"]),
    "user_context_tuple": (IMPORT + '''
def start(user_id):
    thread_id, run_id, request_id = UnifiedIdGenerator.generate_user_context_ids(user_id, "chat")  # ids
    return thread_id, run_id, request_id
''', ["format"]),
    "user_context_keywords": (IMPORT + '''
def start(user_id):
    t, r, q = UnifiedIdGenerator.generate_user_context_ids(user_id=user_id, operation="agent")
    return t, r, q
''', ["format"]),
    "user_context_placeholders": (IMPORT + '''
def start(user_id):
    thread_id, run_id, _ = UnifiedIdGenerator.generate_user_context_ids(user_id, "chat")
    _, only_run, _ = UnifiedIdGenerator.generate_user_context_ids(user_id)
    return thread_id, run_id, only_run
''', ["format", "format"]),
    "user_context_multiline_parenthesized": (IMPORT + '''
class Ctx:
    def __init__(self, user_id):
        # one context per request
        (self.thread_id, self.run_id, self.request_id) = UnifiedIdGenerator.generate_user_context_ids(
            user_id,
            "request",
        )
''', ["format"]),
    "user_context_index": (IMPORT + '''
def pick(user_id):
    thread = UnifiedIdGenerator.generate_user_context_ids(user_id, "x")[0]
    run = UnifiedIdGenerator.generate_user_context_ids(user_id, "x")[1]
    req = UnifiedIdGenerator.generate_user_context_ids(user_id, "x")[-1]
    return thread, run, req
''', ["format", "format", "format"]),
    "user_context_passed_on": (IMPORT + '''
def ids(user_id):
    return UnifiedIdGenerator.generate_user_context_ids(user_id, "x")
''', ["manual"]),
    "latent_run_pairs_with_thread": (IMPORT + '''
def pair():
    thread_id = UnifiedIdGenerator.generate_thread_id()
    run_id = UnifiedIdGenerator.generate_run_id()
    return thread_id, run_id
''', ["format", "format"]),
    # ---- what a reviewer of the patch checks: run IDs embed the thread in reach
    "run_id_beside_thread_parameter": (IMPORT + '''
def start_run(user_id, thread_id, run_id=None):
    run_id = run_id or UnifiedIdGenerator.generate_base_id("run")
    return run_id
''', ["format"]),
    "run_id_in_dataclass_post_init": (IMPORT + '''
from dataclasses import dataclass


@dataclass
class ExecutionContext:
    user_id: str
    thread_id: str
    run_id: str = ""

    def __post_init__(self):
        if not self.run_id:
            self.run_id = UnifiedIdGenerator.generate_base_id("run")
''', ["format"]),
    "run_id_sibling_thread_keyword": (IMPORT + '''
def context_for(user_id, t, run_id=None):
    return Ctx(user_id=user_id, thread_id=t, run_id=run_id or UnifiedIdGenerator.generate_base_id("run"))
''', ["format"]),
    "run_id_optional_thread": (IMPORT + '''
from typing import Optional


def start(user_id: str, thread_id: Optional[str] = None) -> str:
    return UnifiedIdGenerator.generate_base_id("run")
''', ["format"]),
    "latent_run_from_parameter": (IMPORT + '''
def resume(thread_id):
    return UnifiedIdGenerator.generate_run_id()
''', ["format"]),
    # ---- generate_run_id() in a test with no thread in reach: a fresh THREAD ID to embed
    "latent_run_in_a_test_without_thread": (IMPORT + '''

def test_run_ids_are_distinct():
    first = UnifiedIdGenerator.generate_run_id()
    assert first != UnifiedIdGenerator.generate_run_id()


class TestResume:
    def test_resume_keeps_the_thread(self, thread_id):
        assert UnifiedIdGenerator.generate_run_id() != thread_id
''', ["format", "format", "format"]),
    # ---- a thread ID bound only in a branch before the run ID: which one to embed is for a human
    "run_id_after_thread_in_a_branch": (IMPORT + '''

def start(user_id, resume):
    if resume:
        thread_id = load_thread(user_id)
    run_id = UnifiedIdGenerator.generate_base_id("run")
    return run_id


def resume_run(user_id, resume):
    try:
        thread_id = load_thread(user_id)
    except KeyError:
        pass
    return UnifiedIdGenerator.generate_run_id()


def bound_before_the_branch(user_id):
    thread_id, created = load_thread(user_id)
    if created:
        return UnifiedIdGenerator.generate_base_id("run")
    return thread_id
''', ["manual", "manual", "format"]),
    # ---- a user-context tuple held whole in one name, then read element by element
    "user_context_held_then_indexed": (IMPORT + '''

def start(user_id):
    ids = UnifiedIdGenerator.generate_user_context_ids(user_id, "chat")
    log.info("context for %s", user_id)
    return Ctx(thread_id=ids[0], run_id=ids[1])


def request_only(user_id):
    ids = UnifiedIdGenerator.generate_user_context_ids(user_id)
    return {"request_id": ids[-1]}
''', ["format", "format"]),
    "user_context_held_then_unpacked": (IMPORT + '''

def start(user_id, thread_id=None):
    context_ids = UnifiedIdGenerator.generate_user_context_ids(user_id, "chat")  # one per request
    if thread_id is None:
        t, _, q = context_ids
        return t, q
    first, second, third = context_ids
    return context_ids[1], first, second, third
''', ["format"]),
    "user_context_held_and_escaping": (IMPORT + '''

class Session:
    def begin(self, user_id):
        ids = UnifiedIdGenerator.generate_user_context_ids(user_id, "chat")
        self.thread_id = ids[0]
        return ids

    def share(self, user_id):
        ids = UnifiedIdGenerator.generate_user_context_ids(user_id, "chat")
        publish(ids)

    def keep(self, user_id):
        ids = UnifiedIdGenerator.generate_user_context_ids(user_id, "chat")
        self.ids = ids

    def late(self, user_id):
        ids = UnifiedIdGenerator.generate_user_context_ids(user_id, "chat")
        return lambda: ids[0]

    def by_variable(self, user_id, i):
        ids = UnifiedIdGenerator.generate_user_context_ids(user_id, "chat")
        return ids[i]


IDS = UnifiedIdGenerator.generate_user_context_ids("system", "boot")
FIRST = IDS[0]
''', ["manual"] * 6),
}

THREAD_NOOPS: dict[str, str] = {
    "run_id_of_another_generator_in_a_test": '''from ids import OtherGenerator


def test_run():
    assert OtherGenerator.generate_run_id()
''',
    "run_id_of_another_generator_after_a_branch": '''from ids import OtherGenerator


def start(user_id, resume):
    if resume:
        thread_id = load_thread(user_id)
    return OtherGenerator.generate_base_id("run")
''',
    "tuple_of_another_generator_held_and_indexed": '''from ids import OtherGenerator


def start(user_id):
    ids = OtherGenerator.generate_user_context_ids(user_id, "chat")
    return ids[0], ids[1]
''',
}

THREAD_SETTINGS: dict[str, dict[str, str]] = {
    "latent_run_in_a_test_without_thread": {"path": "tests/test_runs.py"},
    "run_id_of_another_generator_in_a_test": {"path": "tests/test_runs.py"},
}
