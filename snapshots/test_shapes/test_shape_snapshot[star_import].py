# idmigrate snapshot: star_import (changed)
# findings:
#   5:12 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.USER)

# ------------------------------ before
from shared.id_generation import *


def make():
    return UnifiedIdGenerator.generate_base_id("user")

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


def make():
    return get_id_manager().generate_id(IDType.USER)
