# idmigrate snapshot: fstring_type_value_and_unknown_prefixes (changed)
# findings:
#   3:8 IDM101 format [adhoc-ids] f"<prefix>_{uuid4()...}"
#       why: the name 'USER' says user
#       ->   get_id_manager().generate_id(IDType.USER)
#   4:9 IDM101 format [adhoc-ids] f"<prefix>_{uuid4()...}"
#       why: prefix 'evt' names no type: the fallback type, prefix kept
#       ->   get_id_manager().generate_id(IDType.EXECUTION, prefix='evt')
#   5:18 IDM101 format [adhoc-ids] f"<prefix>_{uuid4()...}"
#       why: the name 'transaction_id' says transaction; prefix 'pay' kept
#       ->   get_id_manager().generate_id(IDType.TRANSACTION, prefix="pay")

# ------------------------------ before
import uuid

USER = f"user_{uuid.uuid4()}"
EVENT = f'evt-{uuid.uuid4().hex[:12]}'
transaction_id = f"pay_{uuid.uuid4().hex}"

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager

USER = get_id_manager().generate_id(IDType.USER)
EVENT = get_id_manager().generate_id(IDType.EXECUTION, prefix='evt')
transaction_id = get_id_manager().generate_id(IDType.TRANSACTION, prefix="pay")
