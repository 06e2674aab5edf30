"""Whole files: ordinary modules, and files with generator and/or uuid usages at a target size.

Shapes, as in the real repository:

* a test module (``test_*.py``) is one test class of dozens of methods (one top-level statement
  of 1,000+ lines in the big ones), usages spread through the methods, plus a few module-level
  fixtures and helpers;
* any other module with usages has one big service class holding part of the usages in its
  methods, and top-level functions, classes and dataclasses around it;
* ``conftest.py`` is flat: fixtures and helper functions.
"""

from __future__ import annotations

import random

from synth import ordinary as o
from synth.generator_sites import GeneratorUsage, import_style
from synth.layout import is_test_module, is_test_path, service_of
from synth.uuid_sites import UuidUsage
from synth.vocab import ADJS, NOUNS, PHRASES, VERBS

#: Share of a non-test module's lines (after the header) that its main class takes.
CLASS_SHARE = 0.6


def _unique(rng: random.Random, taken: set[str], base: str) -> str:
    name, n = base, 2
    while name in taken:
        name, n = f"{base}_{n}", n + 1
    taken.add(name)
    return name


def _carriers(rng: random.Random, groups: list[tuple[list[str], bool]]) -> list[tuple[list[list[str]], bool]]:
    """Usage statements dealt out to methods: mostly one per method, sometimes two or three."""
    out: list[tuple[list[list[str]], bool]] = []
    for group, is_generator in groups:
        if out and rng.random() < 0.3:
            out[-1][0].append(group)
            out[-1] = (out[-1][0], out[-1][1] or is_generator)
        else:
            out.append(([group], is_generator))
    return out


def _size(blocks: list[list[str]]) -> int:
    return sum(len(b) + 2 for b in blocks)


def test_class(rng: random.Random, budget: int, inserts, specs, setup: list[str], local: list[str],
               setup_local: bool = False) -> list[str]:
    """``class TestX:`` of about ``budget`` lines, usages spread through its methods.

    ``inserts``: (statement group, is a generator usage); ``local``: the generator import to put
    in each method that uses it (lazy-import files); ``setup_local``: ``setup`` needs it too.
    """
    noun, verb = rng.choice(NOUNS), rng.choice(VERBS)
    head = [f"class Test{noun.capitalize()}{verb.capitalize()}:",
            f'    """{verb.capitalize()} {noun}s {rng.choice(PHRASES)}."""', ""]
    setup_method = ["def setup_method(self) -> None:"] + o.indent(
        (local if setup_local else [])
        + ["self._lock = threading.RLock()", f"self._{noun}_cache: Dict[str, Any] = {{}}"] + setup, 1)
    taken: set[str] = set()
    methods = []
    for groups, is_generator in _carriers(rng, inserts):
        name = _unique(rng, taken, f"test_{rng.choice(VERBS)}_{rng.choice(NOUNS)}")
        methods.append(o.test_method(rng, name, groups, prelude=local if is_generator else None))
    for spec in specs:
        name = _unique(rng, taken, f"test_{rng.choice(VERBS)}_{rng.choice(NOUNS)}")
        methods.append(o.test_method(rng, name, spec.statements, spec.params, spec.decorators, prelude=local))
    size = len(head) + len(setup_method) + sum(len(m) + 1 for m in methods)
    while size < budget:
        name = _unique(rng, taken, f"test_{rng.choice(VERBS)}_{rng.choice(NOUNS)}_{rng.choice(ADJS)}")
        method = o.test_method(rng, name)
        if methods and size + len(method) // 2 >= budget:
            break  # closer to the budget without it
        methods.append(method)
        size += len(method) + 1
    rng.shuffle(methods)
    lines = head + o.indent(setup_method, 1)
    for method in methods:
        lines += [""] + o.indent(method, 1)
    return lines


def service_class(rng: random.Random, budget: int, inserts, setup: list[str], local: list[str],
                  setup_local: bool = False) -> list[str]:
    """A service class of about ``budget`` lines whose methods hold usages (arguments as ``test_class``)."""
    noun = rng.choice(NOUNS)
    name = noun.capitalize() + rng.choice(("Service", "Manager", "Repository", "Handler", "Coordinator"))
    head = [f"class {name}:", f'    """{rng.choice(ADJS).capitalize()} {noun} operations {rng.choice(PHRASES)}."""', ""]
    init = o.init_method(rng, noun, (local if setup_local else []) + setup)
    methods = []
    for groups, is_generator in _carriers(rng, inserts):
        methods.append(o.function(rng, method=True, is_async=rng.random() < 0.15, inserts=groups,
                                  prelude=local if is_generator else None))
    size = len(head) + len(init) + sum(len(m) + 1 for m in methods)
    while size < budget:
        method = o.property_method(rng) if rng.random() < 0.1 else o.function(rng, method=True,
                                                                                is_async=rng.random() < 0.15)
        if methods and size + len(method) // 2 >= budget:
            break  # closer to the budget without it
        methods.append(method)
        size += len(method) + 1
    rng.shuffle(methods)
    lines = head + o.indent(init, 1)
    for method in methods:
        lines += [""] + o.indent(method, 1)
    return lines


