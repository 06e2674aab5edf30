# idmigrate snapshot: instance_annotated_parameter (changed)
# findings:
#   6:16 IDM073 manual UnifiedIdGenerator
#       -> UnifiedIDManager
#   7:27 IDM024 format generate_session_id
#       -> get_id_manager().generate_id(IDType.SESSION, prefix=f"session_web_{user_id[:8]}")
#   10:30 IDM073 manual UnifiedIdGenerator
#       -> UnifiedIDManager
#   11:12 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.USER)

# ------------------------------ before
from typing import Optional

from shared.id_generation import UnifiedIdGenerator


def stamp(gen: UnifiedIdGenerator, user_id: str) -> dict:
    return {"session_id": gen.generate_session_id(user_id)}


def maybe_user(gen: Optional[UnifiedIdGenerator] = None) -> str:
    return gen.generate_base_id("user") if gen else ""

# ------------------------------ after
from typing import Optional

from shared.id_generation import UnifiedIdGenerator
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


def stamp(gen: UnifiedIdGenerator, user_id: str) -> dict:
    return {
        "session_id": get_id_manager().generate_id(
            IDType.SESSION, prefix=f"session_web_{user_id[:8]}"
        )
    }


def maybe_user(gen: Optional[UnifiedIdGenerator] = None) -> str:
    return get_id_manager().generate_id(IDType.USER) if gen else ""
