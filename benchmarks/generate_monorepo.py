#!/usr/bin/env python3
"""Generate a deterministic synthetic monorepo for benchmarking idmigrate (SPEC 1, 7).

    python benchmarks/generate_monorepo.py N OUT [--affected-ratio 0.025] [--affected K] [--seed 1]

writes N tracked ``.py`` files under OUT in the SPEC 1 layout (netra_backend/, auth_service/,
analytics_service/, shared/, test_framework/, tests/, scripts/ and a few loose root scripts),
with a working ``shared/id_generation`` package and ``netra_backend/app/core/unified_id_manager.py``
copied from the bundled example monorepo. About ``--affected-ratio`` of the files (or exactly
``--affected K``) use ``UnifiedIdGenerator`` in the call-site shapes of SPEC 2-4, drawn from
templates with varied prefixes, arguments, import styles and statement contexts; the rest is
ordinary Python of 50-600 lines (classes, dataclasses, functions, docstrings, imports) that
never mentions the generator. ~1.5% of ordinary netra_backend files use the *manager*, as in
the real repo. Untracked noise that a correct discovery must skip: ``.venv/``,
``node_modules/`` and a git-ignored ``generated/`` directory, all full of generator usages.

The tree is ``git init``-ed with one commit (fixed author/date) so discovery uses
``git ls-files``. Same N, ratio and seed -> byte-identical files. Each file's content
depends only on (seed, path, role), so generation runs in a process pool.

A manifest ``OUT/.idmigrate-bench.json`` (git-ignored via .git/info/exclude) records what
was generated: N, affected files and call sites by service, sizes.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import shutil
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
FORBIDDEN = (b"UnifiedIdGenerator", b"unified_id_generator", b"id_generation")

# --------------------------------------------------------------------------- vocabulary
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
    "from pathlib import Path", "import threading", "import uuid", "import math",
)

# --------------------------------------------------------------------------- layout
#: service -> (share of the files, sub-areas); the shares follow the real repo (SPEC 1).
LAYOUT = {
    "netra_backend": (0.42, ("app/agents", "app/services", "app/websocket", "app/db/repositories",
                             "app/db/models", "app/core", "app/routes", "app/utils", "app/schemas",
                             "app/middleware", "app/llm", "app/workers", "app/integrations",
                             "tests/unit", "tests/integration", "tests/agents")),
    "auth_service": (0.08, ("auth_core", "auth_core/oauth", "auth_core/tokens", "auth_core/db",
                            "api", "tests", "tests/integration")),
    "analytics_service": (0.08, ("analytics_core", "analytics_core/ingest", "analytics_core/reports",
                                 "clickhouse", "api", "tests")),
    "shared": (0.07, ("logging", "events", "config", "utils", "types", "clients", "cache",
                      "security", "monitoring")),
    "test_framework": (0.04, ("", "fixtures", "helpers", "ssot", "docker")),
    "tests": (0.27, ("e2e", "integration", "unit", "mission_critical", "performance", "regression",
                     "websocket", "agents", "auth")),
    "scripts": (0.04, ("", "migrations", "deploy", "maintenance")),
}
ROOT_LOOSE = 8
#: Where the generator's users live in the real repo (SPEC 1: ~200 files).
AFFECTED_SHARE = {
    "netra_backend": 0.40, "tests": 0.45, "auth_service": 0.03, "analytics_service": 0.03,
    "shared": 0.015, "test_framework": 0.02, "scripts": 0.02, "_root": 0.015,
}
FILES_PER_DIR = 24


def _is_test_path(rel: str) -> bool:
    name = rel.rsplit("/", 1)[-1]
    return name.startswith("test_") or "/tests/" in f"/{rel}" or rel.startswith("tests/")


def plan_layout(n: int, rng: random.Random) -> list[str]:
    """Exactly ``n`` relative .py paths (API modules and package __init__ files included)."""
    fixed = [
        "shared/__init__.py",
        "shared/id_generation/__init__.py",
        "shared/id_generation/unified_id_generator.py",
        "netra_backend/__init__.py",
        "netra_backend/app/__init__.py",
        "netra_backend/app/core/__init__.py",
        "netra_backend/app/core/unified_id_manager.py",
    ]
    paths: list[str] = list(fixed)
    seen = set(paths)
    budget = n - len(fixed) - ROOT_LOOSE
    if budget < 50:
        raise SystemExit("N must be at least 70")
    for service, (share, areas) in LAYOUT.items():
        count = max(8, round(budget * share))
        made = 0
        dir_index = 0
        while made < count:
            area = areas[dir_index % len(areas)]
            round_no = dir_index // len(areas)
            sub = area if round_no == 0 else f"{area}/{rng.choice(NOUNS)}_{round_no}".lstrip("/")
            directory = f"{service}/{sub}".rstrip("/")
            dir_index += 1
            # package __init__ files along the way
            parts = directory.split("/")
            for depth in range(1, len(parts) + 1):
                init = "/".join(parts[:depth]) + "/__init__.py"
                if init not in seen:
                    seen.add(init)
                    paths.append(init)
                    made += 1
            in_dir = rng.randint(FILES_PER_DIR // 2, FILES_PER_DIR * 3 // 2)
            test_dir = "tests" in parts or service == "tests"
            for _ in range(in_dir):
                if made >= count:
                    break
                noun, verb = rng.choice(NOUNS), rng.choice(VERBS)
                if test_dir:
                    name = f"test_{noun}_{verb}"
                else:
                    name = rng.choice((f"{noun}_service", f"{noun}_{verb}", f"{noun}_repository",
                                       f"{noun}s", f"{verb}_{noun}s", f"{noun}_handler", f"{noun}_models"))
                rel = f"{directory}/{name}.py"
                suffix = 2
                while rel in seen:
                    rel = f"{directory}/{name}_{suffix}.py"
                    suffix += 1
                seen.add(rel)
                paths.append(rel)
                made += 1
    loose = ["generate_fixture_ids.py", "manage.py", "run_local.py", "check_health.py",
             "seed_data.py", "export_schema.py", "profile_startup.py", "conftest.py"][:ROOT_LOOSE]
    paths.extend(loose)
    # trim or pad to exactly n (pad in tests/, the biggest bucket after the backend)
    protected = set(fixed) | set(loose)
    while len(paths) > n:
        for i in range(len(paths) - 1, -1, -1):
            if paths[i] not in protected and not paths[i].endswith("__init__.py"):
                del paths[i]
                break
    pad = 0
    while len(paths) < n:
        rel = f"tests/regression/test_padding_{pad}.py"
        pad += 1
        if rel not in seen:
            seen.add(rel)
            paths.append(rel)
    return paths


def service_of(rel: str) -> str:
    return rel.split("/", 1)[0] if "/" in rel else "_root"


# --------------------------------------------------------------------------- ordinary code
def _indent(lines: list[str], level: int) -> list[str]:
    pad = "    " * level
    return [pad + line if line else line for line in lines]


def _statements(rng: random.Random, a: str, b: str, n: int, in_method: bool) -> list[str]:
    """``n`` small statement groups that only use ``a``, ``b``, locals they define and ``logger``."""
    out: list[str] = []
    acc = None
    for _ in range(n):
        noun, verb, attr = rng.choice(NOUNS), rng.choice(VERBS), rng.choice(ATTRS)
        k = rng.randrange(12)
        if k == 0:
            out += [f"if not {a}:", f'    raise ValueError("{noun} is required")']
        elif k == 1:
            out += [f"{noun}_info = {{", f'    "{noun}": {a},', f'    "{attr}": {b},',
                    f'    "status": "{rng.choice(STATUSES)}",', "}"]
        elif k == 2:
            acc = f"{noun}_items"
            out += [f"{acc} = []", f"for item in list({a} or []):",
                    f'    if isinstance(item, dict) and item.get("{attr}") == {b}:',
                    f"        {acc}.append(item)"]
        elif k == 3:
            out += ["try:", f"    {noun}_value = int(str({b}).strip() or 0)",
                    "except (TypeError, ValueError) as exc:",
                    f'    logger.warning("could not {verb} %s: %s", {a}, exc)',
                    f"    {noun}_value = {rng.randint(0, 100)}"]
        elif k == 4:
            out += [f"{attr}_total = sum(getattr(x, \"{attr}\", 0) or 0 for x in ({a} if isinstance({a}, list) else []))"]
        elif k == 5:
            out += [f'logger.debug("{verb} {noun} %s (%s)", {a}, {b})']
        elif k == 6:
            out += [f"if {b} is None:", f"    {b} = {rng.choice(('0', '[]', 'dict()', repr(noun)))}",
                    f"elif isinstance({b}, str) and len({b}) > {rng.randint(8, 128)}:",
                    f"    {b} = {b}[:{rng.randint(8, 64)}]"]
        elif k == 7:
            out += [f"{noun}_keys = sorted({{str(key) for key in ({a} if isinstance({a}, dict) else {{}})}})"]
        elif k == 8:
            out += [f"while {attr}_budget := {rng.randint(1, 5)}:", f"    {attr}_budget -= 1",
                    "    break"]
        elif k == 9:
            if in_method:
                out += [f"with self._lock:", f"    self._{noun}_cache[str({a})] = {b}"]
            else:
                out += [f"{noun}_map = defaultdict(list)", f"{noun}_map[str({a})].append({b})"]
        elif k == 10:
            out += [f"# {rng.choice(PHRASES).capitalize()}.",
                    f"{noun}_label = f\"{{{a}}}-{noun}-{{{b}}}\".lower()"]
        else:
            out += [f"if {a} and {b}:", f'    logger.info("{noun} %s %s", {a}, "{rng.choice(ADJS)}")',
                    "else:", "    pass"]
    if acc:
        out.append(f"return {acc}")
    else:
        out.append(rng.choice((f"return {a}", f"return {{'{rng.choice(NOUNS)}': {a}, 'extra': {b}}}",
                               "return None", f"return bool({a})")))
    return out


def _function(rng: random.Random, method: bool = False, is_async: bool = False) -> list[str]:
    verb, noun, adj = rng.choice(VERBS), rng.choice(NOUNS), rng.choice(ADJS)
    a, b = f"{noun}_id", rng.choice(("options", "payload", "limit", "context", "value"))
    ta, tb = rng.choice(TYPES), rng.choice(TYPES)
    args = (["self"] if method else []) + [f"{a}: {ta}", f"{b}: Optional[{tb}] = None"]
    head = f"{'async ' if is_async else ''}def {'_' if rng.random() < .2 else ''}{verb}_{adj}_{noun}({', '.join(args)}) -> Any:"
    doc = [f'"""{verb.capitalize()} the {adj} {noun} {rng.choice(PHRASES)}.']
    if rng.random() < 0.6:
        doc += ["", "Args:", f"    {a}: identifier of the {noun}.",
                f"    {b}: optional {rng.choice(NOUNS)} {rng.choice(('settings', 'data', 'override'))}.",
                "", "Returns:", f"    The {rng.choice(ADJS)} {noun} or ``None``."]
    doc.append('"""')
    body = doc + _statements(rng, a, b, rng.randint(2, 7), method)
    if is_async:
        body.insert(len(doc), "await asyncio.sleep(0)")
    return [head] + _indent(body, 1)


