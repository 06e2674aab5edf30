"""Ordinary Python that never mentions the generator: the bulk of every synthetic file.

Functions, classes, dataclasses, enums and test methods are built from statement *groups*
(a group is one complete statement, possibly compound), so callers can slip usage
statements between groups without breaking a block.
"""

from __future__ import annotations

import math
import random

from synth.layout import service_of
from synth.vocab import ADJS, ATTRS, NOUNS, PHRASES, STATUSES, STDLIB_IMPORTS, TYPES, VERBS

#: Parameters of a function or method that holds usages: every name a usage may read is bound.
SITE_PARAMS = 'user_id: str = "", operation: str = "default", name: str = "item", thread_id: str = "", ' \
              'provider: str = "google"'
#: The same names bound as locals, at the top of a test method that holds usages.
TEST_LOCALS = ['name, operation, thread_id, provider = "item", "default", "thread-1", "google"',
               'user_id = "user-1"']
#: Nouns whose ``<noun>_id`` would clash with a site parameter.
_CLASHING = ("thread",)


def indent(lines: list[str], level: int) -> list[str]:
    pad = "    " * level
    return [pad + line if line else line for line in lines]


def flat(groups: list[list[str]]) -> list[str]:
    return [line for group in groups for line in group]


def spread(rng: random.Random, groups: list[list[str]], inserts: list[list[str]]) -> list[list[str]]:
    """``groups`` with ``inserts`` put at random places, keeping the order of the inserts."""
    places = sorted(rng.randrange(len(groups) + 1) for _ in inserts)
    out: list[list[str]] = []
    k = 0
    for i in range(len(groups) + 1):
        while k < len(places) and places[k] == i:
            out.append(inserts[k])
            k += 1
        if i < len(groups):
            out.append(groups[i])
    return out


def statement_groups(rng: random.Random, a: str, b: str, n: int, in_method: bool) -> list[list[str]]:
    """``n`` statements that only use ``a``, ``b``, locals they define and ``logger``."""
    out: list[list[str]] = []
    for _ in range(n):
        noun, verb, attr = rng.choice(NOUNS), rng.choice(VERBS), rng.choice(ATTRS)
        k = rng.randrange(12)
        if k == 0:
            out.append([f"if not {a}:", f'    raise ValueError("{noun} is required")'])
        elif k == 1:
            out.append([f"{noun}_info = {{", f'    "{noun}": {a},', f'    "{attr}": {b},',
                        f'    "status": "{rng.choice(STATUSES)}",', "}"])
        elif k == 2:
            out.append([f"{noun}_items = []", f"for item in list({a} or []):",
                        f'    if isinstance(item, dict) and item.get("{attr}") == {b}:',
                        f"        {noun}_items.append(item)"])
        elif k == 3:
            out.append(["try:", f"    {noun}_value = int(str({b}).strip() or 0)",
                        "except (TypeError, ValueError) as exc:",
                        f'    logger.warning("could not {verb} %s: %s", {a}, exc)',
                        f"    {noun}_value = {rng.randint(0, 100)}"])
        elif k == 4:
            out.append([f"{attr}_total = sum(getattr(x, \"{attr}\", 0) or 0 for x in "
                        f"({a} if isinstance({a}, list) else []))"])
        elif k == 5:
            out.append([f'logger.debug("{verb} {noun} %s (%s)", {a}, {b})'])
        elif k == 6:
            out.append([f"if {b} is None:", f"    {b} = {rng.choice(('0', '[]', 'dict()', repr(noun)))}",
                        f"elif isinstance({b}, str) and len({b}) > {rng.randint(8, 128)}:",
                        f"    {b} = {b}[:{rng.randint(8, 64)}]"])
        elif k == 7:
            out.append([f"{noun}_keys = sorted({{str(key) for key in ({a} if isinstance({a}, dict) else {{}})}})"])
        elif k == 8:
            out.append([f"while {attr}_budget := {rng.randint(1, 5)}:", f"    {attr}_budget -= 1", "    break"])
        elif k == 9:
            if in_method:
                out.append(["with self._lock:", f"    self._{noun}_cache[str({a})] = {b}"])
            else:
                out.append([f"{noun}_map = defaultdict(list)", f"{noun}_map[str({a})].append({b})"])
        elif k == 10:
            out.append([f"# {rng.choice(PHRASES).capitalize()}.",
                        f"{noun}_label = f\"{{{a}}}-{noun}-{{{b}}}\".lower()"])
        else:
            out.append([f"if {a} and {b}:", f'    logger.info("{noun} %s %s", {a}, "{rng.choice(ADJS)}")',
                        "else:", "    pass"])
    return out


