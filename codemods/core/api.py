"""The public API of a module as data: classes, members, kinds and signatures.

The generator and the manager keep changing in the repositories being migrated,
so the tool reads them (``codemods.core.api_reader``) instead of assuming one
version. A member's parameters are those a caller passes (``self``/``cls``
dropped), defaults kept as source text; ``Member.accepts`` answers "would this
call bind?" the way Python binds arguments.

Standard library only (no libcst): the APIs are read before any file is parsed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

#: Parameter kinds, named after ``inspect.Parameter``'s.
POSITIONAL_ONLY = "positional_only"
POSITIONAL_OR_KEYWORD = "positional_or_keyword"
VAR_POSITIONAL = "var_positional"
KEYWORD_ONLY = "keyword_only"
VAR_KEYWORD = "var_keyword"

#: Member kinds.
STATICMETHOD = "staticmethod"
CLASSMETHOD = "classmethod"
METHOD = "method"  # an instance method
PROPERTY = "property"
ATTRIBUTE = "attribute"  # a class-level assignment
FUNCTION = "function"  # a module function
CLASS = "class"  # a module-level class, called to construct it

_CALLABLE_KINDS = (STATICMETHOD, CLASSMETHOD, METHOD, FUNCTION, CLASS)


@dataclass(frozen=True)
class Param:
    name: str
    kind: str
    #: The default's source text (``'"id"'``, ``"None"``), or None when there is none.
    default: str | None = None
    annotation: str | None = None

    @property
    def required(self) -> bool:
        return self.default is None and self.kind not in (VAR_POSITIONAL, VAR_KEYWORD)


@dataclass(frozen=True)
class Fit:
    """Whether a call shape binds to a signature: ``ok`` is None when it cannot be told."""

    ok: bool | None
    reason: str = ""

    def __bool__(self) -> bool:
        return self.ok is True


@dataclass(frozen=True)
class Member:
    name: str
    kind: str
    #: The parameters a caller passes, in order; None when the signature cannot be read.
    params: tuple[Param, ...] | None = ()
    line: int = 0
    is_async: bool = False
    #: Decorators other than staticmethod/classmethod/property, as source text.
    decorators: tuple[str, ...] = ()
    #: Parameters whose text the body reads (sliced, split, matched by a regex, passed to a
    #: member of the same class that reads it): the member parses what it is given.
    inspects: tuple[str, ...] = ()

    @property
    def public(self) -> bool:
        return not self.name.startswith("_")

    @property
    def callable_on_class(self) -> bool:
        """True for members that work as ``Class.member(...)`` without an instance."""
        return self.kind in (STATICMETHOD, CLASSMETHOD, CLASS, FUNCTION)

    def signature(self, annotations: bool = False) -> str:
        """``(prefix="id", *, strict=False)``; ``""`` for attributes and properties, ``(...)`` if unknown."""
        if self.kind in (ATTRIBUTE, PROPERTY):
            return ""
        if self.params is None:
            return "(...)"
        return "(" + ", ".join(_format_params(self.params, annotations)) + ")"

    def accepts(self, positional: int = 0, keywords: Iterable[str] = (), *,
                star_args: bool = False, star_kwargs: bool = False) -> Fit:
        """Would a call with ``positional`` arguments and these keyword names bind?

        ``star_args``/``star_kwargs``: the call also unpacks ``*seq``/``**mapping``;
        then a definite mismatch is still reported, otherwise the answer is unknown.
        """
        if self.kind not in _CALLABLE_KINDS:
            return Fit(False, f"{self.name} is {'a property' if self.kind == PROPERTY else 'an attribute'}, "
                              "not a method")
        if self.params is None:
            return Fit(None, f"the signature of {self.name} cannot be read")
        return _bind(self.name, self.params, positional, tuple(keywords), star_args, star_kwargs)


@dataclass(frozen=True)
class ClassApi:
    name: str
    line: int
    bases: tuple[str, ...] = ()
    members: dict[str, Member] = field(default_factory=dict)
    #: The class called as a constructor (``__init__``'s parameters, or a dataclass's fields).
    constructor: Member | None = None

    def member(self, name: str) -> Member | None:
        return self.members.get(name)


@dataclass(frozen=True)
class ModuleApi:
    """The top level of one module."""

    module: str
    classes: dict[str, ClassApi] = field(default_factory=dict)
    functions: dict[str, Member] = field(default_factory=dict)
    #: Names imported with ``from M import X [as Y]``: local name -> (absolute module, original name).
    imports: dict[str, tuple[str, str]] = field(default_factory=dict)


def _format_params(params: tuple[Param, ...], annotations: bool) -> list[str]:
    out: list[str] = []
    kinds = [p.kind for p in params]
    for i, p in enumerate(params):
        if p.kind == KEYWORD_ONLY and (i == 0 or kinds[i - 1] not in (KEYWORD_ONLY, VAR_POSITIONAL)):
            out.append("*")
        text = {VAR_POSITIONAL: "*", VAR_KEYWORD: "**"}.get(p.kind, "") + p.name
        if annotations and p.annotation:
            text += f": {p.annotation}"
        if p.default is not None:
            text += f" = {p.default}" if annotations and p.annotation else f"={p.default}"
        out.append(text)
        if p.kind == POSITIONAL_ONLY and (i + 1 == len(params) or kinds[i + 1] != POSITIONAL_ONLY):
            out.append("/")
    return out


def _bind(name: str, params: tuple[Param, ...], positional: int, keywords: tuple[str, ...],
          star_args: bool, star_kwargs: bool) -> Fit:
    slots = [p for p in params if p.kind in (POSITIONAL_ONLY, POSITIONAL_OR_KEYWORD)]
    has_var_pos = any(p.kind == VAR_POSITIONAL for p in params)
    has_var_kw = any(p.kind == VAR_KEYWORD for p in params)
    if positional > len(slots) and not has_var_pos:
        return Fit(False, f"{name} takes at most {len(slots)} positional arguments, {positional} given")
    bound = {p.name for p in slots[:positional]}
    by_name = {p.name: p for p in params if p.kind in (POSITIONAL_OR_KEYWORD, KEYWORD_ONLY, POSITIONAL_ONLY)}
    for key in keywords:
        param = by_name.get(key)
        if param is None or param.kind == POSITIONAL_ONLY:
            if has_var_kw:
                continue  # **kwargs takes it
            if param is None:
                return Fit(False, f"{name} has no parameter {key!r}")
            return Fit(False, f"{key!r} is a positional-only parameter of {name}")
        if key in bound:
            return Fit(False, f"{name} got multiple values for {key!r}")
        bound.add(key)
    missing = [p for p in params if p.required and p.name not in bound]
    if star_args:
        missing = [p for p in missing if p.kind == KEYWORD_ONLY]
    if star_kwargs:
        missing = [p for p in missing if p.kind == POSITIONAL_ONLY]
    if missing:
        return Fit(False, f"{name} needs {missing[0].name!r}")
    if star_args or star_kwargs:
        return Fit(None, "the call unpacks *args/**kwargs: what they hold cannot be known")
    return Fit(True)
