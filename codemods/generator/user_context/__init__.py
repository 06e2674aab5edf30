"""``generate_user_context_ids``: its tuple split so the run ID embeds its thread ID.

``split`` builds the statements (``t, r, q = G.generate_user_context_ids(u, op)`` and
``G.generate_user_context_ids(u, op)[i]``), ``whole`` decides whether a tuple held whole in one
name can be split (only indexed or unpacked later in its function), ``walk`` holds the
transformer's hooks for all three shapes.
"""

MEMBER = "generate_user_context_ids"
