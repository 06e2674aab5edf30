"""``uuid4()``-based IDs of the shapes idmigrate's opt-in ``adhoc-ids`` and ``test-ids`` recipes target.

In test files (``test-ids``): ``user_id = uuid.uuid4().hex[:8]``, ``f"test_thread_{uuid.uuid4().hex[:8]}"``,
``str(uuid.uuid4())[:8]``, one whose format the test asserts (reported, not rewritten), fixtures
returning one. Elsewhere (``adhoc-ids``): ``f"txn_{uuid.uuid4().hex[:8]}"``, ``"evt_" + str(uuid.uuid4())``,
``str(uuid.uuid4())`` assigned to ``*_id`` names, attributes, dict keys and keywords, dataclass
factories, ``new_*_id()`` helpers, and a few that need a human (``*_uuid`` names, a bare ``value``).
Every site is one finding of the recipe (a ``new_*_id()`` helper is two: the site and the helper);
near misses (hashing, a token, a file name) are written too and count zero.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from synth.vocab import ATTRS, NOUNS, STATUSES

#: Nouns of ``<noun>_id`` names: IDType values, words the recipes map to one, and others.
ID_NOUNS = ("transaction", "session", "request", "trace", "order", "payment", "event", "job", "message",
            "correlation", "connection", "account", "audit", "agent", "tool", "invoice", "export", "batch")
TEST_NOUNS = ("user", "thread", "run", "session", "request", "agent", "tool", "trace", "tenant", "org",
              "conversation", "websocket")
#: Nouns for other names (``<noun>_ref``): none that says "secret" (``token_ref`` is never an ID to the recipes).
NAME_NOUNS = tuple(n for n in NOUNS if n not in ("token", "secret", "credential"))
PREFIXES = ("txn", "req", "evt", "job", "msg", "sess", "run", "trace", "ws", "ord", "pay", "batch", "exp", "conv")


@dataclass
class UuidUsage:
    rng: random.Random
    is_test: bool
    #: False where the file has no class whose ``__init__``/``setup_method`` could hold ``setup``.
    has_class: bool = True
    sites: int = 0
    imports: list[str] = field(default_factory=list)
    blocks: list[list[str]] = field(default_factory=list)
    statements: list[list[str]] = field(default_factory=list)
    setup: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.rng.random() < 0.8:
            self.imports.append("import uuid")
            self.u = "uuid.uuid4"
        else:
            self.imports.append("from uuid import uuid4")
            self.u = "uuid4"

    def fill(self, count: int) -> None:
        """``count`` usages (about one site each) and, now and then, a near miss."""
        for _ in range(count):
            r = self.rng.random()
            if r < 0.12 and self.has_class:
                self.attribute()
            elif r < 0.22:
                self.block()
            else:
                self.statement()
        if self.rng.random() < 0.3:
            self.near_miss()

    # ------------------------------------------------------------ statements (any body)
    def statement(self) -> None:
        (self._test_statement if self.is_test else self._adhoc_statement)()

    def _test_statement(self) -> None:
        rng, u = self.rng, self.u
        t, p, noun = rng.choice(TEST_NOUNS), rng.choice(PREFIXES), rng.choice(NAME_NOUNS)
        shape = rng.randrange(8)
        self.sites += 1
        if shape == 0:
            group = [f"{t}_id = {u}().hex[:8]"]
        elif shape == 1:
            group = [f'{t}_id = f"test_{t}_{{{u}().hex[:8]}}"']
        elif shape == 2:
            group = [f"{t}_id = str({u}())[:8]"]
        elif shape == 3:
            group = [f"{t}_id = str({u}())"]
        elif shape == 4:
            group = [f'{noun}_payload = {{"{t}_id": f"{p}_{{{u}().hex[:8]}}", "{rng.choice(ATTRS)}": {rng.randint(0, 9)}}}']
        elif shape == 5:
            group = [f'{t}_id = "{p}_" + {u}().hex[:8]']
        elif shape == 6:
            group = [f"short_id = {u}().hex[:8]", "assert len(short_id) == 8"]  # format asserted: manual
        else:
            group = [f"{noun}_info = dict({t}_id={u}().hex[:12])"]
        self.statements.append(group)

    def _adhoc_statement(self) -> None:
        rng, u = self.rng, self.u
        n, p, noun = rng.choice(ID_NOUNS), rng.choice(PREFIXES), rng.choice(NAME_NOUNS)
        shape = rng.randrange(10)
        self.sites += 1
        if shape in (0, 1):
            group = [f"{n}_id = str({u}())"]
        elif shape in (2, 3):
            group = [f'{noun}_ref = f"{p}_{{{u}().hex[:8]}}"']
        elif shape == 4:
            group = [f'{noun}_tag = "{p}_" + str({u}())']
        elif shape == 5:
            group = [f'{n}_id = f"{p}_{{user_id}}_{{{u}().hex[:8]}}"']
        elif shape == 6:
            group = [f'{noun}_record = {{"{n}_id": str({u}()), "status": "{rng.choice(STATUSES)}"}}']
        elif shape == 7:
            group = [f'{noun}_event = dict({n}_id={u}().hex, source="{noun}")']
        elif shape == 8:
            group = [f"new_value = str({u}())"]  # nothing names the type: manual
        else:
            group = [f"{noun}_uuid = str({u}())"]  # a real UUID is wanted: manual
        self.statements.append(group)

    def near_miss(self) -> None:
        """A uuid that is not an ID: hashed, a token, part of a file name."""
        rng, u, noun = self.rng, self.u, self.rng.choice(NOUNS)
        shape = rng.randrange(3)
        if shape == 0:
            self.imports.append("import hashlib")
            group = [f"{noun}_digest = hashlib.sha256({u}().bytes).hexdigest()"]
        elif shape == 1:
            group = [f"{noun}_token = {u}().hex"]
        else:
            group = [f'{noun}_filename = f"{noun}-{{{u}()}}.json"']
        self.statements.append(group)

    # ------------------------------------------------------------ class setup and top-level blocks
    def attribute(self) -> None:
        name = self.rng.choice(TEST_NOUNS if self.is_test else ID_NOUNS)
        line = f"self.{name}_id = str({self.u}())"
        if line not in self.setup:
            self.sites += 1
            self.setup.append(line)
        else:
            self.statement()

    def block(self) -> None:
        rng, u = self.rng, self.u
        p = rng.choice(PREFIXES)
        if self.is_test:
            t = rng.choice(TEST_NOUNS)
            self.sites += 1
            self.blocks.append(["@pytest.fixture", f"def fresh_{t}_id() -> str:", f"    return {u}().hex[:8]"])
        elif rng.random() < 0.5:
            n = rng.choice(ID_NOUNS)
            self.sites += 1
            self.blocks.append(["@dataclass", f"class {rng.choice(NOUNS).capitalize()}Message:",
                                f"    {n}_id: str = field(default_factory=lambda: str({u}()))",
                                '    body: str = ""'])
        else:
            n = rng.choice(ID_NOUNS)
            self.sites += 2  # the ID, and the helper that only builds it
            self.blocks.append([f"def new_{n}_id() -> str:", f'    """A fresh {n} identifier."""',
                                f'    return f"{p}_{{{u}().hex[:8]}}"'])
