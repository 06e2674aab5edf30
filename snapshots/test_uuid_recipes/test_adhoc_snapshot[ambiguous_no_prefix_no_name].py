# idmigrate snapshot: ambiguous_no_prefix_no_name (unchanged)
# findings:
#   5:9 IDM110 manual [adhoc-ids] str(uuid4()) (no prefix, no ID name)
#       why: no prefix and a target that says nothing about the ID (x, id, result, a positional argument): its type cannot be known: 'x' names no ID type
#       ->   x = get_id_manager().generate_id(IDType.<TYPE>)
#   6:10 IDM110 manual [adhoc-ids] str(uuid4()) (no prefix, no ID name)
#       why: no prefix and a target that says nothing about the ID (x, id, result, a positional argument): its type cannot be known: 'id' names no ID type
#       ->   id = get_id_manager().generate_id(IDType.<TYPE>)
#   7:14 IDM110 manual [adhoc-ids] str(uuid4()) (no prefix, no ID name)
#       why: no prefix and a target that says nothing about the ID (x, id, result, a positional argument): its type cannot be known: nothing names the ID
#       ->   get_id_manager().generate_id(IDType.<TYPE>)

# ------------------------------ before
import uuid


def make(register):
    x = str(uuid.uuid4())
    id = uuid.uuid4().hex
    register(str(uuid.uuid4()))
    return x, id

# ------------------------------ after
import uuid


def make(register):
    x = str(uuid.uuid4())
    id = uuid.uuid4().hex
    register(str(uuid.uuid4()))
    return x, id
