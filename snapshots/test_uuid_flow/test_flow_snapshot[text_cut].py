# idmigrate snapshot: text_cut (unchanged)
# findings:
#   5:15 IDM122 manual [adhoc-ids] uuid4() text cut (x[:2], split)
#       why: its text is cut or embedded: a manager ID starts with its type word: blob_id -> blob_id[:2] (its text is cut) at L6
#       ->   keep uuid.uuid4(), or cut the ID's random tail instead
#   11:17 IDM122 manual [adhoc-ids] uuid4() text cut (x[:2], split)
#       why: its text is cut or embedded: a manager ID starts with its type word: tenant_id -> tenant_id.split() (its text is cut) at L12
#       ->   keep uuid.uuid4(), or cut the ID's random tail instead

# ------------------------------ before
import uuid


def place(buckets):
    blob_id = uuid.uuid4().hex
    buckets[blob_id[:2]].append(blob_id)
    return blob_id


def tenant():
    tenant_id = str(uuid.uuid4())
    return tenant_id.split("-")[0]

# ------------------------------ after
import uuid


def place(buckets):
    blob_id = uuid.uuid4().hex
    buckets[blob_id[:2]].append(blob_id)
    return blob_id


def tenant():
    tenant_id = str(uuid.uuid4())
    return tenant_id.split("-")[0]