def _class(rng: random.Random) -> list[str]:
    noun = rng.choice(NOUNS)
    name = noun.capitalize() + rng.choice(("Service", "Manager", "Repository", "Handler", "Client", "Registry"))
    lines = [f"class {name}:", f'    """{rng.choice(ADJS).capitalize()} {noun} operations {rng.choice(PHRASES)}."""', "",
             "    def __init__(self, config: Optional[Dict[str, Any]] = None) -> None:",
             "        self.config = dict(config or {})",
             "        self._lock = threading.RLock()"]
    for other in sorted({rng.choice(NOUNS) for _ in range(rng.randint(1, 4))} - {noun}):  # sorted: no hash order
        lines.append(f"        self._{other}_cache: Dict[str, Any] = {{}}")
    lines.append(f"        self._{noun}_cache: Dict[str, Any] = {{}}")
    for _ in range(rng.randint(1, 6)):
        lines.append("")
        if rng.random() < 0.15:
            attr = rng.choice(ATTRS)
            lines += ["    @property", f"    def {attr}(self) -> int:",
                      f'        return int(self.config.get("{attr}", {rng.randint(0, 9)}))']
            continue
        lines += _indent(_function(rng, method=True, is_async=rng.random() < 0.15), 1)
    return lines


def _dataclass(rng: random.Random) -> list[str]:
    noun = rng.choice(NOUNS)
    lines = ["@dataclass", f"class {noun.capitalize()}{rng.choice(('Record', 'Event', 'Config', 'Snapshot', 'Request'))}:",
             f'    """A {rng.choice(ADJS)} {noun} as stored {rng.choice(PHRASES)}."""', ""]
    lines.append(f"    {noun}_id: str")
    for attr in sorted({rng.choice(ATTRS) for _ in range(rng.randint(1, 6))}):
        lines.append(f"    {attr}: int = {rng.randint(0, 10)}")
    lines.append(f'    status: str = "{rng.choice(STATUSES)}"')
    lines.append("    tags: List[str] = field(default_factory=list)")
    lines += ["", "    def to_dict(self) -> Dict[str, Any]:", f'        return {{"{noun}_id": self.{noun}_id, "status": self.status, "tags": list(self.tags)}}']
    return lines


