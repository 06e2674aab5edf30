"""The names through which a file reaches the generator, read from the stdlib ``ast`` tree that
``chunks`` already built (no libcst here: the pipeline's conftest pre-pass uses it too).

It is file-wide and name-based: good enough for the shapes real code has. Which of those
names is a binding at a given point of the libcst walk (a parameter shadowing it, a test
parameter named after a fixture) is decided by ``scopes``.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Iterable

from codemods.core.ast_names import dotted
from codemods.generator.instances.fixtures import generator_fixtures
from codemods.generator.rules import GENERATOR_CLASS, MODULE_HELPERS

#: ``Optional[X]`` / ``typing.Optional[X]``: an annotation that still names X.
_OPTIONAL = ("Optional", "typing.Optional")


@dataclass
class BoundNames:
    """Names through which a file reaches the generator."""

    #: Local names (or dotted paths) bound to the generator class.
    class_refs: set[str] = field(default_factory=set)
    #: Local names (or dotted paths) bound to module helpers -> helper name.
    helper_refs: dict[str, str] = field(default_factory=dict)
    #: Variables assigned ``UnifiedIdGenerator()``.
    instance_names: set[str] = field(default_factory=set)
    #: Attributes assigned ``UnifiedIdGenerator()`` on ``self``/``cls``, and class-body names
    #: assigned one (read as ``self.<name>``).
    instance_attrs: set[str] = field(default_factory=set)
    #: Local names the file imports from generator modules (candidates for removal).
    imported_names: set[str] = field(default_factory=set)
    #: Module aliases/paths imported whole: ``uig`` for ``import ...unified_id_generator as uig``.
    module_refs: set[str] = field(default_factory=set)
    star_import: bool = False
    #: Fixtures defined in this file that hand out a generator instance.
    fixtures: set[str] = field(default_factory=set)
    #: Generator fixtures of a conftest.py above the file that the file does not redefine.
    inherited_fixtures: set[str] = field(default_factory=set)
    #: Parameters annotated with the generator class (``gen: UnifiedIdGenerator``).
    annotated_params: set[str] = field(default_factory=set)

    @property
    def fixture_names(self) -> set[str]:
        return self.fixtures | self.inherited_fixtures

    def generator_refs(self) -> frozenset[str]:
        """Dotted names a member call can be made on to reach the generator (class, alias,
        instance, fixture, annotated parameter, ``self.<attr>``): what parser calls are matched on."""
        return frozenset({*self.class_refs, *self.instance_names, *self.fixture_names, *self.annotated_params,
                          *(f"{owner}.{attr}" for attr in self.instance_attrs for owner in ("self", "cls"))})


def collect_names(into: BoundNames, every_statement: list[ast.stmt], source_modules: tuple[str, ...],
                  inherited_fixtures: Iterable[str] = ()) -> BoundNames:
    """Fill ``into`` from imports and assignments anywhere in the file, in source order
    (an alias counts from where it is bound, as a reader would see it), then from its
    fixtures and annotated parameters."""
    class_level = {id(s) for node in every_statement if isinstance(node, ast.ClassDef) for s in node.body}
    for node in every_statement:
        if isinstance(node, ast.ImportFrom):
            _bind_import_from(into, node, source_modules)
        elif isinstance(node, ast.Import):
            _bind_import(into, node, source_modules)
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                _bind_target(into, target, node.value, id(node) in class_level)
        elif isinstance(node, ast.AnnAssign):
            _bind_target(into, node.target, node.value, id(node) in class_level)
    fixtures, every_fixture = generator_fixtures(every_statement, into.class_refs)
    into.fixtures |= fixtures
    # A fixture the file defines itself (generator or not) hides the conftest's one.
    into.inherited_fixtures |= set(inherited_fixtures) - every_fixture
    if into.class_refs:
        for node in every_statement:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                arguments = node.args
                for arg in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs):
                    if arg.annotation is not None and names_class(arg.annotation, into.class_refs):
                        into.annotated_params.add(arg.arg)
    return into


def names_class(annotation: ast.expr, class_refs: set[str]) -> bool:
    """Does the annotation say "a generator": ``X``, ``Optional[X]``, ``X | None``, ``"X"``?"""
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
        try:
            annotation = ast.parse(annotation.value.strip(), mode="eval").body
        except SyntaxError:
            return False
    if isinstance(annotation, ast.Subscript) and dotted(annotation.value) in _OPTIONAL:
        return names_class(annotation.slice, class_refs)
    if isinstance(annotation, ast.BinOp) and isinstance(annotation.op, ast.BitOr):
        sides = (annotation.left, annotation.right)
        none = [s for s in sides if isinstance(s, ast.Constant) and s.value is None]
        return len(none) == 1 and any(names_class(s, class_refs) for s in sides if s not in none)
    return dotted(annotation) in class_refs


def _bind_import_from(b: BoundNames, node: ast.ImportFrom, source_modules: tuple[str, ...]) -> None:
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


def _bind_import(b: BoundNames, node: ast.Import, source_modules: tuple[str, ...]) -> None:
    for alias in node.names:
        if alias.name not in source_modules:
            continue
        ref = alias.asname or alias.name
        b.module_refs.add(ref)
        b.class_refs.add(f"{ref}.{GENERATOR_CLASS}")
        for helper in MODULE_HELPERS:
            b.helper_refs[f"{ref}.{helper}"] = helper


def _bind_target(b: BoundNames, target: ast.expr, value: ast.expr | None, in_class_body: bool) -> None:
    is_instance = (
        isinstance(value, ast.Call) and not value.args and not value.keywords
        and dotted(value.func) in b.class_refs
    )
    if is_instance:
        if isinstance(target, ast.Name):
            (b.instance_attrs if in_class_body else b.instance_names).add(target.id)
        elif isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name):
            if target.value.id in ("self", "cls"):
                b.instance_attrs.add(target.attr)
    elif value is not None and isinstance(target, ast.Name) and dotted(value) in b.class_refs:
        b.class_refs.add(target.id)  # Gen = UnifiedIdGenerator
