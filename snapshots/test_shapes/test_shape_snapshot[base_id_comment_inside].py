# idmigrate snapshot: base_id_comment_inside (unchanged)
# findings:
#   3:5 IDM009 manual generate_base_id
#       -> move the comment out of the call, then re-run

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

x = UnifiedIdGenerator.generate_base_id(
    "user",  # the account id
)

# ------------------------------ after
from shared.id_generation import UnifiedIdGenerator

x = UnifiedIdGenerator.generate_base_id(
    "user",  # the account id
)
