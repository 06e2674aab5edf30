# idmigrate snapshot: script_bootstrap_after_imports (changed)
# findings:
#   10:22 IDM103 format [adhoc-ids] str(uuid4()) -> *_id
#       why: the name 'transaction_id' says transaction
#       ->   get_id_manager().generate_id(IDType.TRANSACTION)

# ------------------------------ before
"""Rebuild the ledger: python scripts/rebuild_ledger.py"""
import os
import sys
import uuid

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def entry(amount):
    transaction_id = str(uuid.uuid4())
    return {"transaction_id": transaction_id, "amount": amount}

# ------------------------------ after
"""Rebuild the ledger: python scripts/rebuild_ledger.py"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


def entry(amount):
    transaction_id = get_id_manager().generate_id(IDType.TRANSACTION)
    return {"transaction_id": transaction_id, "amount": amount}
