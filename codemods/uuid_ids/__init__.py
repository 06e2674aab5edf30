"""The opt-in phase 2/3 recipes: hand-rolled uuid4 IDs (adhoc-ids, test-ids)."""
