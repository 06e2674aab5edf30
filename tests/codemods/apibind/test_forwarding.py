"""What the compatibility layer forwards, and which members the generator parses IDs with: both
read from the rule table bound to a repository's own generator and manager."""

from __future__ import annotations

import json
import textwrap

import pytest

from codemods.apibind.bind import bind_rules
from codemods.apibind.forwarding import forwarded_members, forwards_validity
from codemods.core.api_reader import parse_module
from codemods.generator.rules import RuleSet
from migrate.demo.demo import EVOLVED, EXAMPLE

GENERATOR = "shared/id_generation/unified_id_generator.py"
MANAGER = "netra_backend/app/core/unified_id_manager.py"


def bound(generator: str | bytes | None, manager: str | bytes | None) -> RuleSet:
    read = (lambda source: parse_module(textwrap.dedent(source) if isinstance(source, str) else source)
            if source is not None else None)
    return bind_rules(RuleSet(), read(generator), read(manager))


def example(root, without: str = "") -> RuleSet:
    manager = (root / MANAGER).read_text()
    if without:  # the manager as a repository might have it: one member fewer
        manager = manager.replace(f"def {without}(", f"def _gone_{without}(")
    return bound((root / GENERATOR).read_bytes(), manager)


def table(rules: RuleSet) -> dict[str, str]:
    return {name: f"{rule.code} {rule.kind}" for name, rule in sorted(forwarded_members(rules).items())}


def test_forwarding_tables_of_both_examples_snapshot(snapshot_json):
    tables = {"example": table(example(EXAMPLE)), "evolved": table(example(EVOLVED))}
    assert json.dumps(tables, indent=2) + "\n" == snapshot_json


def test_the_evolved_generate_id_is_forwarded_as_a_base_id_and_helpers_without_rule_are_not():
    forwarded = forwarded_members(example(EVOLVED))
    assert forwarded["generate_id"].kind == "base_id"
    assert not {"normalize_id_format", "ids_match_for_cleanup", "parse_id", "generate_run_id"} & set(forwarded)


@pytest.mark.parametrize("member, lost", [
    ("reset_counters", {"reset_global_counter"}),
    ("generate_run_id", {"generate_user_context_ids"}),
    ("generate_id", {"generate_base_id", "generate_batch_ids", "generate_user_context_ids",
                     "generate_session_id", "generate_websocket_connection_id"}),
])
def test_a_member_the_manager_lacks_is_not_forwarded(member, lost):
    full = set(forwarded_members(example(EXAMPLE)))
    assert lost <= full
    assert not lost & set(forwarded_members(example(EXAMPLE, without=member)))


def test_validity_is_forwarded_only_where_the_manager_can_tell_its_own_ids():
    assert forwards_validity(example(EXAMPLE))
    assert not forwards_validity(example(EXAMPLE, without="is_valid_id"))
    assert forwards_validity(RuleSet())  # nothing read: as declared


def test_without_the_apis_the_declared_rows_are_forwarded():
    forwarded = forwarded_members(RuleSet())
    assert "generate_base_id" in forwarded and "generate_run_id" not in forwarded  # a latent row


def test_members_that_parse_ids_are_read_from_the_generator():
    assert example(EVOLVED).apis.parsers == {
        "parse_id": ((0, "id_string"),), "get_id_age": ((0, "id_string"),), "is_valid_id": ((0, "id_string"),),
        "normalize_id_format": ((0, "id_value"),), "extract_pattern_info": ((0, "id_value"),),
        "ids_match_for_cleanup": ((0, "first"), (1, "second")),
    }
    # the older generator parses through a module function (_parse): followed too
    assert set(example(EXAMPLE).apis.parsers) == {"parse_id", "is_valid_id", "get_id_age"}


def test_a_member_that_embeds_an_id_or_reads_no_id_is_no_parser():
    rules = bound('''
        import re

        class UnifiedIdGenerator:
            @staticmethod
            def generate_websocket_connection_id(user_id, connection_timestamp=None):
                return f"ws_conn_{user_id[:8]}"
            @staticmethod
            def translate_legacy_context_ids(context):
                return {k.lower(): v for k, v in context.items()}
            @staticmethod
            def describe(label: str) -> str:
                return label.upper()
            @classmethod
            def same_owner(cls, a, b):
                return cls.owner_of(a) == cls.owner_of(b)
            @staticmethod
            def owner_of(id_value):
                return re.match(r"(\\w+?)_", id_value).group(1)
    ''', None)
    # the f-string only embeds user_id; context is no string; describe's label names no ID;
    # same_owner reads both through owner_of (a member named like an ID reader by its parameter)
    assert rules.apis.parsers == {"owner_of": ((0, "id_value"),)}
