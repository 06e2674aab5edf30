# idmigrate snapshot: helpers_batch_valid_reset (changed)
# findings:
#   7:11 IDM030 format generate_batch_ids
#       -> [get_id_manager().generate_id(IDType.EXECUTION, prefix="job") for _ in range(n)]
#   8:10 IDM031 manual is_valid_id
#       -> decide what the check is for: get_id_manager().is_valid_id(s) (an ID this process made) or a check of the manager's format
#   9:14 IDM031 manual is_valid_id
#       -> decide what the check is for: get_id_manager().is_valid_id(s) (an ID this process made) or a check of the manager's format
#   10:5 IDM032 format reset_global_counter
#       -> get_id_manager().reset_counters()
#   11:5 IDM032 format reset_global_counter
#       -> get_id_manager().reset_counters()

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

from shared.id_generation import reset_global_counter


def helpers(n, s):
    ids = UnifiedIdGenerator.generate_batch_ids("job", n)
    ok = UnifiedIdGenerator.is_valid_id(s)
    strict = UnifiedIdGenerator.is_valid_id(s, "req")
    UnifiedIdGenerator.reset_global_counter()
    reset_global_counter()
    return ids, ok, strict

# ------------------------------ after
from shared.id_generation import UnifiedIdGenerator

from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


def helpers(n, s):
    ids = [
        get_id_manager().generate_id(IDType.EXECUTION, prefix="job") for _ in range(n)
    ]
    ok = UnifiedIdGenerator.is_valid_id(s)
    strict = UnifiedIdGenerator.is_valid_id(s, "req")
    get_id_manager().reset_counters()
    get_id_manager().reset_counters()
    return ids, ok, strict
