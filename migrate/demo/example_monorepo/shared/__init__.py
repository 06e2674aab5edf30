"""Shared infrastructure that every service may import."""
