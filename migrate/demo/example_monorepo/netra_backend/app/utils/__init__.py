"""utils package: small helpers shared across the backend.

The ID generator used to be re-exported here for convenience.
"""
from shared.id_generation import UnifiedIdGenerator

from netra_backend.app.utils.pagination import paginate

__all__ = [
    "UnifiedIdGenerator",  # expect: format
    "paginate",
]
