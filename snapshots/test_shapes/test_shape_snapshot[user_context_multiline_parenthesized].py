# idmigrate snapshot: user_context_multiline_parenthesized (changed)
# findings:
#   6:58 IDM010 format generate_user_context_ids
#       -> self.thread_id = get_id_manager().generate_id(IDType.THREAD)

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

class Ctx:
    def __init__(self, user_id):
        # one context per request
        (self.thread_id, self.run_id, self.request_id) = UnifiedIdGenerator.generate_user_context_ids(
            user_id,
            "request",
        )

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import (
    IDType,
    UnifiedIDManager,
    get_id_manager,
)

class Ctx:
    def __init__(self, user_id):
        # one context per request
        self.thread_id = get_id_manager().generate_id(IDType.THREAD)
        self.run_id = UnifiedIDManager.generate_run_id(self.thread_id)
        self.request_id = get_id_manager().generate_id(IDType.REQUEST)
