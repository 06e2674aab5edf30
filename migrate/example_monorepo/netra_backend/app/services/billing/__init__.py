"""services billing package."""
