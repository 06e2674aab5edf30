# idmigrate snapshot: str_assigned_to_id_names (changed)
# findings:
#   6:31 IDM103 format [adhoc-ids] str(uuid4()) -> *_id
#       why: the name 'transaction_id' says transaction
#       ->   get_id_manager().generate_id(IDType.TRANSACTION)
#   7:25 IDM103 format [adhoc-ids] str(uuid4()) -> *_id
#       why: the name 'alert_id' says trace
#       ->   get_id_manager().generate_id(IDType.TRACE)
#   8:30 IDM103 format [adhoc-ids] str(uuid4()) -> *_id
#       why: the name 'export_job_id' names no type: the fallback type, 'export_job' kept as prefix=
#       ->   get_id_manager().generate_id(IDType.EXECUTION, prefix="export_job")
#   9:21 IDM103 format [adhoc-ids] str(uuid4()) -> *_id
#       why: the name 'requestId' says request
#       ->   get_id_manager().generate_id(IDType.REQUEST)

# ------------------------------ before
import uuid


class Payment:
    def __init__(self):
        self.transaction_id = str(uuid.uuid4())
        self.alert_id = str(uuid.uuid4())
        self.export_job_id = str(uuid.uuid4())[:12]
        requestId = uuid.uuid4().hex
        self.refs = [requestId]

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


class Payment:
    def __init__(self):
        self.transaction_id = get_id_manager().generate_id(IDType.TRANSACTION)
        self.alert_id = get_id_manager().generate_id(IDType.TRACE)
        self.export_job_id = get_id_manager().generate_id(IDType.EXECUTION, prefix="export_job")
        requestId = get_id_manager().generate_id(IDType.REQUEST)
        self.refs = [requestId]
