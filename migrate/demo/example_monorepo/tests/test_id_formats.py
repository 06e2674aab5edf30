"""ID-format compliance: manager IDs pass the strict check; raw (legacy) UUIDs only the lenient one.
This module simulates raw UUIDs on purpose; its uuid4 calls carry ``# expect[test-ids]`` markers."""

import uuid

import pytest

from netra_backend.app.core.unified_id_manager import IDType, get_id_manager, is_valid_id_format


@pytest.fixture
def legacy_ids():
    return [str(uuid.uuid4()) for _ in range(3)]  # expect[test-ids]: manual


def test_manager_ids_pass_the_strict_check():
    assert is_valid_id_format(get_id_manager().generate_id(IDType.USER))


def test_raw_uuids_fail_the_strict_check(legacy_ids):
    assert not any(is_valid_id_format(value) for value in legacy_ids)


def test_raw_uuid_passes_the_lenient_check():
    raw = str(uuid.uuid4())  # expect[test-ids]: manual
    assert get_id_manager().is_valid_id_format_compatible(raw, IDType.USER)
