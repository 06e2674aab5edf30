"""The per-file transform every recipe runs in: partial parse, pruning, splice, guard."""
