"""The manager members each rule kind calls, checked against a manager's API."""

from __future__ import annotations

import pytest

from codemods.core.api_reader import parse_module
from codemods.generator.rules import MEMBER_RULES
from codemods.generator.targets import KIND_TARGETS, Target, check_target, targets_of

MANAGER = parse_module('''
class UnifiedIDManager:
    version = 2
    def generate_id(self, id_type, prefix=None): ...
    @classmethod
    def generate_thread_id(cls): ...
    def generate_run_id(self, thread_id): ...
    @property
    def reset_counters(self): ...

def get_id_manager(): ...
''', "m")
CLS = MANAGER.classes["UnifiedIDManager"]


@pytest.mark.parametrize("target, functions, missing", [
    (Target("generate_id", "instance"), MANAGER.functions, ""),
    (Target("generate_id", "instance"), {}, "no module function get_id_manager()"),
    (Target("generate_thread_id", "class"), MANAGER.functions, ""),
    (Target("generate_run_id", "class"), MANAGER.functions, "UnifiedIDManager.generate_run_id is an instance method"),
    (Target("reset_counters", "instance"), MANAGER.functions, "is a property, not a method"),
    (Target("version", "instance"), MANAGER.functions, "is an attribute, not a method"),
    (Target("clear_all", "instance"), MANAGER.functions, "no UnifiedIDManager.clear_all"),
    (Target("is_valid_id_format", "module"), MANAGER.functions, "no module function is_valid_id_format()"),
    (Target("get_id_manager", "module"), MANAGER.functions, ""),
])
def test_check_target(target, functions, missing):
    got = check_target(target, CLS, functions)
    assert (got == "") if not missing else (missing in got), got


def test_no_manager_class_means_every_class_target_is_missing():
    assert check_target(Target("generate_id", "instance"), None, {}) == "no UnifiedIDManager.generate_id"


def test_every_rule_kind_has_its_targets_declared():
    assert {rule.kind for rule in MEMBER_RULES.values()} <= set(KIND_TARGETS)
    assert [t.call for t in targets_of(MEMBER_RULES["generate_user_context_ids"])] == [
        "UnifiedIDManager.generate_run_id", "get_id_manager().generate_id"]  # the thread is a generate_id
    assert targets_of(MEMBER_RULES["parse_id"]) == ()
