"""Shapes of the import fixes (written for these tests): comments kept, ``try/except ImportError``,
placement after bootstraps, and the scope a needed name is imported in.

Same format as ``tests.shapes`` (which merges these into ``SHAPES``/``NOOPS``).
"""

from __future__ import annotations

IMPORT = "from shared.id_generation import UnifiedIdGenerator\n"
MANAGER = "from netra_backend.app.core.unified_id_manager import IDType, get_id_manager\n"

IMPORT_SHAPES: dict[str, tuple[str, list[str]]] = {
    # 1. A standalone comment above a removed function-local import stays; the top-level
    #    manager import already covers the function, so nothing is added or duplicated.
    "comment_above_removed_local_import": (MANAGER + '''

def make(kind):
    label = kind.lower()
    # imported here: the generator module pulls in the database layer
    from shared.id_generation import UnifiedIdGenerator

    return label, UnifiedIdGenerator.generate_base_id("agent"), get_id_manager()
''', ["exact"]),
    # 1. ... and above a local import whose place the manager import takes.
    "comment_above_replaced_local_import": ('''def make():
    # late import: circular dependency with the session registry
    from shared.id_generation import UnifiedIdGenerator
    return UnifiedIdGenerator.generate_base_id("agent")
''', ["exact"]),
    # 2. The replacement goes inside the try, where the removed import stood; the fallback stays.
    "try_import_with_fallback": ('''try:
    from shared.id_generation import UnifiedIdGenerator
    IDS_AVAILABLE = True
except ImportError:  # the exporter also runs from a bare checkout
    IDS_AVAILABLE = False


def export_id():
    return UnifiedIdGenerator.generate_base_id("export") if IDS_AVAILABLE else "export_local"
''', ["format"]),
    "try_import_in_function": ('''def make():
    try:
        from shared.id_generation import UnifiedIdGenerator
    except ImportError:
        return None
    return UnifiedIdGenerator.generate_base_id("agent")
''', ["exact"]),
    # 2. Every branch imported the generator: the try has nothing left to guard, the import stands alone.
    "try_import_both_branches_commented": ('''# ids for the metrics pipeline
try:
    # the package path
    from shared.id_generation import UnifiedIdGenerator
except ImportError:
    # the layout before the package
    from shared.id_generation.unified_id_generator import UnifiedIdGenerator

RETENTION_DAYS = 30


def make():
    return UnifiedIdGenerator.generate_base_id("metric")
''', ["exact"]),
    # 1+2. A try left guarding nothing goes (the module already imports the manager); its comments stay, once.
    "try_import_removed_with_comments": (MANAGER + '''
# optional IDs
try:
    # the package path
    from shared.id_generation import UnifiedIdGenerator
except ImportError:  # old layout
    # the module path
    from shared.id_generation.unified_id_generator import UnifiedIdGenerator

LIMIT = 1


def make():
    return UnifiedIdGenerator.generate_base_id("user")
''', ["exact"]),
    # 3. A script run directly: the manager import goes after the sys.path bootstrap
    #    (the generator import stays, a manual site still uses it).
    "script_sys_path_bootstrap": ('''"""Seed users: python scripts/seed.py"""
from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from shared.id_generation import UnifiedIdGenerator  # noqa: E402


def seed(raw):
    return UnifiedIdGenerator.generate_base_id("user"), UnifiedIdGenerator.parse_id(raw)
''', ["exact", "manual"]),
    # 3. A bootstrap call after the last import: the new import goes after it, not above.
    "bootstrap_call_after_imports": ('''import os

from shared.id_generation import UnifiedIdGenerator
from test_framework.paths import setup_test_path

setup_test_path()
os.environ.setdefault("ID_NAMESPACE", "test")
LIMIT = 10


def make(raw):
    return UnifiedIdGenerator.generate_base_id("user"), UnifiedIdGenerator.get_id_age(raw)
''', ["exact", "manual"]),
    # 4. IDType is imported inside another function only: make() still needs its own import.
    "manager_imported_in_another_function": (IMPORT + '''

def describe(kind):
    from netra_backend.app.core.unified_id_manager import IDType

    return IDType(kind).name


def make():
    return UnifiedIdGenerator.generate_base_id("user")
''', ["exact"]),
    # 4. The function being rewritten imports the manager locally: the names join that import.
    "local_manager_import_convention": (IMPORT + '''

def start(raw):
    from netra_backend.app.core.unified_id_manager import UnifiedIDManager

    thread_id = UnifiedIDManager.generate_thread_id()
    return thread_id, UnifiedIdGenerator.generate_base_id("user")


def other():
    return UnifiedIdGenerator.generate_base_id("session")
''', ["exact", "exact"]),
    # 4. Only under TYPE_CHECKING: not there at run time, so a real import is added.
    "manager_only_under_type_checking": ('''from typing import TYPE_CHECKING

from shared.id_generation import UnifiedIdGenerator

if TYPE_CHECKING:
    from netra_backend.app.core.unified_id_manager import IDType


def make() -> str:
    return UnifiedIdGenerator.generate_base_id("user")
''', ["exact"]),
}

IMPORT_NOOPS: dict[str, str] = {
    "manager_import_in_try_after_bootstrap": '''import os
import sys

sys.path.insert(0, os.getcwd())

try:
    from netra_backend.app.core.unified_id_manager import IDType, get_id_manager
except ImportError:  # pragma: no cover
    IDType = get_id_manager = None


def make():
    return get_id_manager().generate_id(IDType.USER)
''',
}
