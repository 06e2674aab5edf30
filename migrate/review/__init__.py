"""Review decisions: the ``idmigrate-decisions.toml`` store, how every verb honours it, and ``idmigrate review``."""
