# idmigrate snapshot: uuid_named_target (unchanged)
# findings:
#   3:16 IDM113 manual [adhoc-ids] str(uuid4()) -> *_uuid
#       why: the name says a real UUID is wanted (*_uuid, *_guid): manager IDs are not UUIDs
#       ->   keep the UUID, or rename to *_id and use get_id_manager().generate_id(IDType.<TYPE>)

# ------------------------------ before
import uuid

request_uuid = str(uuid.uuid4())

# ------------------------------ after
import uuid

request_uuid = str(uuid.uuid4())
