"""Words the synthetic monorepo's code is made of.

``uuid`` is not among the stdlib imports: a file mentions it only where ``synth.uuid_sites``
puts uuid usages (or a near miss), so the uuid recipes' text prefilter sees a realistic share.
"""

NOUNS = (
    "account", "agent", "alert", "audit", "batch", "billing", "cache", "channel", "config",
    "connection", "dashboard", "document", "event", "export", "feature", "invoice", "job",
    "ledger", "message", "metric", "notification", "order", "payment", "pipeline", "plan",
    "policy", "profile", "quota", "report", "schedule", "session", "snapshot", "subscription",
    "task", "template", "tenant", "thread", "token", "usage", "webhook", "workspace", "workflow",
    "tool", "model", "prompt", "run", "corpus", "embedding", "permission", "role", "secret",
    "credential", "upload", "attachment", "comment", "review", "incident", "deployment",
    "cluster", "queue", "worker", "retry", "limit", "region", "organization", "member",
)
VERBS = (
    "load", "save", "build", "validate", "resolve", "refresh", "sync", "fetch", "publish",
    "archive", "compute", "merge", "parse", "render", "schedule", "cancel", "retry", "notify",
    "collect", "normalize", "apply", "register", "lookup", "summarize", "prepare", "dispatch",
    "serialize", "hydrate", "expire", "rotate", "index", "score", "filter", "group",
)
ADJS = (
    "active", "pending", "stale", "primary", "cached", "remote", "local", "default", "current",
    "previous", "failed", "queued", "visible", "internal", "external", "scheduled", "partial",
)
STATUSES = ("pending", "running", "done", "failed", "cancelled", "queued", "archived")
ATTRS = ("count", "size", "score", "weight", "duration", "amount", "priority", "retries", "version")
TYPES = ("str", "int", "float", "bool", "Dict[str, Any]", "List[str]", "Optional[str]", "List[Dict[str, Any]]")
PHRASES = (
    "for the current tenant", "without touching the database", "and return the normalised form",
    "using the configured backend", "so callers can retry safely", "in a single round trip",
    "honouring the per-user limits", "before it is handed to the worker pool",
    "as described in the runbook", "while keeping the original ordering",
)
STDLIB_IMPORTS = (
    "import asyncio", "import json", "import os", "import re", "import time", "import hashlib",
    "import itertools", "import functools", "from collections import defaultdict, OrderedDict",
    "from datetime import datetime, timedelta, timezone", "from enum import Enum",
    "from pathlib import Path", "import threading", "import math",
)