def affected_file(rng: random.Random, rel: str, target: int, generator: bool, uuid: bool) -> tuple[str, dict[str, int]]:
    """The source of a file with usages, about ``target`` lines long, and its sites: ``generator``
    (call sites), ``generator_via_fixture`` (those called through a fixture parameter), ``uuid``."""
    is_test, class_form = is_test_path(rel), is_test_module(rel)
    flat = not class_form and is_test
    top, local_import, g = import_style(rng) if generator else ([], None, "")
    local = [local_import] if local_import else []
    gen = GeneratorUsage(rng, g)
    if generator:
        for _ in range(rng.randint(1, 5)):
            r = rng.random()
            if class_form and r < 0.5:
                gen.statement()
            elif class_form and r < 0.62:
                gen.patch_object()
            elif class_form and r < 0.72:
                gen.patched_method()
            elif class_form and r < 0.8:
                gen.fixture_method()
            elif not is_test and r < 0.45:
                gen.statement()
            else:
                gen.top_level(is_test)
    ids = UuidUsage(rng, is_test, has_class=not flat)
    if uuid:
        ids.fill(rng.randint(3, 8))
    if local:
        for block in gen.blocks:
            if block[0].startswith("def "):
                block.insert(1, "    " + local_import)
        if not all(b[0].startswith("def ") for b in gen.blocks):
            top = local  # a class or module-level use needs the name at module level too
    imports = sorted(gen.imports) + top + (sorted(set(ids.imports)) if uuid else [])
    head = o.header(rng, rel, is_test, imports)
    inserts = [(s, True) for s in gen.statements] + [(s, False) for s in ids.statements]
    rng.shuffle(inserts)
    blocks = gen.blocks + ids.blocks
    setup = gen.setup + ids.setup
    rest = max(40, target - len(head) - _size(blocks))
    if class_form:
        blocks += [rng.choice((o.constants, o.function, o.dataclass_block))(rng) for _ in range(rng.randint(0, 2))]
        budget = max(30, target - len(head) - _size(blocks))
        blocks.append(test_class(rng, budget, inserts, gen.methods, setup, local, bool(gen.setup)))
    elif flat:
        for groups, is_generator in _carriers(rng, inserts):
            blocks.append(o.function(rng, inserts=groups, prelude=local if is_generator else None))
        blocks += o.ordinary_blocks(rng, target - len(head) - _size(blocks), True)
    else:
        blocks.append(service_class(rng, int(rest * CLASS_SHARE), inserts, setup, local, bool(gen.setup)))
        blocks += o.ordinary_blocks(rng, target - len(head) - _size(blocks), False)
    rng.shuffle(blocks)
    sites = {"generator": gen.sites, "generator_via_fixture": gen.via_fixture, "uuid": ids.sites}
    return o.join(head, blocks), sites


def ordinary_file(rng: random.Random, rel: str) -> str:
    """A module that uses neither the generator nor uuid4 IDs (50-600 lines)."""
    if rel.endswith("__init__.py"):
        return f'"""{rel.rsplit("/", 1)[0].replace("/", ".")} package."""\n'
    is_test = is_test_path(rel)
    target = o.ordinary_lines(rng)
    extra: list[str] = []
    blocks: list[list[str]] = []
    if service_of(rel) == "netra_backend" and "/core/" not in rel and rng.random() < 0.015:
        extra, block = o.manager_block(rng)
        blocks.append(block)
    elif not is_test and rng.random() < 0.02:
        extra, block = o.uuid_near_miss(rng)
        blocks.append(block)
    head = o.header(rng, rel, is_test, extra)
    if is_test_module(rel):
        blocks.append(test_class(rng, target - len(head), [], [], [], []))
    else:
        blocks += o.ordinary_blocks(rng, target - len(head), is_test)
    rng.shuffle(blocks)
    return o.join(head, blocks)
