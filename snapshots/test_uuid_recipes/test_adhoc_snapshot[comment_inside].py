# idmigrate snapshot: comment_inside (unchanged)
# findings:
#   4:5 IDM114 manual [adhoc-ids] (comment in ID expression)
#       why: a comment inside the expression would be lost by the rewrite
#       ->   move the comment out of the expression, then re-run

# ------------------------------ before
import uuid

ref_id = (
    "txn_"  # ledger prefix
    + str(uuid.uuid4())
)

# ------------------------------ after
import uuid

ref_id = (
    "txn_"  # ledger prefix
    + str(uuid.uuid4())
)
