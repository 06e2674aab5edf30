"""Event envelopes exchanged between services."""
