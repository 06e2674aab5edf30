"""Typed ID helpers shared by every service."""
