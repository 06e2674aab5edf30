"""Shared vocabulary of every recipe: safety classes, findings, per-file results, the recipe registry. No libcst."""
