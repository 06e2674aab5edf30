# idmigrate snapshot: used_in_other_ways (unchanged)
# findings:
#   5:12 IDM111 manual [adhoc-ids] uuid4() used in other ways
#       why: the expression uses the uuid beyond a prefix + uuid text (a suffix, a second uuid, a format spec, % or .format(), a method applied to the result): the rewrite would lose part of it
#       ->   get_id_manager().generate_id(IDType.<TYPE>, prefix=...) and move the rest out of the ID
#   6:12 IDM111 manual [adhoc-ids] uuid4() used in other ways
#       why: the expression uses the uuid beyond a prefix + uuid text (a suffix, a second uuid, a format spec, % or .format(), a method applied to the result): the rewrite would lose part of it
#       ->   get_id_manager().generate_id(IDType.<TYPE>, prefix=...) and move the rest out of the ID
#   7:12 IDM111 manual [adhoc-ids] uuid4() used in other ways
#       why: the expression uses the uuid beyond a prefix + uuid text (a suffix, a second uuid, a format spec, % or .format(), a method applied to the result): the rewrite would lose part of it
#       ->   get_id_manager().generate_id(IDType.<TYPE>, prefix=...) and move the rest out of the ID
#   8:12 IDM111 manual [adhoc-ids] uuid4() used in other ways
#       why: the expression uses the uuid beyond a prefix + uuid text (a suffix, a second uuid, a format spec, % or .format(), a method applied to the result): the rewrite would lose part of it
#       ->   get_id_manager().generate_id(IDType.<TYPE>, prefix=...) and move the rest out of the ID
#   9:12 IDM111 manual [adhoc-ids] uuid4() used in other ways
#       why: the expression uses the uuid beyond a prefix + uuid text (a suffix, a second uuid, a format spec, % or .format(), a method applied to the result): the rewrite would lose part of it
#       ->   get_id_manager().generate_id(IDType.<TYPE>, prefix=...) and move the rest out of the ID
#   10:12 IDM111 manual [adhoc-ids] uuid4() used in other ways
#       why: the expression uses the uuid beyond a prefix + uuid text (a suffix, a second uuid, a format spec, % or .format(), a method applied to the result): the rewrite would lose part of it
#       ->   get_id_manager().generate_id(IDType.<TYPE>, prefix=...) and move the rest out of the ID

# ------------------------------ before
import uuid


def refs(u):
    a_id = f"txn_{uuid.uuid4().hex[:8]}_v2"
    b_id = f"{uuid.uuid4().hex[:4]}{uuid.uuid4().hex[:4]}"
    c_id = f"txn_{uuid.uuid4().hex:>12}"
    d_id = str(uuid.uuid4()).upper()
    e_id = "txn_%s" % uuid.uuid4().hex
    f_id = "txn_{}".format(uuid.uuid4().hex)
    return a_id, b_id, c_id, d_id, e_id, f_id

# ------------------------------ after
import uuid


def refs(u):
    a_id = f"txn_{uuid.uuid4().hex[:8]}_v2"
    b_id = f"{uuid.uuid4().hex[:4]}{uuid.uuid4().hex[:4]}"
    c_id = f"txn_{uuid.uuid4().hex:>12}"
    d_id = str(uuid.uuid4()).upper()
    e_id = "txn_%s" % uuid.uuid4().hex
    f_id = "txn_{}".format(uuid.uuid4().hex)
    return a_id, b_id, c_id, d_id, e_id, f_id