def function(rng: random.Random, method: bool = False, is_async: bool = False,
             inserts: list[list[str]] | None = None, prelude: list[str] | None = None) -> list[str]:
    """A documented function (or method); ``inserts`` (usage statements) make it take SITE_PARAMS."""
    verb, noun, adj = rng.choice(VERBS), rng.choice(NOUNS), rng.choice(ADJS)
    if inserts and noun in _CLASHING:
        noun = "task"
    a, b = f"{noun}_id", rng.choice(("options", "payload", "limit", "context", "value"))
    ta, tb = rng.choice(TYPES), rng.choice(TYPES)
    args = (["self"] if method else []) + [f"{a}: {ta}", f"{b}: Optional[{tb}] = None"]
    if inserts:
        args.append(SITE_PARAMS)
    head = f"{'async ' if is_async else ''}def {'_' if rng.random() < .2 else ''}{verb}_{adj}_{noun}" \
           f"({', '.join(args)}) -> Any:"
    doc = [f'"""{verb.capitalize()} the {adj} {noun} {rng.choice(PHRASES)}.']
    if rng.random() < 0.6:
        doc += ["", "Args:", f"    {a}: identifier of the {noun}.",
                f"    {b}: optional {rng.choice(NOUNS)} {rng.choice(('settings', 'data', 'override'))}.",
                "", "Returns:", f"    The {rng.choice(ADJS)} {noun} or ``None``."]
    doc.append('"""')
    groups = statement_groups(rng, a, b, rng.randint(2, 7), method)
    groups = spread(rng, groups, inserts or [])
    body = doc + (prelude or []) + (["await asyncio.sleep(0)"] if is_async else []) + flat(groups)
    body.append(rng.choice((f"return {a}", f"return {{'{rng.choice(NOUNS)}': {a}, 'extra': {b}}}",
                            "return None", f"return bool({a})")))
    return [head] + indent(body, 1)


def class_block(rng: random.Random) -> list[str]:
    noun = rng.choice(NOUNS)
    name = noun.capitalize() + rng.choice(("Service", "Manager", "Repository", "Handler", "Client", "Registry"))
    lines = [f"class {name}:", f'    """{rng.choice(ADJS).capitalize()} {noun} operations {rng.choice(PHRASES)}."""', ""]
    lines += indent(init_method(rng, noun), 1)
    for _ in range(rng.randint(1, 6)):
        lines.append("")
        if rng.random() < 0.15:
            lines += indent(property_method(rng), 1)
            continue
        lines += indent(function(rng, method=True, is_async=rng.random() < 0.15), 1)
    return lines


def init_method(rng: random.Random, noun: str, extra: list[str] | None = None) -> list[str]:
    lines = ["def __init__(self, config: Optional[Dict[str, Any]] = None) -> None:",
             "    self.config = dict(config or {})", "    self._lock = threading.RLock()"]
    for other in sorted({rng.choice(NOUNS) for _ in range(rng.randint(1, 4))} - {noun}):  # sorted: no hash order
        lines.append(f"    self._{other}_cache: Dict[str, Any] = {{}}")
    lines.append(f"    self._{noun}_cache: Dict[str, Any] = {{}}")
    return lines + indent(extra or [], 1)


def property_method(rng: random.Random) -> list[str]:
    attr = rng.choice(ATTRS)
    return ["@property", f"def {attr}(self) -> int:", f'    return int(self.config.get("{attr}", {rng.randint(0, 9)}))']


