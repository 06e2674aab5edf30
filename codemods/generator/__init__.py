"""The default recipe: UnifiedIdGenerator call sites to UnifiedIDManager."""
