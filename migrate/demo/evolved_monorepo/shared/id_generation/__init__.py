"""ID generation for every service.

New code should use ``UnifiedIDManager``; this package is being retired.
"""

from shared.id_generation.unified_id_generator import (
    IdComponents,
    TestIdUtils,
    UnifiedIdGenerator,
    create_user_execution_context_factory,
    generate_uuid_replacement,
    reset_global_counter,
)

__all__ = [
    "UnifiedIdGenerator",
    "IdComponents",
    "TestIdUtils",
    "generate_uuid_replacement",
    "create_user_execution_context_factory",
    "reset_global_counter",
]