def _enum(rng: random.Random) -> list[str]:
    noun = rng.choice(NOUNS)
    members = sorted({rng.choice(STATUSES) for _ in range(rng.randint(2, 6))})
    return [f"class {noun.capitalize()}State(str, Enum):"] + [f'    {m.upper()} = "{m}"' for m in members]


def _constants(rng: random.Random) -> list[str]:
    lines = []
    for _ in range(rng.randint(1, 5)):
        noun, attr = rng.choice(NOUNS), rng.choice(ATTRS)
        lines.append(f"DEFAULT_{noun.upper()}_{attr.upper()} = {rng.randint(1, 5000)}")
    lines.append(f"_{rng.choice(NOUNS).upper()}_PATTERN = re.compile(r\"^[a-z0-9_-]{{{rng.randint(3, 9)},64}}$\")")
    return lines


def _test_function(rng: random.Random) -> list[str]:
    noun, verb = rng.choice(NOUNS), rng.choice(VERBS)
    lines = [f"def test_{verb}_{noun}_{rng.choice(ADJS)}() -> None:", f'    """{verb.capitalize()} {noun}: {rng.choice(PHRASES)}."""',
             f'    payload = {{"{noun}_id": "{noun}-{rng.randint(1, 999)}", "{rng.choice(ATTRS)}": {rng.randint(0, 99)}}}']
    for _ in range(rng.randint(1, 6)):
        k = rng.randrange(4)
        if k == 0:
            lines.append(f'    assert payload["{noun}_id"].startswith("{noun}")')
        elif k == 1:
            lines += [f"    values = [payload.get(key) for key in sorted(payload)]", "    assert len(values) == len(payload)"]
        elif k == 2:
            lines += [f'    payload["{rng.choice(ATTRS)}"] = {rng.randint(0, 9)}', "    assert payload"]
        else:
            lines += ["    with pytest.raises(KeyError):", f'        payload["missing_{rng.choice(NOUNS)}"]']
    return lines


