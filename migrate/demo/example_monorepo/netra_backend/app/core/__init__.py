"""Core infrastructure of the backend."""
