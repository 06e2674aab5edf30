"""The order of a run's batches."""

from __future__ import annotations

from migrate.run.model import order_services


def test_order_services():
    names = ["analytics_service", "auth_service", "netra_backend", "shared", "tests", "_root"]
    assert order_services(names, ("shared",)) == [
        "shared", "analytics_service", "auth_service", "netra_backend", "tests", "_root"]
