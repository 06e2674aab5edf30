# idmigrate snapshot: instance_dead_attribute (changed)
# findings:
#   9:29 IDM081 format UnifiedIdGenerator()
#       -> (assignment removed)
#   12:16 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.REQUEST)
#   16:11 IDM081 format UnifiedIdGenerator()
#       -> (assignment removed)
#   19:16 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.USER)

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator


class Service:
    """Hands out request IDs."""

    def __init__(self):
        # ids for this service
        self.id_generator = UnifiedIdGenerator()

    def request(self):
        return self.id_generator.generate_base_id("request")


class Registry:
    gen = UnifiedIdGenerator()

    def user(self):
        return self.gen.generate_base_id("user")

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


class Service:
    """Hands out request IDs."""

    def __init__(self):
        # ids for this service
        pass

    def request(self):
        return get_id_manager().generate_id(IDType.REQUEST)


class Registry:
    def user(self):
        return get_id_manager().generate_id(IDType.USER)
