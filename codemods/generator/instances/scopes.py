"""Which name is a binding at the current point of the walk.

A binding is a name that holds a generator instance, keyed by what its instances are decided
by: ``name:gen`` (``gen = UnifiedIdGenerator()``, file-wide), ``attr:id_generator``
(``self.id_generator = ...`` or a class-body name), ``fixture:id_generator`` (a test or
fixture parameter named after a fixture that hands out a generator) and ``param:gen`` (a
parameter annotated with the generator class: no instance of ours to decide). A parameter
that is none of these hides a binding of the same name inside its function.
"""

from __future__ import annotations

import ast
from collections import Counter
from dataclasses import dataclass, field

import libcst as cst

from codemods.engine.nodes import dotted_name, literal_text
from codemods.generator.instances.fixtures import FIXTURE_DECORATORS
from codemods.generator.instances.names import BoundNames, names_class

FRESH = "fresh"  # ``UnifiedIdGenerator().member(...)``: a binding of nothing

_EMPTY = cst.Module(body=[])


def key(kind: str, name: str) -> str:
    return f"{kind}:{name}"


def kind_of(binding: str) -> str:
    return binding.split(":", 1)[0]


@dataclass
class _Frame:
    #: A class body: its names are not visible in the functions nested in it.
    is_class: bool = False
    #: Parameter name -> binding key, or None for a parameter that hides a binding.
    names: dict[str, str | None] = field(default_factory=dict)
    #: The fixture name when this function is a fixture handing out a generator.
    fixture: str | None = None
    #: The function (original node); None for a class body.
    node: cst.FunctionDef | cst.Lambda | None = None


def fixture_name(node: cst.FunctionDef) -> str | None:
    """libcst twin of ``fixtures.fixture_name``."""
    for decorator in node.decorators:
        expr = decorator.decorator
        call = expr if isinstance(expr, cst.Call) else None
        if dotted_name(call.func if call else expr) not in FIXTURE_DECORATORS:
            continue
        for arg in call.args if call else ():
            if arg.keyword is not None and arg.keyword.value == "name" and literal_text(arg.value):
                return literal_text(arg.value)
        return node.name.value
    return None


class Scopes:
    """The stack of function and class scopes the transformer is in."""

    def __init__(self, names: BoundNames) -> None:
        self.names = names
        self._frames: list[_Frame] = []
        #: fixture binding -> how many test/fixture parameters request it in this file.
        self.requested: Counter[str] = Counter()

    # ------------------------------------------------------------- the walk
    def enter_class(self) -> None:
        self._frames.append(_Frame(is_class=True))

    def enter_function(self, node: cst.FunctionDef | cst.Lambda) -> None:
        frame = _Frame(node=node)
        fixture = fixture_name(node) if isinstance(node, cst.FunctionDef) else None
        requests_fixtures = fixture is not None or (
            isinstance(node, cst.FunctionDef) and node.name.value.startswith("test"))
        if fixture in self.names.fixtures:
            frame.fixture = fixture
        hidable = self.names.instance_names | self.names.fixture_names | self.names.annotated_params
        params = node.params
        for param in (*params.posonly_params, *params.params, *params.kwonly_params,
                      params.star_arg, params.star_kwarg):
            if not isinstance(param, cst.Param):
                continue
            name = param.name.value
            if param.annotation is not None and self._names_class(param.annotation.annotation):
                frame.names[name] = key("param", name)
            elif requests_fixtures and name in self.names.fixture_names:
                frame.names[name] = key("fixture", name)
                self.requested[frame.names[name]] += 1
            elif name in hidable:
                frame.names[name] = None
        self._frames.append(frame)

    def leave(self) -> None:
        self._frames.pop()

    # ------------------------------------------------------------ questions
    @property
    def in_class_body(self) -> bool:
        return bool(self._frames) and self._frames[-1].is_class

    @property
    def at_module_level(self) -> bool:
        return not self._frames

    @property
    def function(self) -> cst.FunctionDef | None:
        """The function whose body the walk is in directly (not a class body, not a lambda)."""
        node = self._frames[-1].node if self._frames else None
        return node if isinstance(node, cst.FunctionDef) else None

    @property
    def fixture(self) -> str | None:
        """The generator fixture whose body the walk is in (directly)."""
        return self._frames[-1].fixture if self._frames else None

    def name_key(self, name: str) -> str | None:
        """The binding a bare name refers to here, or None."""
        for frame in reversed(self._frames):
            if not frame.is_class and name in frame.names:
                return frame.names[name]
        return key("name", name) if name in self.names.instance_names else None

    def _names_class(self, annotation: cst.BaseExpression) -> bool:
        if not self.names.class_refs:
            return False
        text = _EMPTY.code_for_node(annotation)
        if not any(ref.rsplit(".", 1)[-1] in text for ref in self.names.class_refs):
            return False
        try:
            return names_class(ast.parse(text.strip(), mode="eval").body, self.names.class_refs)
        except SyntaxError:
            return False
