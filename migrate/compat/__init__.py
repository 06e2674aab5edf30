"""Steps that make the manager reachable and old code keep working: expose, shim."""
