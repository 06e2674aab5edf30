# idmigrate snapshot: fixture_in_conftest (changed)
# findings:
#   7:12 IDM201 format [test-ids] uuid4().hex[:8] (test)
#       why: the name 'request_id' says request
#       ->   get_id_manager().generate_id(IDType.REQUEST)
#   12:26 IDM201 format [test-ids] uuid4().hex[:8] (test)
#       why: the name 'tenant_id' names no type: the fallback type, 'tenant' kept as prefix=
#       ->   get_id_manager().generate_id(IDType.EXECUTION, prefix="tenant")

# ------------------------------ before
import pytest
import uuid


@pytest.fixture
def request_id():
    return uuid.uuid4().hex[:8]


@pytest.fixture
def tenant():
    return {"tenant_id": str(uuid.uuid4())}

# ------------------------------ after
import pytest
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


@pytest.fixture
def request_id():
    return get_id_manager().generate_id(IDType.REQUEST)


@pytest.fixture
def tenant():
    return {"tenant_id": get_id_manager().generate_id(IDType.EXECUTION, prefix="tenant")}
