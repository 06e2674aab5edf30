# idmigrate snapshot: custom_generators (changed)
# findings:
#   4:1 IDM120 manual [adhoc-ids] def <custom generator>
#       why: a function whose only job is to build a uuid-based ID: its return expression is rewritten where it qualifies, so callers keep working; call the manager directly and delete the function: new_transaction_id() only builds an ID; its return was rewritten
#       ->   replace new_transaction_id() with get_id_manager().generate_id(IDType.TRANSACTION)
#   6:12 IDM101 format [adhoc-ids] f"<prefix>_{uuid4()...}"
#       why: the name 'new_transaction_id' says transaction
#       ->   get_id_manager().generate_id(IDType.TRANSACTION)
#   9:1 IDM120 manual [adhoc-ids] def <custom generator>
#       why: a function whose only job is to build a uuid-based ID: its return expression is rewritten where it qualifies, so callers keep working; call the manager directly and delete the function: _short_id() only builds an ID
#       ->   replace _short_id() with get_id_manager().generate_id(IDType.<TYPE>)
#   10:12 IDM110 manual [adhoc-ids] str(uuid4()) (no prefix, no ID name)
#       why: no prefix and a target that says nothing about the ID (x, id, result, a positional argument): its type cannot be known: '_short_id' names no ID type
#       ->   get_id_manager().generate_id(IDType.<TYPE>)
#   14:9 IDM110 manual [adhoc-ids] str(uuid4()) (no prefix, no ID name)
#       why: no prefix and a target that says nothing about the ID (x, id, result, a positional argument): its type cannot be known: 'y' names no ID type
#       ->   y = get_id_manager().generate_id(IDType.<TYPE>)

# ------------------------------ before
import uuid


def new_transaction_id() -> str:
    """A transaction ID."""
    return f"txn_{uuid.uuid4().hex[:8]}"


def _short_id():
    return uuid.uuid4().hex[:8]


def not_a_generator(x):
    y = str(uuid.uuid4())
    return x, y

# ------------------------------ after
import uuid
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


def new_transaction_id() -> str:
    """A transaction ID."""
    return get_id_manager().generate_id(IDType.TRANSACTION)


def _short_id():
    return uuid.uuid4().hex[:8]


def not_a_generator(x):
    y = str(uuid.uuid4())
    return x, y
