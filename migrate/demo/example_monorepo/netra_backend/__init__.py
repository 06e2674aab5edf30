"""Netra backend service."""
