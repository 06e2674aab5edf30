"""Core of the analytics service."""
