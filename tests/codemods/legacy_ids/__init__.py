"""A fourth recipe that lives in tests/: proof that a recipe is one subpackage plus one registry line."""
