# idmigrate snapshot: fstring_alias_prefix (changed)
# findings:
#   5:16 IDM101 format [adhoc-ids] f"<prefix>_{uuid4()...}"
#       why: prefix 'txn' is an alias of transaction
#       ->   get_id_manager().generate_id(IDType.TRANSACTION)

# ------------------------------ before
import uuid


def record(amount):
    entry_id = f"txn_{uuid.uuid4().hex[:8]}"
    return {"entry_id": entry_id, "amount": amount}

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


def record(amount):
    entry_id = get_id_manager().generate_id(IDType.TRANSACTION)
    return {"entry_id": entry_id, "amount": amount}
