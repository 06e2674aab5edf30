# idmigrate snapshot: run_id_in_dataclass_post_init (changed)
# findings:
#   14:27 IDM008 format generate_base_id
#       -> UnifiedIDManager.generate_run_id(self.thread_id)

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

from dataclasses import dataclass


@dataclass
class ExecutionContext:
    user_id: str
    thread_id: str
    run_id: str = ""

    def __post_init__(self):
        if not self.run_id:
            self.run_id = UnifiedIdGenerator.generate_base_id("run")

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import UnifiedIDManager

from dataclasses import dataclass


@dataclass
class ExecutionContext:
    user_id: str
    thread_id: str
    run_id: str = ""

    def __post_init__(self):
        if not self.run_id:
            self.run_id = UnifiedIDManager.generate_run_id(self.thread_id)
