"""One cheap pass that learns which names in a file refer to the generator.

Full ``ScopeProvider``/``QualifiedNameProvider`` metadata costs several times the
parse (SPEC 7), so this visitor tracks imports, aliases and instance bindings
itself. It is file-wide and name-based: good enough for the shapes real code has.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst

from codemods.pruning import Pruning, SourceMap
from codemods.rules import GENERATOR_CLASS, MODULE_HELPERS

#: Names the rewrite may add: a file binding one of them otherwise is a clash (IDM091).
MANAGER_NAMES = ("UnifiedIDManager", "IDType", "get_id_manager", "is_valid_id_format")


def dotted_name(node: cst.BaseExpression) -> str | None:
    """``a.b.c`` for a Name/Attribute chain, else None."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        head = dotted_name(node.value)
        return None if head is None else f"{head}.{node.attr.value}"
    return None


def module_name(node: cst.BaseExpression | None) -> str:
    return (dotted_name(node) or "") if node is not None else ""


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
    #: Every name the file binds (assignment, def, class, import), for clash checks.
    bound_names: set[str] = field(default_factory=set)
    #: Names imported from each module, to tell a clash from an existing manager import.
    imports_by_module: dict[str, set[str]] = field(default_factory=dict)

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

    def helper_for(self, node: cst.BaseExpression) -> str | None:
        name = dotted_name(node)
        return self.helper_refs.get(name) if name else None


class BindingCollector(Pruning, cst.CSTVisitor):
    """Fills a ``Bindings`` from imports and assignments anywhere in the module."""

    def prune_words(self) -> tuple[str, ...]:
        """The fixed words plus every alias found so far (``as IDs``: then ``_ids = IDs()`` matters)."""
        b = self.bindings
        extra = {ref.split(".")[0] for ref in (*b.class_refs, *b.helper_refs)} - set(self.words)
        return (*self.words, *sorted(extra)) if extra else self.words

    def __init__(self, source_modules: tuple[str, ...], texts: SourceMap) -> None:
        self.source_modules = source_modules
        self.bindings = Bindings()
        self.texts = texts
        self.words = (
            GENERATOR_CLASS, *MODULE_HELPERS, *MANAGER_NAMES,
            *{m.rsplit(".", 1)[-1] for m in source_modules},
        )

    def _from_source(self, module: str) -> bool:
        return module in self.source_modules

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        module = module_name(node.module) if not node.relative else ""
        b = self.bindings
        if isinstance(node.names, cst.ImportStar):
            if self._from_source(module):
                b.star_import = True
                b.class_refs.add(GENERATOR_CLASS)
                b.helper_refs.update({h: h for h in MODULE_HELPERS})
            return False
        for alias in node.names:
            imported = dotted_name(alias.name) or ""
            local = alias.evaluated_alias or imported
            b.bound_names.add(local)
            b.imports_by_module.setdefault(module, set()).add(local)
            # The class re-exported from anywhere (e.g. a service's __init__) is still the generator.
            if imported == GENERATOR_CLASS:
                b.class_refs.add(local)
                b.imported_names.add(local)
            elif imported in MODULE_HELPERS and self._from_source(module):
                b.helper_refs[local] = imported
                b.imported_names.add(local)
        return False

    def visit_Import(self, node: cst.Import) -> bool:
        b = self.bindings
        for alias in node.names:
            module = dotted_name(alias.name) or ""
            local = alias.evaluated_alias
            b.bound_names.add(local or module.split(".")[0])
            if not self._from_source(module):
                continue
            ref = local or module
            b.module_refs.add(ref)
            b.class_refs.add(f"{ref}.{GENERATOR_CLASS}")
            for helper in MODULE_HELPERS:
                b.helper_refs[f"{ref}.{helper}"] = helper
        return False

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.bindings.bound_names.add(node.name.value)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.bindings.bound_names.add(node.name.value)

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            self._bind_target(target.target, node.value)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._bind_target(node.target, node.value)

    def _bind_target(self, target: cst.BaseExpression, value: cst.BaseExpression | None) -> None:
        b = self.bindings
        if isinstance(target, cst.Name):
            b.bound_names.add(target.value)
        is_instance = (
            isinstance(value, cst.Call) and not value.args and b.is_class_ref(value.func)
        )
        if is_instance:
            if isinstance(target, cst.Name):
                b.instance_names.add(target.value)
            elif isinstance(target, cst.Attribute) and isinstance(target.value, cst.Name):
                if target.value.value in ("self", "cls"):
                    b.instance_attrs.add(target.attr.value)
        elif value is not None and isinstance(target, cst.Name) and b.is_class_ref(value):
            b.class_refs.add(target.value)  # Gen = UnifiedIdGenerator


def collect_bindings(module: cst.Module, source_modules: tuple[str, ...], texts: SourceMap | None = None) -> Bindings:
    collector = BindingCollector(source_modules, texts or SourceMap(module))
    module.visit(collector)
    return collector.bindings
