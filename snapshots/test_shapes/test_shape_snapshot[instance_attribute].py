# idmigrate snapshot: instance_attribute (changed)
# findings:
#   5:29 IDM081 format UnifiedIdGenerator()
#       -> (assignment removed)
#   8:16 IDM002 format generate_base_id
#       -> get_id_manager().generate_id(IDType.REQUEST)
#   11:16 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.USER)

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

class Service:
    def __init__(self):
        self.id_generator = UnifiedIdGenerator()

    def request(self):
        return self.id_generator.generate_base_id("req")

    def user(self):
        return self.id_generator.generate_base_id("user")

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager

class Service:
    def __init__(self):
        pass

    def request(self):
        return get_id_manager().generate_id(IDType.REQUEST)

    def user(self):
        return get_id_manager().generate_id(IDType.USER)