def _header(rng: random.Random, rel: str, is_test: bool) -> list[str]:
    service = service_of(rel)
    mod = rel[:-3].replace("/", ".")
    lines = [f'"""{mod.rsplit(".", 1)[-1].replace("_", " ").capitalize()}: {rng.choice(ADJS)} {rng.choice(NOUNS)} '
             f'{rng.choice(VERBS)} logic {rng.choice(PHRASES)}.', ""]
    lines += [f"Part of ``{service}``. {rng.choice(PHRASES).capitalize()}.", '"""', "",
              "from __future__ import annotations", "", "import logging", "import re", "import threading",
              "import asyncio"]
    lines += sorted({rng.choice(STDLIB_IMPORTS) for _ in range(rng.randint(0, 4))} - {"import re", "import asyncio", "import threading"})
    lines += ["from collections import defaultdict", "from dataclasses import dataclass, field",
              "from enum import Enum", "from typing import Any, Dict, List, Optional", ""]
    if is_test:
        lines += ["import pytest", ""]
    own = service if service != "_root" else "shared"
    for _ in range(rng.randint(0, 3)):
        lines.append(f"from {own}.{rng.choice(NOUNS)}s.{rng.choice(NOUNS)}_{rng.choice(('service', 'models', 'utils'))} "
                     f"import {rng.choice(NOUNS).capitalize()}{rng.choice(('Service', 'Record', 'Client'))}  # noqa: F401")
    if service != "netra_backend" and service != "_root" and rng.random() < 0.5:
        lines.append(f"from shared.{rng.choice(('logging', 'config', 'utils'))} import {rng.choice(NOUNS)}_{rng.choice(VERBS)}  # noqa: F401")
    lines += ["", "logger = logging.getLogger(__name__)", ""]
    return lines


def _manager_block(rng: random.Random) -> tuple[list[str], list[str]]:
    """A file that already uses the manager (~120 in the real repo): only netra_backend may."""
    noun = rng.choice(NOUNS)
    imports = ["from netra_backend.app.core.unified_id_manager import IDType, UnifiedIDManager, get_id_manager"]
    body = [f"def new_{noun}_thread() -> Dict[str, str]:",
            "    thread_id = UnifiedIDManager.generate_thread_id()",
            "    run_id = UnifiedIDManager.generate_run_id(thread_id)",
            f'    return {{"thread_id": thread_id, "run_id": run_id, "{noun}_id": get_id_manager().generate_id(IDType.{rng.choice(("USER", "REQUEST", "TRACE", "AGENT"))})}}']
    return imports, body


def ordinary_blocks(rng: random.Random, rel: str, target_lines: int, is_test: bool) -> list[list[str]]:
    blocks: list[list[str]] = []
    total = 0
    if rng.random() < 0.4:
        blocks.append(_constants(rng))
    while total < target_lines:
        r = rng.random()
        if is_test and r < 0.55:
            block = _test_function(rng)
        elif r < 0.30:
            block = _class(rng)
        elif r < 0.42:
            block = _dataclass(rng)
        elif r < 0.47:
            block = _enum(rng)
        else:
            block = _function(rng, is_async=rng.random() < 0.12)
        blocks.append(block)
        total += len(block) + 2
    return blocks


def _target_lines(rng: random.Random, low: int = 50, high: int = 600) -> int:
    # log-normal around ~150 lines, clipped: most modules are small, a few are big
    return max(low, min(high, int(rng.lognormvariate(math.log(150), 0.65))))


def _join(header: list[str], blocks: list[list[str]], target: int) -> str:
    lines = list(header)
    for block in blocks:
        lines += ["", ""] + block if lines and lines[-1] != "" else [""] + block
    text = "\n".join(lines).rstrip("\n") + "\n"
    return text


def ordinary_file(rng: random.Random, rel: str) -> str:
    if rel.endswith("__init__.py"):
        pkg = rel.rsplit("/", 1)[0].replace("/", ".")
        return f'"""{pkg} package."""\n'
    is_test = _is_test_path(rel)
    target = _target_lines(rng)
    header = _header(rng, rel, is_test)
    blocks = ordinary_blocks(rng, rel, target - len(header), is_test)
    if service_of(rel) == "netra_backend" and "/core/" not in rel and rng.random() < 0.015:
        imports, block = _manager_block(rng)
        header = header[:-3] + imports + header[-3:]
        blocks.insert(rng.randrange(len(blocks) + 1), block)
    return _join(header, blocks, target)


# --------------------------------------------------------------------------- generator usages
ID_TYPE_WORDS = ("user", "session", "request", "agent", "tool", "transaction", "websocket", "execution",
                 "trace", "metric", "thread")
ALIASES = ("req", "ws", "conn", "exec", "run", "txn", "tx", "uid", "usr", "sess", "err", "span")
OTHER_WORDS = ("event", "token", "jti", "audit", "result", "job", "export", "device", "state", "invoice",
               "webhook", "doc", "upload", "alert", "report", "ticket", "order", "slot", "lease", "nonce")
COMPOUND = ("auth_user", "thread_ws", "user_test", "ws_req", "billing_txn", "agent_exec", "tool_call",
            "validation_error", "api_req", "test_user", "admin_session", "ws_conn", "batch_run", "oauth_state",
            "metric_sample", "trace_span", "user_invite", "tenant_user")
FSTRINGS = ('f"thread_{operation}"', 'f"session_{user_id}"', 'f"oauth_{provider}"', 'f"tool_{name}"',
            'f"user_{operation}_test"', 'f"req_{name}"', 'f"{name}_event"', 'f"ws_{user_id}"', 'f"job_{name}"')
EXTRAS = ("", "", "", "", ", include_random=False", ", random_length=12", ", True, 8", ", random_length=16",
          ", include_random=True", ", random_suffix=True")


