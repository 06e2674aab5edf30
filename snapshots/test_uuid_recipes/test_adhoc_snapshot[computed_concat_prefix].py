# idmigrate snapshot: computed_concat_prefix (unchanged)
# findings:
#   5:12 IDM112 manual [adhoc-ids] prefix + str(uuid4())
#       why: a concatenation whose prefix is computed (a variable or a call)
#       ->   get_id_manager().generate_id(IDType.<TYPE>, prefix=kind)

# ------------------------------ before
import uuid


def ref(kind):
    return kind + "_" + str(uuid.uuid4()), "x"

# ------------------------------ after
import uuid


def ref(kind):
    return kind + "_" + str(uuid.uuid4()), "x"
