# idmigrate snapshot: instance_kept_for_manual_use (changed)
# findings:
#   5:29 IDM080 manual UnifiedIdGenerator()
#       -> get_id_manager()
#   8:16 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.USER)
#   11:16 IDM060 manual parse_id
#       -> UnifiedIDManager.parse_run_id(...) for run IDs, or drop the parsing

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

class Parser:
    def __init__(self):
        self.id_generator = UnifiedIdGenerator()

    def new(self):
        return self.id_generator.generate_base_id("user")

    def parse(self, s):
        return self.id_generator.parse_id(s)

# ------------------------------ after
from shared.id_generation import UnifiedIdGenerator
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager

class Parser:
    def __init__(self):
        self.id_generator = UnifiedIdGenerator()

    def new(self):
        return get_id_manager().generate_id(IDType.USER)

    def parse(self, s):
        return self.id_generator.parse_id(s)
