"""Writes the synthetic monorepo of the benchmarks (entry point: ``benchmarks/generate_monorepo.py``)."""
