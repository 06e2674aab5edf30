# idmigrate snapshot: test_raw_samples (changed)
# findings:
#   8:13 IDM223 manual [test-ids] raw-UUID fixture or sample
#       why: a raw UUID on purpose: keep it: invalid_ids() provides invalid samples
#       ->   keep uuid.uuid4()
#   12:28 IDM202 format [test-ids] f"<prefix>_{uuid4().hex[:8]}" (test)
#       why: prefix 'user' is the IDType value
#       ->   get_id_manager().generate_id(IDType.USER)
#   12:72 IDM223 manual [test-ids] raw-UUID fixture or sample
#       why: a raw UUID on purpose: keep it: the sample 'rejected' is rejected
#       ->   keep uuid.uuid4()
#   13:14 IDM223 manual [test-ids] raw-UUID fixture or sample
#       why: a raw UUID on purpose: keep it: the comment '# should fail: raw UUID'
#       ->   keep uuid.uuid4()

# ------------------------------ before
import uuid

import pytest


@pytest.fixture
def invalid_ids():
    return [str(uuid.uuid4()), "not-an-id"]


def test_checks(validator):
    samples = {"accepted": f"user_{uuid.uuid4().hex[:8]}", "rejected": str(uuid.uuid4())}
    sample = str(uuid.uuid4())  # should fail: raw UUID
    assert validator(samples, sample)

# ------------------------------ after
import uuid

import pytest
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


@pytest.fixture
def invalid_ids():
    return [str(uuid.uuid4()), "not-an-id"]


def test_checks(validator):
    samples = {"accepted": get_id_manager().generate_id(IDType.USER), "rejected": str(uuid.uuid4())}
    sample = str(uuid.uuid4())  # should fail: raw UUID
    assert validator(samples, sample)
