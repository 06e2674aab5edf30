"""Behaviour that still depends on the generator itself (stays until it is retired)."""

from unittest import mock

from generate_fixture_ids import fixture_ids
from netra_backend.app.db.repositories.message_repository import MessageRepository
from scripts.cleanup_sessions import cleanup
from scripts.seed_demo_data import build_seed_users
from test_framework.id_factories import reset_ids, reset_ids_via_class


@mock.patch("shared.id_generation.unified_id_generator.UnifiedIdGenerator.generate_base_id", return_value="slack_1700000000000_1_cafebabe")  # expect: manual
def test_imported_rows_keep_their_prefix(fake):
    row = MessageRepository().insert_with_prefix("slack", "thread-1", "hi")
    assert row["message_id"] == "slack_1700000000000_1_cafebabe"
    fake.assert_called_once_with("slack")


def test_scripts_and_helpers(ids):
    users = build_seed_users(2)
    assert len({u["user_id"] for u in users}) == 2
    assert all(len({u["thread_id"], u["run_id"], u["request_id"]}) == 3 for u in users)
    assert cleanup(3600).startswith("removed ")
    assert len(set(fixture_ids("fixture"))) == 2
    assert ids.legacy_user_id() and ids.member_id() != ids.admin_id()
    assert len(set(ids.many_user_ids(3))) == 3
    assert ids.sample_components().counter == 1


def test_counter_resets_do_not_break_uniqueness(ids):
    before = ids.user_id()
    reset_ids()
    middle = ids.user_id()
    reset_ids_via_class()
    after = ids.user_id()
    assert len({before, middle, after}) == 3
