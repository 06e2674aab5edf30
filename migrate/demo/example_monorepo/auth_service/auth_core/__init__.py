"""Core of the auth service."""
