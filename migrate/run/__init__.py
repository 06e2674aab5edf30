"""``idmigrate run``: per-service batches, their state, test runs, interrupts."""
