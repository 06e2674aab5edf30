"""Analytics service: event ingest and reports."""
