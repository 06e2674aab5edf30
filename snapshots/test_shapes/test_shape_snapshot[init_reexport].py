# idmigrate snapshot: init_reexport (changed)
# findings:
#   5:12 IDM076 format __all__ UnifiedIdGenerator
#       -> remove the import and the __all__ entry

# ------------------------------ before
"""Package utilities."""
from shared.id_generation import UnifiedIdGenerator
from os import path

__all__ = ["UnifiedIdGenerator", "path"]

# ------------------------------ after
"""Package utilities."""
from os import path

__all__ = ["path"]
