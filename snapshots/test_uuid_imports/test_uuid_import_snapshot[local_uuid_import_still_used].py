# idmigrate snapshot: local_uuid_import_still_used (changed)
# findings:
#   4:22 IDM103 format [adhoc-ids] str(uuid4()) -> *_id
#       why: the name 'transaction_id' says transaction
#       ->   get_id_manager().generate_id(IDType.TRANSACTION)

# ------------------------------ before
def record(raw):
    import uuid

    transaction_id = str(uuid.uuid4())
    return transaction_id, uuid.UUID(raw)

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


def record(raw):
    import uuid

    transaction_id = get_id_manager().generate_id(IDType.TRANSACTION)
    return transaction_id, uuid.UUID(raw)