def _prefix_expr(rng: random.Random, literal_only: bool = False) -> str:
    """A prefix argument; ``literal_only`` where no local names are in scope (class bodies)."""
    r = rng.random() * (0.82 if literal_only else 1.0)
    if r < 0.22:
        return f'"{rng.choice(ID_TYPE_WORDS)}"'                  # (a)
    if r < 0.32:
        return f'"{rng.choice(ALIASES)}"'                        # (b)
    if r < 0.57:
        if rng.random() < 0.5:
            return f'"{rng.choice(COMPOUND)}"'                   # (c)
        return f'"{rng.choice(OTHER_WORDS)}_{rng.choice(ID_TYPE_WORDS + ALIASES)}"'
    if r < 0.82:
        return f'"{rng.choice(OTHER_WORDS)}"'                    # (d)
    if r < 0.95:
        return rng.choice(FSTRINGS)                              # (e)
    if r < 0.975:
        return "name"                                            # variable: manual
    return f'prefix="{rng.choice(ID_TYPE_WORDS)}"'


def _base_call(rng: random.Random, g: str) -> str:
    if rng.random() < 0.02:
        return f"{g}.generate_base_id()"
    prefix = _prefix_expr(rng)
    extra = rng.choice(EXTRAS) if not prefix.startswith("prefix=") else ""
    return f"{g}.generate_base_id({prefix}{extra})"


LATENT = (("generate_thread_id()", 80), ("generate_user_id()", 36), ("generate_run_id(thread_id)", 12),
          ("generate_run_id()", 7), ("generate_run_id(user_id, operation)", 6), ("generate_id(\"user\")", 6),
          ("generate_id(\"message\")", 4), ("generate_id(\"thread\", format=\"short\")", 3),
          ("generate_request_id()", 7), ("generate_connection_id(user_id)", 2), ("generate_task_id()", 1),
          ("generate_execution_id()", 1))
ROLE = ("generate_websocket_connection_id(user_id)", "generate_websocket_connection_id(user_id, 1700000000.0)",
        "generate_websocket_client_id(user_id)", "generate_agent_execution_id(name, user_id)",
        "generate_tool_execution_id(name, operation)", "generate_tool_execution_id(name)",
        'generate_message_id("event", user_id, thread_id)', 'generate_message_id("chat", user_id)',
        "generate_session_id(user_id)", 'generate_session_id(user_id, "api")',
        'generate_error_context_id("validation", user_id)', 'generate_batch_ids("event", 3)')
REGISTRY = ("parse_id(thread_id)", "get_id_age(thread_id)", "is_valid_id(thread_id)", 'is_valid_id(thread_id, "msg")',
            "get_or_create_user_session(user_id)", "get_existing_session(user_id)", "cleanup_expired_sessions(3600)",
            "get_active_sessions_count()", "invalidate_user_sessions(user_id)", "reset_global_counter()")


def _weighted(rng: random.Random, table) -> str:
    total = sum(w for _, w in table)
    pick = rng.uniform(0, total)
    for value, weight in table:
        pick -= weight
        if pick <= 0:
            return value
    return table[-1][0]


def _other_call(rng: random.Random, g: str) -> str:
    r = rng.random()
    if r < 0.45:
        return f"{g}.{_weighted(rng, LATENT)}"
    if r < 0.8:
        return f"{g}.{rng.choice(ROLE)}"
    return f"{g}.{rng.choice(REGISTRY)}"


_ARGS = 'user_id: str, operation: str = "default", name: str = "item", thread_id: str = "", provider: str = "google"'
_METHOD_ARGS = _ARGS.replace("user_id: str", 'user_id: str = ""')
#: What a test function binds before its calls, so every generated name is defined.
_TEST_LOCALS = '    name, operation, thread_id, provider = "item", "default", "thread-1", "google"'


