"""Reading a module's API with ``ast``: member kinds, signatures, and whether a call binds."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from codemods.core.api import (
    ATTRIBUTE, CLASS, CLASSMETHOD, FUNCTION, KEYWORD_ONLY, METHOD, POSITIONAL_ONLY, POSITIONAL_OR_KEYWORD, PROPERTY,
    STATICMETHOD, VAR_KEYWORD, VAR_POSITIONAL, Member, Param,
)
from codemods.core.api_reader import ApiParseError, parse_module

SOURCE = '''
import functools
from dataclasses import dataclass, field
from typing import overload

DEFAULT_TTL = 3600


class Gen:
    counter: int = 0
    _lock = object()

    def __init__(self, seed: int = 7) -> None:
        self.seed = seed

    @staticmethod
    def base(prefix: str = "id", include_random: bool = True, random_length: int = 8) -> str: ...

    @classmethod
    def batch(cls, prefix, count, *, include_random=True): ...

    def instance(self, a, /, b, *rest, flag=False, **extra): ...

    async def fetch(self, key='k'): ...

    @property
    def size(self) -> int: ...

    @size.setter
    def size(self, value) -> None: ...

    @functools.lru_cache(maxsize=None)
    def cached(self, key, ttl=DEFAULT_TTL): ...

    @some_registry.register("x")
    def wrapped(self, a): ...

    if DEFAULT_TTL:
        @classmethod
        def in_branch(cls, x=(1, 2), y=lambda: {"a": [1]}): ...


@dataclass(frozen=True)
class Parts:
    prefix: str
    counter: int = 0
    tags: list = field(default_factory=list)
    hidden: str = field(init=False, default="")
    needed: str = field(repr=False)
    kind: "ClassVar[str]" = "parts"


class Child(Gen):
    pass


class Plain:
    pass


def module_function(user_id, operation="context"): ...


@overload
def over(x: int) -> int: ...
@overload
def over(x: str) -> str: ...
def over(x, strict=False): ...


try:
    from fast import speedy
except ImportError:
    def speedy(n, *args, **kwargs): ...

alias = module_function
batch_alias = Gen.batch
not_a_function = 3
'''


@pytest.fixture(scope="module")
def api():
    return parse_module(textwrap.dedent(SOURCE), "pkg.mod")


def test_every_member_kind(api):
    gen = api.classes["Gen"]
    kinds = {name: m.kind for name, m in gen.members.items()}
    assert kinds == {
        "counter": ATTRIBUTE, "_lock": ATTRIBUTE, "__init__": METHOD, "base": STATICMETHOD, "batch": CLASSMETHOD,
        "instance": METHOD, "fetch": METHOD, "size": PROPERTY, "cached": METHOD, "wrapped": METHOD,
        "in_branch": CLASSMETHOD,
    }
    assert gen.members["fetch"].is_async
    assert api.functions["module_function"].kind == FUNCTION
    assert gen.constructor.kind == CLASS and gen.constructor.signature() == "(seed=7)"
    assert [m.public for m in (gen.members["_lock"], gen.members["base"])] == [False, True]


def test_callers_view_drops_self_and_cls(api):
    gen = api.classes["Gen"]
    assert gen.members["batch"].signature() == "(prefix, count, *, include_random=True)"
    assert gen.members["instance"].signature() == "(a, /, b, *rest, flag=False, **extra)"
    assert gen.members["size"].signature() == "" and gen.members["size"].params == ()
    assert gen.members["base"].callable_on_class and gen.members["batch"].callable_on_class
    assert not gen.members["instance"].callable_on_class


def test_defaults_and_annotations_are_source_text(api):
    base = api.classes["Gen"].members["base"]
    assert base.params == (
        Param("prefix", POSITIONAL_OR_KEYWORD, '"id"', "str"),
        Param("include_random", POSITIONAL_OR_KEYWORD, "True", "bool"),
        Param("random_length", POSITIONAL_OR_KEYWORD, "8", "int"),
    )
    assert base.signature(annotations=True) == '(prefix: str = "id", include_random: bool = True, random_length: int = 8)'
    assert api.classes["Gen"].members["fetch"].params[0].default == "'k'"
    assert api.classes["Gen"].members["cached"].params[1].default == "DEFAULT_TTL"
    in_branch = api.classes["Gen"].members["in_branch"]
    assert [p.default for p in in_branch.params] == ["(1, 2)", 'lambda: {"a": [1]}']


def test_parameter_kinds_with_star_args_and_kwargs(api):
    instance = api.classes["Gen"].members["instance"]
    assert [(p.name, p.kind, p.required) for p in instance.params] == [
        ("a", POSITIONAL_ONLY, True), ("b", POSITIONAL_OR_KEYWORD, True), ("rest", VAR_POSITIONAL, False),
        ("flag", KEYWORD_ONLY, False), ("extra", VAR_KEYWORD, False),
    ]
    speedy = api.functions["speedy"]  # the fallback defined in the except branch
    assert speedy.signature() == "(n, *args, **kwargs)"


def test_dataclass_constructor_follows_its_fields(api):
    parts = api.classes["Parts"].constructor
    assert parts.signature() == "(prefix, counter=0, tags=field(default_factory=list), needed)"
    assert [p.required for p in parts.params] == [True, False, False, True]


def test_constructors_that_cannot_be_read_are_unknown(api):
    assert api.classes["Child"].constructor.params is None
    assert api.classes["Child"].constructor.signature() == "(...)"
    assert api.classes["Plain"].constructor.params == ()


def test_signature_changing_decorators_make_it_unknown_transparent_ones_do_not(api):
    members = api.classes["Gen"].members
    assert members["wrapped"].params is None and members["wrapped"].decorators == ('some_registry.register("x")',)
    assert members["cached"].signature() == "(key, ttl=DEFAULT_TTL)"


def test_overloads_give_way_to_the_implementation(api):
    assert api.functions["over"].signature() == "(x, strict=False)"


def test_module_aliases_of_functions_and_classmethods(api):
    assert api.functions["alias"].signature() == "(user_id, operation=\"context\")"
    assert api.functions["batch_alias"].kind == FUNCTION
    assert api.functions["batch_alias"].signature() == "(prefix, count, *, include_random=True)"
    assert "not_a_function" not in api.functions


def test_from_imports_become_absolute():
    source = "from .sibling import A\nfrom ..up import B as C\nfrom . import D\nfrom abs.mod import E\nfrom x import *\n"
    module = parse_module(source, "pkg.sub.mod")
    assert module.imports == {
        "A": ("pkg.sub.sibling", "A"), "C": ("pkg.up", "B"), "D": ("pkg.sub", "D"), "E": ("abs.mod", "E"),
    }
    package = parse_module("from .impl import Gen\n", "pkg.ids", is_package=True)
    assert package.imports == {"Gen": ("pkg.ids.impl", "Gen")}


@pytest.mark.parametrize("source, message", [
    ("def broken(:\n", "does not parse"),
    (b"x = '\xff'\n", "not UTF-8"),
    ("x = 1\0\n", "does not parse"),
])
def test_bad_source_is_one_clear_error(source, message):
    with pytest.raises(ApiParseError, match=message) as info:
        parse_module(source, "m")
    assert "\n" not in str(info.value)


def test_bom_is_accepted():
    assert "f" in parse_module(b"\xef\xbb\xbfdef f(): pass\n", "m").functions


# ------------------------------------------------------------------ accepts

SIG = Member("m", METHOD, parse_module(
    "def m(a, /, b, c=1, *rest, d, e=2, **kw): ...\n", "x").functions["m"].params)
STRICT = Member("s", STATICMETHOD, parse_module("def s(user_id, operation='x', *, flag=False): ...\n", "x")
                .functions["s"].params)


@pytest.mark.parametrize("member, positional, keywords, stars, ok, reason", [
    (STRICT, 1, (), {}, True, ""),
    (STRICT, 2, ("flag",), {}, True, ""),
    (STRICT, 0, ("user_id", "operation"), {}, True, ""),
    (STRICT, 3, (), {}, False, "takes at most 2 positional arguments, 3 given"),
    (STRICT, 0, (), {}, False, "needs 'user_id'"),
    (STRICT, 1, ("user",), {}, False, "has no parameter 'user'"),
    (STRICT, 1, ("user_id",), {}, False, "multiple values for 'user_id'"),
    (STRICT, 0, (), {"star_args": True}, None, "unpacks"),
    (STRICT, 0, (), {"star_kwargs": True}, None, "unpacks"),
    (STRICT, 1, ("nope",), {"star_args": True}, False, "has no parameter 'nope'"),
    (SIG, 2, ("d",), {}, True, ""),
    (SIG, 7, ("d", "anything", "else"), {}, True, ""),  # *rest and **kw take the extra ones
    (SIG, 2, (), {}, False, "needs 'd'"),
    (SIG, 1, ("d",), {}, False, "needs 'b'"),
    (SIG, 0, ("a", "b", "d"), {}, False, "needs 'a'"),  # a is positional-only: **kw swallows the keyword
    (SIG, 0, ("b", "d"), {"star_args": True}, None, "unpacks"),
    (SIG, 0, ("b",), {"star_args": True}, False, "needs 'd'"),  # *seq never fills a keyword-only param
])
def test_accepts_binds_like_python(member, positional, keywords, stars, ok, reason):
    fit = member.accepts(positional, keywords, **stars)
    assert fit.ok is ok and reason in fit.reason
    assert bool(fit) is (ok is True)


def test_accepts_agrees_with_python_binding():
    """Every verdict that is certain matches what ``inspect`` says for the same function."""
    import inspect

    namespace: dict = {}
    exec("def m(a, /, b, c=1, *rest, d, e=2, **kw): ...\ndef s(user_id, operation='x', *, flag=False): ...", namespace)
    for member, func in ((SIG, namespace["m"]), (STRICT, namespace["s"])):
        signature = inspect.signature(func)
        for positional in range(5):
            for keywords in ((), ("d",), ("b", "d"), ("a",), ("flag",), ("user_id",), ("operation", "flag"), ("zz",)):
                try:
                    signature.bind(*range(positional), **dict.fromkeys(keywords))
                    expected = True
                except TypeError:
                    expected = False
                assert member.accepts(positional, keywords).ok is expected, (member.name, positional, keywords)


def test_properties_attributes_and_unknown_signatures(api):
    members = api.classes["Gen"].members
    assert members["size"].accepts().ok is False and "property" in members["size"].accepts().reason
    assert members["counter"].accepts().ok is False and "attribute" in members["counter"].accepts().reason
    assert members["wrapped"].accepts(1).ok is None
    assert api.classes["Parts"].constructor.accepts(1, ("needed",))
    assert not api.classes["Parts"].constructor.accepts(1, ("hidden", "needed"))


def test_the_reader_does_not_import_libcst():
    code = "import sys, codemods.core.api_reader; assert 'libcst' not in sys.modules, 'libcst imported'"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_source_text_is_exact_across_line_ends_and_non_ascii():
    source = ('class C:\r\n    def m(self, a="é\\u00fc", b=(1,\r\n            2), *, c: "Dict[str, ü]" = {"k": \'v\'}):'
              ' ...\f\n    def n(self, d=[\n        1]): ...\r')
    params = {p.name: p for p in parse_module(source, "m").classes["C"].members["m"].params}
    assert params["a"].default == '"é\\u00fc"'
    assert params["b"].default == "(1,\r\n            2)"
    assert (params["c"].annotation, params["c"].default) == ('"Dict[str, ü]"', "{\"k\": 'v'}")
    assert parse_module(source, "m").classes["C"].members["n"].params[0].default == "[\n        1]"


def test_what_a_member_reads_of_its_parameters():
    api = parse_module(textwrap.dedent('''
        import re

        _TAIL = re.compile(r"_(\\d+)$")


        def _parse(text):
            return _TAIL.search(text or "")


        class G:
            @staticmethod
            def parse(id_string, strict=False):
                return _parse(id_string) is not None or strict
            @classmethod
            def same(cls, first, second):
                return cls.parse(first) and cls.parse(second)
            @staticmethod
            def tidy(value):
                return value.strip().lower()
            @staticmethod
            def label(user_id, kind):
                return f"{kind}_{user_id[:8]}"
            @staticmethod
            def count(items):
                return len(items)
    '''))
    members = api.classes["G"].members
    assert api.functions["_parse"].inspects == ("text",)
    assert members["parse"].inspects == ("id_string",)  # through the module function
    assert members["same"].inspects == ("first", "second")  # through another member
    assert members["tidy"].inspects == ("value",)
    assert members["label"].inspects == ()  # slicing into an f-string only embeds the text
    assert members["count"].inspects == ("items",)  # len() reads it (whether it is an ID is for the rules)
