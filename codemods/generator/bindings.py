"""Which names in a file refer to the generator.

Full ``ScopeProvider``/``QualifiedNameProvider`` metadata costs several times the
parse, so imports, aliases and instance bindings are tracked here from
the stdlib ``ast`` tree that ``chunks`` already built: no libcst pass at all. It
is file-wide and name-based: good enough for the shapes real code has. The
queries (``is_class_ref`` ...) take the libcst nodes the transformer meets.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

import libcst as cst

from codemods.engine.nodes import dotted_name
from codemods.generator.rules import GENERATOR_CLASS, MODULE_HELPERS, RuleSet

#: Calls that make a fresh thread ID, whatever they are called on.
THREAD_MAKERS = ("generate_thread_id",)


@dataclass
class Bindings:
    """Names through which a file reaches the generator."""

    #: Local names (or dotted paths) bound to the generator class.
    class_refs: set[str] = field(default_factory=set)
    #: Local names (or dotted paths) bound to module helpers -> helper name.
    helper_refs: dict[str, str] = field(default_factory=dict)
    #: Variables assigned ``UnifiedIdGenerator()``.
    instance_names: set[str] = field(default_factory=set)
    #: Attributes assigned ``UnifiedIdGenerator()`` on ``self``/``cls``.
    instance_attrs: set[str] = field(default_factory=set)
    #: Local names the file imports from generator modules (candidates for removal).
    imported_names: set[str] = field(default_factory=set)
    #: Module aliases/paths imported whole: ``uig`` for ``import ...unified_id_generator as uig``.
    module_refs: set[str] = field(default_factory=set)
    star_import: bool = False

    @property
    def uses_generator(self) -> bool:
        return bool(self.class_refs or self.helper_refs or self.module_refs or self.star_import)

    def is_class_ref(self, node: cst.BaseExpression) -> bool:
        name = dotted_name(node)
        return name is not None and name in self.class_refs

    def is_instance_ref(self, node: cst.BaseExpression) -> bool:
        if isinstance(node, cst.Name):
            return node.value in self.instance_names
        if isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name):
            return node.value.value in ("self", "cls") and node.attr.value in self.instance_attrs
        if isinstance(node, cst.Call):  # UnifiedIdGenerator().member(...)
            return self.is_class_ref(node.func) and not node.args
        return False

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
        words |= set(rules.source_modules)
        return tuple(sorted(words))


def _dotted(node: ast.expr) -> str | None:
    """``a.b.c`` for a stdlib Name/Attribute chain, else None."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        head = _dotted(node.value)
        return None if head is None else f"{head}.{node.attr}"
    return None


def collect_bindings(every_statement: list[ast.stmt], source_modules: tuple[str, ...]) -> Bindings:
    """Fill a ``Bindings`` from imports and assignments anywhere in the file, in source order
    (an alias counts from where it is bound, as a reader would see it)."""
    b = Bindings()
    for node in every_statement:
        if isinstance(node, ast.ImportFrom):
            _bind_import_from(b, node, source_modules)
        elif isinstance(node, ast.Import):
            _bind_import(b, node, source_modules)
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                _bind_target(b, target, node.value)
        elif isinstance(node, ast.AnnAssign):
            _bind_target(b, node.target, node.value)
    return b


def _bind_import_from(b: Bindings, node: ast.ImportFrom, source_modules: tuple[str, ...]) -> None:
    module = (node.module or "") if not node.level else ""
    from_source = module in source_modules
    if node.names[0].name == "*":
        if from_source:
            b.star_import = True
            b.class_refs.add(GENERATOR_CLASS)
            b.helper_refs.update({h: h for h in MODULE_HELPERS})
        return
    for alias in node.names:
        local = alias.asname or alias.name
        # The class re-exported from anywhere (e.g. a service's __init__) is still the generator.
        if alias.name == GENERATOR_CLASS:
            b.class_refs.add(local)
            b.imported_names.add(local)
        elif alias.name in MODULE_HELPERS and from_source:
            b.helper_refs[local] = alias.name
            b.imported_names.add(local)


def _bind_import(b: Bindings, node: ast.Import, source_modules: tuple[str, ...]) -> None:
    for alias in node.names:
        if alias.name not in source_modules:
            continue
        ref = alias.asname or alias.name
        b.module_refs.add(ref)
        b.class_refs.add(f"{ref}.{GENERATOR_CLASS}")
        for helper in MODULE_HELPERS:
            b.helper_refs[f"{ref}.{helper}"] = helper


def _bind_target(b: Bindings, target: ast.expr, value: ast.expr | None) -> None:
    is_instance = (
        isinstance(value, ast.Call) and not value.args and not value.keywords
        and _dotted(value.func) in b.class_refs
    )
    if is_instance:
        if isinstance(target, ast.Name):
            b.instance_names.add(target.id)
        elif isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name):
            if target.value.id in ("self", "cls"):
                b.instance_attrs.add(target.attr)
    elif value is not None and isinstance(target, ast.Name) and _dotted(value) in b.class_refs:
        b.class_refs.add(target.id)  # Gen = UnifiedIdGenerator
