# idmigrate snapshot: bootstrap_call_after_imports (changed)
# findings:
#   12:12 IDM001 exact  generate_base_id
#       -> get_id_manager().generate_id(IDType.USER)
#   12:57 IDM061 manual get_id_age
#       -> store the creation time next to the ID

# ------------------------------ before
import os

from shared.id_generation import UnifiedIdGenerator
from test_framework.paths import setup_test_path

setup_test_path()
os.environ.setdefault("ID_NAMESPACE", "test")
LIMIT = 10


def make(raw):
    return UnifiedIdGenerator.generate_base_id("user"), UnifiedIdGenerator.get_id_age(raw)

# ------------------------------ after
import os

from shared.id_generation import UnifiedIdGenerator
from test_framework.paths import setup_test_path

setup_test_path()
os.environ.setdefault("ID_NAMESPACE", "test")

from netra_backend.app.core.unified_id_manager import IDType, get_id_manager
LIMIT = 10


def make(raw):
    return get_id_manager().generate_id(IDType.USER), UnifiedIdGenerator.get_id_age(raw)
