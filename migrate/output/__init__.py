"""What people and tools read: diffs, reports, safe terminal text."""
