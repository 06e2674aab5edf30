# idmigrate snapshot: run_id_optional_thread (changed)
# findings:
#   7:12 IDM008 format generate_base_id
#       -> UnifiedIDManager.generate_run_id(thread_id) if thread_id else get_id_manager().generate_id(IDType.EXECUTION, prefix="run")

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

from typing import Optional


def start(user_id: str, thread_id: Optional[str] = None) -> str:
    return UnifiedIdGenerator.generate_base_id("run")

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import (
    IDType,
    UnifiedIDManager,
    get_id_manager,
)

from typing import Optional


def start(user_id: str, thread_id: Optional[str] = None) -> str:
    return (
        UnifiedIDManager.generate_run_id(thread_id)
        if thread_id
        else get_id_manager().generate_id(IDType.EXECUTION, prefix="run")
    )
