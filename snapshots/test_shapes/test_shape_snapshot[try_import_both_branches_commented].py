# idmigrate snapshot: try_import_both_branches_commented (changed)
# findings:
#   13:12 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.METRIC)

# ------------------------------ before
# ids for the metrics pipeline
try:
    # the package path
    from shared.id_generation import UnifiedIdGenerator
except ImportError:
    # the layout before the package
    from shared.id_generation.unified_id_generator import UnifiedIdGenerator

RETENTION_DAYS = 30


def make():
    return UnifiedIdGenerator.generate_base_id("metric")

# ------------------------------ after
# ids for the metrics pipeline
# the package path
# the layout before the package
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager

RETENTION_DAYS = 30


def make():
    return get_id_manager().generate_id(IDType.METRIC)
