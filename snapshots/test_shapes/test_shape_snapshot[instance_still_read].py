# idmigrate snapshot: instance_still_read (changed)
# findings:
#   3:7 IDM080 manual UnifiedIdGenerator()
#       -> get_id_manager()
#   9:29 IDM080 format UnifiedIdGenerator()
#       -> get_id_manager()
#   12:16 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.USER)
#   12:60 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.USER)

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

gen = UnifiedIdGenerator()
__all__ = ["gen", "Service"]


class Service:
    def __init__(self):
        self.id_generator = UnifiedIdGenerator()

    def user(self):
        return self.id_generator.generate_base_id("user"), gen.generate_base_id("user")

    def has_generator(self):
        return hasattr(self, "id_generator")

# ------------------------------ after
from shared.id_generation import UnifiedIdGenerator
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager

gen = UnifiedIdGenerator()
__all__ = ["gen", "Service"]


class Service:
    def __init__(self):
        self.id_generator = get_id_manager()

    def user(self):
        return get_id_manager().generate_id(IDType.USER), get_id_manager().generate_id(
            IDType.USER
        )

    def has_generator(self):
        return hasattr(self, "id_generator")
