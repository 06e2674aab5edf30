"""The repository being migrated: config, files, services, cache, the plan, writes."""
