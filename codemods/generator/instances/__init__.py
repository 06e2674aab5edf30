"""Instances of the generator and the names that hold them (bindings).

``names`` and ``fixtures`` read the stdlib ``ast`` only (the pipeline's conftest pre-pass
imports them without paying for libcst); ``scopes``, ``tracker`` and ``edits`` work on the
libcst tree the transformer walks. MIGRATION.md ("Instances") says what the user sees.
"""
