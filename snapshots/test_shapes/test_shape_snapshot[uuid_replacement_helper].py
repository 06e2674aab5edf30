# idmigrate snapshot: uuid_replacement_helper (changed)
# findings:
#   5:12 IDM033 exact  generate_uuid_replacement
#       -> uuid4().hex[:8]

# ------------------------------ before
from shared.id_generation.unified_id_generator import generate_uuid_replacement


def short_key():
    return generate_uuid_replacement()

# ------------------------------ after
from uuid import uuid4


def short_key():
    return uuid4().hex[:8]