class Usage:
    """Collects the snippets, extra imports and call-site count of one affected file."""

    def __init__(self, rng: random.Random, g: str, is_test: bool) -> None:
        self.rng, self.g, self.is_test = rng, g, is_test
        self.sites = 0
        self.imports: set[str] = set()
        self.blocks: list[list[str]] = []

    def call(self) -> str:
        self.sites += 1
        return _base_call(self.rng, self.g) if self.rng.random() < 0.68 else _other_call(self.rng, self.g)

    # each snippet: one top-level def/class with 1-3 sites
    def function(self) -> None:
        rng, noun = self.rng, self.rng.choice(NOUNS)
        shape = rng.randrange(6)
        head = f"def {rng.choice(VERBS)}_{noun}_ids({_ARGS}) -> Any:"
        if shape == 0:
            body = [f"return {self.call()}"]
        elif shape == 1:
            body = [f"{noun}_id = {self.call()}", f'logger.debug("new {noun} %s", {noun}_id)', f"return {noun}_id"]
        elif shape == 2:
            body = ["return {", f'    "{noun}_id": {self.call()},', f'    "trace_id": {self.call()},',
                    '    "user_id": user_id,', "}"]
        elif shape == 3:
            body = [f"return [{self.call()} for _ in range({rng.randint(2, 20)})]"]
        elif shape == 4:
            self.sites += 2
            body = [f'thread_id = {self.g}.generate_base_id("thread")', f'run_id = {self.g}.generate_base_id("run")',
                    'return {"thread_id": thread_id, "run_id": run_id}']
        else:
            body = [f"if not user_id:", f"    return {self.call()}", f"{noun}_ref = {self.call()}",
                    f"return f\"{{{noun}_ref}}:{{operation}}\""]
        self.blocks.append([head] + _indent([f'"""Fresh {noun} identifiers."""'] + body, 1))

    def user_context(self) -> None:
        rng, g = self.rng, self.g
        self.sites += 1
        shape = rng.randrange(5)
        noun = rng.choice(NOUNS)
        op = f'"{rng.choice(VERBS)}"' if rng.random() < 0.5 else "operation"
        call = f"{g}.generate_user_context_ids(user_id, {op})" if rng.random() < 0.8 else \
            f"{g}.generate_user_context_ids(user_id, operation={op})"
        if shape == 0:
            body = [f"thread_id, run_id, request_id = {call}",
                    'return {"thread_id": thread_id, "run_id": run_id, "request_id": request_id}']
        elif shape == 1:
            body = [f"thread_id, run_id, _ = {call}", "return thread_id, run_id"]
        elif shape == 2:
            body = [f"return {call}[0]"]
        elif shape == 3:
            body = [f"ids = {call}", "return list(ids)"]
        else:
            cls = noun.capitalize() + "Context"
            self.blocks.append([f"class {cls}:", f"    def __init__(self, user_id: str, operation: str = \"default\") -> None:",
                                "        self.user_id = user_id",
                                f"        self.thread_id, self.run_id, self.request_id = {call}", "",
                                "    def as_dict(self) -> Dict[str, str]:",
                                '        return {"thread_id": self.thread_id, "run_id": self.run_id}'])
            return
        head = f"def start_{noun}_context({_ARGS}) -> Any:"
        self.blocks.append([head] + _indent(body, 1))

    def instance(self, module_level: bool) -> None:
        rng, g = self.rng, self.g
        noun = rng.choice(NOUNS)
        self.sites += 1
        if module_level:
            var = rng.choice(("_id_gen", "_ids", "ID_GENERATOR"))
            lines = [f"{var} = {g}()", "", "", f"def make_{noun}_ref({_ARGS}) -> str:"]
            self.sites += 1
            lines += _indent([f"return {var}.generate_base_id({_prefix_expr(rng)})"], 1)
            self.blocks.append(lines)
            return
        attr = rng.choice(("id_generator", "ids", "_id_gen", "generator"))
        cls = noun.capitalize() + rng.choice(("Store", "Tracker", "Registry", "Manager"))
        lines = [f"class {cls}:", f'    """Keeps {noun} records keyed by generated IDs."""', "",
                 "    def __init__(self) -> None:", f"        self.{attr} = {g}()", "        self._items: Dict[str, Any] = {}"]
        for _ in range(rng.randint(1, 3)):
            self.sites += 1
            lines += ["", f"    def {rng.choice(VERBS)}_{rng.choice(NOUNS)}(self, {_METHOD_ARGS}) -> str:",
                      f"        key = self.{attr}.generate_base_id({_prefix_expr(rng)})",
                      "        self._items[key] = {\"name\": name, \"user_id\": user_id}", "        return key"]
        self.blocks.append(lines)

    def dataclass_factory(self) -> None:
        rng, g = self.rng, self.g
        noun = rng.choice(NOUNS)
        self.sites += 2
        ref = f"{g}.generate_base_id" if rng.random() < 0.3 else \
            f"lambda: {g}.generate_base_id({_prefix_expr(rng, literal_only=True)})"
        self.blocks.append(["@dataclass", f"class {noun.capitalize()}Envelope:",
                            f"    {noun}_id: str = field(default_factory={ref})",
                            f'    trace_id: str = field(default_factory=lambda: {g}.generate_base_id("trace"))',
                            "    payload: Dict[str, Any] = field(default_factory=dict)"])

    def role(self) -> None:
        rng, g = self.rng, self.g
        noun = rng.choice(NOUNS)
        lines = [f"def {rng.choice(VERBS)}_{noun}_{rng.choice(('connection', 'session', 'message', 'agent'))}({_ARGS}) -> Dict[str, Any]:"]
        body = ["return {"]
        for _ in range(rng.randint(1, 3)):
            self.sites += 1
            body.append(f'    "{rng.choice(NOUNS)}_id": {_other_call(rng, g)},')
        body.append("}")
        self.blocks.append(lines + _indent(body, 1))

    def test_patch(self) -> None:
        rng, g = self.rng, self.g
        noun = rng.choice(NOUNS)
        self.sites += 2
        if rng.random() < 0.5:
            self.imports.add("from unittest import mock")
            self.blocks.append([f'@mock.patch("shared.id_generation.unified_id_generator.UnifiedIdGenerator.generate_base_id", return_value="{noun}_1700000000000_1_cafebabe")',
                                f"def test_{noun}_keeps_prefix(fake) -> None:",
                                f'    value = {g}.generate_base_id("{noun}")',
                                f'    assert value == "{noun}_1700000000000_1_cafebabe"'])
        else:
            self.imports.add("from unittest.mock import patch")
            self.blocks.append([f"def test_{noun}_with_fixed_id() -> None:",
                                f'    with patch.object({g}, "generate_base_id", return_value="fixed") as fake:',
                                f'        assert {g}.generate_base_id("{noun}") == "fixed"',
                                "    fake.assert_called_once()"])

    def test_function(self) -> None:
        rng, g = self.rng, self.g
        noun = rng.choice(NOUNS)
        self.sites += 1  # the user_id line; the two self.call()s count themselves
        self.blocks.append([f"def test_{noun}_ids_are_unique() -> None:", _TEST_LOCALS,
                            f'    user_id = {g}.generate_base_id("{rng.choice(("user", "uid", "test_user", "usr"))}")',
                            f"    first = {self.call()}", f"    second = {self.call()}",
                            "    assert first != second and user_id"])

    def subclass(self) -> None:
        noun = self.rng.choice(NOUNS)
        self.sites += 1
        self.blocks.append([f"class {noun.capitalize()}IdGenerator({self.g}):", '    namespace = "v1"'])


