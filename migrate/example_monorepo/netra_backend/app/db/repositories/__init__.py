"""db repositories package."""
