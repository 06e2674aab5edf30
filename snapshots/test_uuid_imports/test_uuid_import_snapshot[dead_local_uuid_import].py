# idmigrate snapshot: dead_local_uuid_import (changed)
# findings:
#   11:22 IDM103 format [adhoc-ids] str(uuid4()) -> *_id
#       why: the name 'transaction_id' says transaction
#       ->   get_id_manager().generate_id(IDType.TRANSACTION)

# ------------------------------ before
import uuid


def parse(value):
    return uuid.UUID(value)


def record(amount):
    # uuid is imported here for the IDs only
    import uuid
    transaction_id = str(uuid.uuid4())
    return {"transaction_id": transaction_id, "amount": amount}

# ------------------------------ after
import uuid
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


def parse(value):
    return uuid.UUID(value)


def record(amount):
    # uuid is imported here for the IDs only
    transaction_id = get_id_manager().generate_id(IDType.TRANSACTION)
    return {"transaction_id": transaction_id, "amount": amount}
