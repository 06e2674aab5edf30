# idmigrate snapshot: instance_dead_local (changed)
# findings:
#   6:11 IDM081 format UnifiedIdGenerator()
#       -> (assignment removed)
#   7:23 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.TRANSACTION)

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator


def charge(user_id):
    # one generator per charge
    gen = UnifiedIdGenerator()  # the legacy API
    return {"txn_id": gen.generate_base_id("transaction"), "user_id": user_id}

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


def charge(user_id):
    # one generator per charge
    # the legacy API
    return {
        "txn_id": get_id_manager().generate_id(IDType.TRANSACTION),
        "user_id": user_id,
    }
