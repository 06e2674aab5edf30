"""``idmigrate demo``: the bundled example monorepo, migrated in a temp repo."""