def _import_style(rng: random.Random) -> tuple[list[str], list[str], str]:
    """(top imports, per-function import lines, class expression)."""
    r = rng.random()
    if r < 0.62:
        return ["from shared.id_generation import UnifiedIdGenerator"], [], "UnifiedIdGenerator"
    if r < 0.80:
        return ["from shared.id_generation.unified_id_generator import UnifiedIdGenerator"], [], "UnifiedIdGenerator"
    if r < 0.87:
        alias = rng.choice(("IdGen", "G", "IDs"))
        return [f"from shared.id_generation import UnifiedIdGenerator as {alias}"], [], alias
    if r < 0.91:
        return ["import shared.id_generation.unified_id_generator as uig"], [], "uig.UnifiedIdGenerator"
    if r < 0.96:
        return (["try:", "    from shared.id_generation import UnifiedIdGenerator",
                 "except ImportError:  # pragma: no cover - older layout",
                 "    from shared.id_generation.unified_id_generator import UnifiedIdGenerator"], [], "UnifiedIdGenerator")
    return [], ["from shared.id_generation import UnifiedIdGenerator"], "UnifiedIdGenerator"


def affected_file(rng: random.Random, rel: str) -> tuple[str, int]:
    is_test = _is_test_path(rel)
    top, local, g = _import_style(rng)
    usage = Usage(rng, g, is_test)
    for _ in range(rng.randint(1, 5)):
        r = rng.random()
        if is_test and r < 0.3:
            usage.test_function()
        elif is_test and r < 0.38:
            usage.test_patch()
        elif r < 0.55:
            usage.function()
        elif r < 0.65:
            usage.user_context()
        elif r < 0.76:
            usage.instance(module_level=rng.random() < 0.3)
        elif r < 0.84:
            usage.dataclass_factory()
        elif r < 0.985:
            usage.role()
        else:
            usage.subclass()
    if local:
        # lazy import inside each generated function (SPEC 4.4: "including inside functions")
        for block in usage.blocks:
            if block[0].startswith("def "):
                block.insert(1, "    " + local[0])
        if not all(b[0].startswith("def ") for b in usage.blocks):
            top = local  # a class or module-level use needs the name at module level too
    header = _header(rng, rel, is_test)
    header = header[:-3] + sorted(usage.imports) + top + header[-3:]
    blocks = ordinary_blocks(rng, rel, _target_lines(rng, 40, 400) - len(header), is_test)
    for block in usage.blocks:
        blocks.insert(rng.randrange(len(blocks) + 1), block)
    return _join(header, blocks, 0), usage.sites


# --------------------------------------------------------------------------- writing
def _file_rng(seed: int, rel: str) -> random.Random:
    return random.Random(f"{seed}:{rel}")


def _api_sources() -> dict[str, bytes]:
    candidates = [HERE.parent / "migrate" / "demo" / "example_monorepo"]
    try:
        import migrate
        candidates.append(Path(migrate.__file__).resolve().parent / "demo" / "example_monorepo")
    except ImportError:
        pass
    for base in candidates:
        files = {
            "shared/id_generation/__init__.py": base / "shared/id_generation/__init__.py",
            "shared/id_generation/unified_id_generator.py": base / "shared/id_generation/unified_id_generator.py",
            "netra_backend/app/core/unified_id_manager.py": base / "netra_backend/app/core/unified_id_manager.py",
        }
        if all(p.is_file() for p in files.values()):
            return {rel: p.read_bytes() for rel, p in files.items()}
    raise SystemExit("cannot find the bundled example monorepo (migrate/demo/example_monorepo) to copy the APIs from")


def _write_chunk(args) -> list[tuple[str, int, int, int]]:
    out_dir, seed, items = args
    stats = []
    for rel, affected in items:
        rng = _file_rng(seed, rel)
        if affected:
            text, sites = affected_file(rng, rel)
        else:
            text, sites = ordinary_file(rng, rel), 0
        data = text.encode()
        if not affected and any(tok in data for tok in FORBIDDEN):
            raise AssertionError(f"ordinary file {rel} mentions the generator")
        path = os.path.join(out_dir, rel)
        with open(path, "wb") as fh:
            fh.write(data)
        stats.append((rel, sites, len(data), text.count("\n")))
    return stats


def _noise(out: Path, seed: int) -> int:
    """Untracked files full of generator usages that discovery must skip."""
    rng = random.Random(f"{seed}:noise")
    made = 0
    for base, count in ((".venv/lib/python3.11/site-packages/vendored_ids", 40), ("node_modules/pyodide-shim/py", 10),
                        ("generated/clients", 10)):
        d = out / base
        d.mkdir(parents=True, exist_ok=True)
        for i in range(count):
            text, _ = affected_file(rng, f"{base}/mod_{i}.py")
            (d / f"mod_{i}.py").write_text(text)
            made += 1
    (out / ".venv" / "pyvenv.cfg").write_text("home = /usr/bin\nversion = 3.11.0\n")
    return made


