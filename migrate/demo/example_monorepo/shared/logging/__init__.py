"""Structured logging helpers shared by all services."""
