# idmigrate snapshot: manual_shapes (unchanged)
# findings:
#   5:12 IDM211 manual [test-ids] uuid4() used in other ways (test)
#       why: as IDM111, in a test
#       ->   get_id_manager().generate_id(IDType.<TYPE>, prefix=...) and move the rest out of the ID
#   6:12 IDM212 manual [test-ids] prefix + str(uuid4()) (test)
#       why: as IDM112, in a test
#       ->   get_id_manager().generate_id(IDType.<TYPE>, prefix=kind)
#   7:20 IDM213 manual [test-ids] uuid4() -> *_uuid (test)
#       why: as IDM113, in a test
#       ->   keep the UUID, or rename to *_id and use get_id_manager().generate_id(IDType.<TYPE>)
#   9:9 IDM214 manual [test-ids] (comment in test ID expression)
#       why: as IDM114, in a test
#       ->   move the comment out of the expression, then re-run

# ------------------------------ before
import uuid


def test_odd(kind):
    a_id = f"u_{uuid.uuid4().hex[:4]}_{uuid.uuid4().hex[:4]}"
    b_id = kind + str(uuid.uuid4())
    request_uuid = str(uuid.uuid4())
    c_id = (  # fresh
        uuid.uuid4().hex[:8]
    )
    assert (a_id, b_id, request_uuid, c_id)

# ------------------------------ after
import uuid


def test_odd(kind):
    a_id = f"u_{uuid.uuid4().hex[:4]}_{uuid.uuid4().hex[:4]}"
    b_id = kind + str(uuid.uuid4())
    request_uuid = str(uuid.uuid4())
    c_id = (  # fresh
        uuid.uuid4().hex[:8]
    )
    assert (a_id, b_id, request_uuid, c_id)