def _git(out: Path, *args: str) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="bench@example.invalid",
               GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@example.invalid",
               GIT_AUTHOR_DATE="2024-01-01T00:00:00Z", GIT_COMMITTER_DATE="2024-01-01T00:00:00Z")
    subprocess.run(["git", "-c", "core.loosecompression=0", "-c", "core.fsync=none", "-c", "gc.auto=0",
                    "-c", "init.defaultBranch=main", *args],
                   cwd=out, check=True, env=env, stdout=subprocess.DEVNULL)


def generate(n: int, out: Path, *, affected_ratio: float = 0.025, affected: int | None = None, seed: int = 1,
             jobs: int | None = None, git: bool = True) -> dict:
    started = time.perf_counter()
    if out.exists():
        if any(out.iterdir()):
            raise SystemExit(f"{out} exists and is not empty")
    out.mkdir(parents=True, exist_ok=True)
    layout_rng = random.Random(f"{seed}:layout:{n}")
    paths = plan_layout(n, layout_rng)
    api = _api_sources()
    candidates: dict[str, list[str]] = {}
    for rel in paths:
        if rel in api or rel.endswith("__init__.py") or rel.startswith("netra_backend/app/core/unified"):
            continue
        candidates.setdefault(service_of(rel), []).append(rel)
    want = affected if affected is not None else round(n * affected_ratio)
    pick_rng = random.Random(f"{seed}:affected:{n}:{want}")
    chosen: set[str] = set()
    for service, share in AFFECTED_SHARE.items():
        pool = candidates.get(service, [])
        k = min(len(pool), max(1 if want else 0, round(want * share)))
        chosen.update(pick_rng.sample(pool, k))
    rest = sorted(set().union(*candidates.values()) - chosen)
    while len(chosen) < want and rest:
        chosen.add(rest.pop(pick_rng.randrange(len(rest))))
    while len(chosen) > want:
        chosen.discard(sorted(chosen)[pick_rng.randrange(len(chosen))])

    for d in sorted({os.path.dirname(p) for p in paths} - {""}):
        (out / d).mkdir(parents=True, exist_ok=True)
    for rel, data in api.items():
        (out / rel).write_bytes(data)
    items = [(rel, rel in chosen) for rel in paths if rel not in api]
    jobs = jobs or os.cpu_count() or 1
    chunk = max(1, len(items) // (jobs * 8))
    work = [(str(out), seed, items[i:i + chunk]) for i in range(0, len(items), chunk)]
    stats: list[tuple[str, int, int, int]] = []
    if jobs > 1 and len(items) > 500:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for part in pool.map(_write_chunk, work):
                stats.extend(part)
    else:
        for w in work:
            stats.extend(_write_chunk(w))
    generated_at = time.perf_counter()

    (out / "pyproject.toml").write_text(
        '[project]\nname = "synthetic-monorepo"\nversion = "0.0.0"\n\n'
        "[tool.idmigrate]\n# defaults: every top-level package is a service\n")
    (out / "README.md").write_text(f"Synthetic monorepo for idmigrate benchmarks: {n} files, seed {seed}.\n")
    (out / ".gitignore").write_text(".venv/\nnode_modules/\ngenerated/\n__pycache__/\n*.pyc\n.idmigrate-bench.json\n")
    noise = _noise(out, seed)

    by_service: dict[str, dict[str, int]] = {}
    for rel, sites, _, _ in stats:
        if sites:
            s = by_service.setdefault(service_of(rel), {"files": 0, "sites": 0})
            s["files"] += 1
            s["sites"] += sites
    sizes = sorted(lines for rel, _, _, lines in stats if not rel.endswith("__init__.py"))
    manifest = {
        "files": len(paths), "seed": seed, "affected_files": len(chosen),
        "affected_sites_approx": sum(s for _, s, _, _ in stats),
        "affected_by_service": dict(sorted(by_service.items())),
        "bytes": sum(b for _, _, b, _ in stats) + sum(len(v) for v in api.values()),
        "lines_median": sizes[len(sizes) // 2] if sizes else 0,
        "lines_p90": sizes[int(len(sizes) * 0.9)] if sizes else 0,
        "untracked_noise_files": noise,
        "affected": sorted(chosen),
    }
    if git:
        _git(out, "init", "-q")
        _git(out, "add", "-A")
        _git(out, "commit", "-q", "-m", f"synthetic monorepo: {n} files, seed {seed}")
    manifest["seconds_generate"] = round(generated_at - started, 2)
    manifest["seconds_total"] = round(time.perf_counter() - started, 2)
    (out / ".idmigrate-bench.json").write_text(json.dumps(manifest, indent=1) + "\n")
    return manifest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, nargs="?", default=10_000, help="number of tracked .py files (default 10000)")
    ap.add_argument("out", type=Path, help="output directory (must not exist or be empty)")
    ap.add_argument("--affected-ratio", type=float, default=0.025, help="share of files that use the generator")
    ap.add_argument("--affected", type=int, default=None, help="exact number of affected files (overrides the ratio)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=None, help="writer processes (default: all cores)")
    ap.add_argument("--no-git", action="store_true", help="skip git init + commit")
    args = ap.parse_args(argv)
    m = generate(args.n, args.out, affected_ratio=args.affected_ratio, affected=args.affected, seed=args.seed,
                 jobs=args.jobs, git=not args.no_git)
    summary = {k: v for k, v in m.items() if k != "affected"}
    print(json.dumps(summary, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
