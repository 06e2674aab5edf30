# idmigrate snapshot: base_id_bad_keyword (unchanged)
# findings:
#   3:5 IDM007 manual generate_base_id
#       -> fix the call, then re-run
#   4:5 IDM007 manual generate_base_id
#       -> fix the call, then re-run

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

x = UnifiedIdGenerator.generate_base_id("user", random_suffix=True)
y = UnifiedIdGenerator.generate_base_id("user", include_random=compute())

# ------------------------------ after
from shared.id_generation import UnifiedIdGenerator

x = UnifiedIdGenerator.generate_base_id("user", random_suffix=True)
y = UnifiedIdGenerator.generate_base_id("user", include_random=compute())