def dataclass_block(rng: random.Random) -> list[str]:
    noun = rng.choice(NOUNS)
    lines = ["@dataclass", f"class {noun.capitalize()}{rng.choice(('Record', 'Event', 'Config', 'Snapshot', 'Request'))}:",
             f'    """A {rng.choice(ADJS)} {noun} as stored {rng.choice(PHRASES)}."""', "", f"    {noun}_id: str"]
    for attr in sorted({rng.choice(ATTRS) for _ in range(rng.randint(1, 6))}):
        lines.append(f"    {attr}: int = {rng.randint(0, 10)}")
    lines += [f'    status: str = "{rng.choice(STATUSES)}"', "    tags: List[str] = field(default_factory=list)", "",
              "    def to_dict(self) -> Dict[str, Any]:",
              f'        return {{"{noun}_id": self.{noun}_id, "status": self.status, "tags": list(self.tags)}}']
    return lines


def enum_block(rng: random.Random) -> list[str]:
    noun = rng.choice(NOUNS)
    members = sorted({rng.choice(STATUSES) for _ in range(rng.randint(2, 6))})
    return [f"class {noun.capitalize()}State(str, Enum):"] + [f'    {m.upper()} = "{m}"' for m in members]


def constants(rng: random.Random) -> list[str]:
    lines = []
    for _ in range(rng.randint(1, 5)):
        noun, attr = rng.choice(NOUNS), rng.choice(ATTRS)
        lines.append(f"DEFAULT_{noun.upper()}_{attr.upper()} = {rng.randint(1, 5000)}")
    lines.append(f"_{rng.choice(NOUNS).upper()}_PATTERN = re.compile(r\"^[a-z0-9_-]{{{rng.randint(3, 9)},64}}$\")")
    return lines


def _test_checks(rng: random.Random, noun: str) -> list[list[str]]:
    out = []
    for _ in range(rng.randint(1, 6)):
        k = rng.randrange(4)
        if k == 0:
            out.append([f'assert payload["{noun}_id"].startswith("{noun}")'])
        elif k == 1:
            out.append(["values = [payload.get(key) for key in sorted(payload)]", "assert len(values) == len(payload)"])
        elif k == 2:
            out.append([f'payload["{rng.choice(ATTRS)}"] = {rng.randint(0, 9)}', "assert payload"])
        else:
            out.append(["with pytest.raises(KeyError):", f'    payload["missing_{rng.choice(NOUNS)}"]'])
    return out


def test_function(rng: random.Random) -> list[str]:
    """A module-level test function (conftest-style files and flat test modules)."""
    noun, verb = rng.choice(NOUNS), rng.choice(VERBS)
    lines = [f"def test_{verb}_{noun}_{rng.choice(ADJS)}() -> None:", f'    """{verb.capitalize()} {noun}: {rng.choice(PHRASES)}."""',
             f'    payload = {{"{noun}_id": "{noun}-{rng.randint(1, 999)}", "{rng.choice(ATTRS)}": {rng.randint(0, 99)}}}']
    return lines + indent(flat(_test_checks(rng, noun)), 1)


def test_method(rng: random.Random, name: str, inserts: list[list[str]] | None = None, params: str = "",
                decorators: list[str] | None = None, prelude: list[str] | None = None) -> list[str]:
    """A method of a test class; ``inserts`` (usage statements) get TEST_LOCALS bound first."""
    noun, attr = rng.choice(NOUNS), rng.choice(ATTRS)
    head = (decorators or []) + [f"def {name}(self{', ' + params if params else ''}) -> None:"]
    body = [f'"""{rng.choice(VERBS).capitalize()} the {rng.choice(ADJS)} {noun} {rng.choice(PHRASES)}."""']
    body += prelude or []
    if inserts:
        body += TEST_LOCALS
    body += [f'payload = {{"{noun}_id": "{noun}-{rng.randint(1, 999)}", "{attr}": {rng.randint(0, 99)}}}',
             f'expected = payload.get("{attr}")']
    groups = _test_checks(rng, noun) + statement_groups(rng, "payload", "expected", rng.randint(0, 5), True)
    rng.shuffle(groups)
    groups = spread(rng, groups, inserts or [])
    return head + indent(body + flat(groups) + ["assert payload is not None"], 1)


