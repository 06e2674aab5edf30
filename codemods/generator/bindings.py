"""Which names in a file refer to the generator, asked about the libcst nodes the transformer meets.

Full ``ScopeProvider``/``QualifiedNameProvider`` metadata costs several times the
parse, so imports, aliases and instance bindings are collected from the stdlib ``ast``
tree that ``chunks`` already built (``instances.names``: no libcst pass at all), and the
scopes the walk is in are tracked as it goes (``instances.scopes``).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Iterable

import libcst as cst

from codemods.engine.nodes import dotted_name
from codemods.generator.instances.names import BoundNames, collect_names
from codemods.generator.instances.scopes import FRESH, Scopes, key
from codemods.generator.rules import GENERATOR_CLASS, RuleSet

#: Calls that make a fresh thread ID, whatever they are called on.
THREAD_MAKERS = ("generate_thread_id",)


@dataclass
class Bindings(BoundNames):
    """Names through which a file reaches the generator, and the scope the walk is in."""

    scopes: Scopes = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.scopes = Scopes(self)

    @property
    def uses_generator(self) -> bool:
        return bool(self.class_refs or self.helper_refs or self.module_refs or self.star_import)

    def is_class_ref(self, node: cst.BaseExpression) -> bool:
        name = dotted_name(node)
        return name is not None and name in self.class_refs

    def instance_key(self, node: cst.BaseExpression) -> str | None:
        """The binding (``instances.scopes``) that ``node`` reads, or None when it holds no generator."""
        if isinstance(node, cst.Name):
            return self.scopes.name_key(node.value)
        if isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name):
            if node.value.value in ("self", "cls") and node.attr.value in self.instance_attrs:
                return key("attr", node.attr.value)
            return None
        if isinstance(node, cst.Call) and self.is_instantiation(node):  # UnifiedIdGenerator().member(...)
            return FRESH
        return None

    def is_instance_ref(self, node: cst.BaseExpression) -> bool:
        return self.instance_key(node) is not None

    def member_access(self, node: cst.BaseExpression) -> tuple[str, bool] | None:
        """(member, through_instance) when node is ``<generator>.<member>``."""
        if not isinstance(node, cst.Attribute):
            return None
        if self.is_class_ref(node.value):
            return node.attr.value, False
        if self.is_instance_ref(node.value):
            return node.attr.value, True
        return None

    def is_instantiation(self, node: cst.BaseExpression) -> bool:
        """``UnifiedIdGenerator()``."""
        return isinstance(node, cst.Call) and not node.args and self.is_class_ref(node.func)

    def helper_for(self, node: cst.BaseExpression) -> str | None:
        name = dotted_name(node)
        return self.helper_refs.get(name) if name else None

    def words(self, rules: RuleSet) -> tuple[str, ...]:
        """Words without which a simple statement cannot hold a generator usage (or a thread ID)."""
        words = {GENERATOR_CLASS, "unified_id_generator", "__all__", *THREAD_MAKERS}
        words |= {ref.split(".")[0] for ref in (*self.class_refs, *self.helper_refs, *self.module_refs)}
        words |= self.instance_names | self.instance_attrs | self.imported_names
        words |= self.fixture_names | self.annotated_params
        words |= set(rules.source_modules)
        return tuple(sorted(words))


def collect_bindings(every_statement: list[ast.stmt], source_modules: tuple[str, ...],
                     inherited_fixtures: Iterable[str] = ()) -> Bindings:
    """The file's bindings; ``inherited_fixtures``: generator fixtures of the conftest.py files above it."""
    return collect_names(Bindings(), every_statement, source_modules, inherited_fixtures)  # type: ignore[return-value]
