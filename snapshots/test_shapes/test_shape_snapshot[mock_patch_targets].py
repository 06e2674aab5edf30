# idmigrate snapshot: mock_patch_targets (unchanged)
# findings:
#   7:13 IDM070 manual mock.patch
#       -> mock.patch.object(UnifiedIDManager, "generate_id")
#   13:10 IDM071 manual patch.object
#       -> patch.object(UnifiedIDManager, "generate_id")

# ------------------------------ before
from unittest import mock
from unittest.mock import patch

from shared.id_generation import UnifiedIdGenerator


@mock.patch("shared.id_generation.unified_id_generator.UnifiedIdGenerator.generate_base_id")
def test_a(fake):
    pass


def test_b():
    with patch.object(UnifiedIdGenerator, "generate_base_id", return_value="x"):
        pass

# ------------------------------ after
from unittest import mock
from unittest.mock import patch

from shared.id_generation import UnifiedIdGenerator


@mock.patch("shared.id_generation.unified_id_generator.UnifiedIdGenerator.generate_base_id")
def test_a(fake):
    pass


def test_b():
    with patch.object(UnifiedIdGenerator, "generate_base_id", return_value="x"):
        pass
