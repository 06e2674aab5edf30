# idmigrate snapshot: try_except_import (changed)
# findings:
#   8:12 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.METRIC)

# ------------------------------ before
try:
    from shared.id_generation import UnifiedIdGenerator
except ImportError:  # older layout
    from shared.id_generation.unified_id_generator import UnifiedIdGenerator


def make():
    return UnifiedIdGenerator.generate_base_id("metric")

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager


def make():
    return get_id_manager().generate_id(IDType.METRIC)
