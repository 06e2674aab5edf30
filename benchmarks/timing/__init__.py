"""Measurement and reporting parts of ``benchmarks/bench.py``."""
