"""Samples for the strict ID check, some of them raw UUIDs that must be rejected."""

import uuid

from netra_backend.app.core.unified_id_manager import is_valid_id_format

SAMPLES = {
    "accepted": f"user_{uuid.uuid4().hex[:8]}",  # expect[test-ids]: format
    "rejected": str(uuid.uuid4()),  # expect[test-ids]: manual
}


def test_samples():
    assert is_valid_id_format(SAMPLES["accepted"])
    assert not is_valid_id_format(SAMPLES["rejected"])
    sample = str(uuid.uuid4())  # should fail: raw UUID  # expect[test-ids]: manual
    assert not is_valid_id_format(sample)