def header(rng: random.Random, rel: str, is_test: bool, extra_imports: list[str] = ()) -> list[str]:
    """Module docstring and imports; ``extra_imports`` go after the project imports."""
    service = service_of(rel)
    mod = rel[:-3].replace("/", ".")
    lines = [f'"""{mod.rsplit(".", 1)[-1].replace("_", " ").capitalize()}: {rng.choice(ADJS)} {rng.choice(NOUNS)} '
             f'{rng.choice(VERBS)} logic {rng.choice(PHRASES)}.', ""]
    lines += [f"Part of ``{service}``. {rng.choice(PHRASES).capitalize()}.", '"""', "",
              "from __future__ import annotations", "", "import logging", "import re", "import threading",
              "import asyncio"]
    lines += sorted({rng.choice(STDLIB_IMPORTS) for _ in range(rng.randint(0, 4))}
                    - {"import re", "import asyncio", "import threading"})
    lines += ["from collections import defaultdict", "from dataclasses import dataclass, field",
              "from enum import Enum", "from typing import Any, Dict, List, Optional", ""]
    if is_test:
        lines += ["import pytest", ""]
    own = service if service != "_root" else "shared"
    for _ in range(rng.randint(0, 3)):
        lines.append(f"from {own}.{rng.choice(NOUNS)}s.{rng.choice(NOUNS)}_{rng.choice(('service', 'models', 'utils'))} "
                     f"import {rng.choice(NOUNS).capitalize()}{rng.choice(('Service', 'Record', 'Client'))}  # noqa: F401")
    if service not in ("netra_backend", "_root") and rng.random() < 0.5:
        lines.append(f"from shared.{rng.choice(('logging', 'config', 'utils'))} import "
                     f"{rng.choice(NOUNS)}_{rng.choice(VERBS)}  # noqa: F401")
    lines += list(extra_imports)
    lines += ["", "logger = logging.getLogger(__name__)", ""]
    return lines


def manager_block(rng: random.Random) -> tuple[list[str], list[str]]:
    """A file that already uses the manager (~120 in the real repo): only netra_backend may."""
    noun = rng.choice(NOUNS)
    imports = ["from netra_backend.app.core.unified_id_manager import IDType, UnifiedIDManager, get_id_manager"]
    body = [f"def new_{noun}_thread() -> Dict[str, str]:",
            "    thread_id = UnifiedIDManager.generate_thread_id()",
            "    run_id = UnifiedIDManager.generate_run_id(thread_id)",
            f'    return {{"thread_id": thread_id, "run_id": run_id, "{noun}_id": '
            f'get_id_manager().generate_id(IDType.{rng.choice(("USER", "REQUEST", "TRACE", "AGENT"))})}}']
    return imports, body


def uuid_near_miss(rng: random.Random) -> tuple[list[str], list[str]]:
    """uuid used for something that is not an ID (parsing, hashing): the uuid recipes report nothing."""
    noun = rng.choice(NOUNS)
    body = [f"def parse_{noun}_key(raw: str) -> str:",
            f'    """Normalise a {noun} UUID given in any of its textual forms."""',
            "    parsed = uuid.UUID(str(raw).strip())",
            '    return hashlib.sha256(parsed.bytes).hexdigest()[:16]']
    return ["import hashlib", "import uuid"], body


def ordinary_blocks(rng: random.Random, target_lines: int, is_test: bool) -> list[list[str]]:
    """Top-level blocks (2 blank lines each) adding up to about ``target_lines``."""
    blocks: list[list[str]] = []
    total = 0
    if rng.random() < 0.4:
        blocks.append(constants(rng))
        total += len(blocks[-1]) + 2
    while total < target_lines:
        r = rng.random()
        if is_test and r < 0.55:
            block = test_function(rng)
        elif r < 0.30:
            block = class_block(rng)
        elif r < 0.42:
            block = dataclass_block(rng)
        elif r < 0.47:
            block = enum_block(rng)
        else:
            block = function(rng, is_async=rng.random() < 0.12)
        if blocks and total + len(block) // 2 >= target_lines:
            break  # closer to the target without it
        blocks.append(block)
        total += len(block) + 2
    return blocks


def ordinary_lines(rng: random.Random, low: int = 50, high: int = 600) -> int:
    """A log-normal size around ~150 lines, clipped: most modules are small, a few are big."""
    return max(low, min(high, int(rng.lognormvariate(math.log(150), 0.65))))


def join(head: list[str], blocks: list[list[str]]) -> str:
    lines = list(head)
    for block in blocks:
        lines += ["", ""] + block if lines and lines[-1] != "" else [""] + block
    return "\n".join(lines).rstrip("\n") + "\n"
