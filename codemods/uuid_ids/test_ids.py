"""``test-ids`` (SPEC 4.6, phase 3): ``uuid.uuid4().hex[:8]``-style test identifiers become manager calls.

Test files only. The site analysis is ``adhoc-ids``' (``codemods.uuid_ids.adhoc_ids``); the
policy differs: a test identifier only has to be unique, so one whose type nothing
names takes the fallback type instead of being left to a human. A site whose
format the test asserts on (``len(x) == 8``, ``re.match(...)``, ``uuid.UUID(x)``)
is ``manual``: a manager ID would fail that assertion. With ``test_id_helper``
configured, sites call that helper (imported) instead of the manager.
"""

from __future__ import annotations

import libcst as cst

from codemods.uuid_ids.adhoc_ids import (
    Decision, Site, Typed, UuidNames, UuidSiteTransformer, collect_uuid_names, computed_suggestion, is_api_file,
    manual, resolve, words, _uuid_word,
)
from codemods.generator.bindings import dotted_name
from codemods.engine.pruning import has_comment, nodes_of
from codemods.generator.rules import RuleSet
from codemods.core.safety import Safety
from codemods.uuid_ids.uuid_imports import import_helper
from codemods.uuid_ids.uuid_rules import TEST_IDS

#: String methods whose use in an assertion checks the text's shape.
_SHAPE_METHODS = frozenset({
    "startswith", "endswith", "isalnum", "isalpha", "isdigit", "isdecimal", "isnumeric", "islower", "isupper",
    "isidentifier", "isascii", "count", "split", "rsplit", "partition", "rpartition", "index", "find",
})
_SHAPE_FUNCS = frozenset({"len", "int"})
_MATCH_METHODS = frozenset({"match", "fullmatch", "search", "findall", "UUID", "assertRegex", "assertNotRegex",
                            "assertRegexpMatches", "assertNotRegexpMatches"})
_PATTERN_WORDS = frozenset({"pattern", "regex", "re", "uuid", "hex", "format", "fmt"})
_REGEX_MARKS = ("[0-9a-f", "[a-f0-9", "\\d", "{8}", "{32}", "{36}")


def is_test_path(path: str) -> bool:
    """Under a ``tests/`` directory, or named ``test_*.py``, ``*_test.py`` or ``conftest.py``."""
    parts = path.replace("\\", "/").split("/")
    name = parts[-1]
    return ("tests" in parts[:-1] or name.startswith("test_") or name.endswith("_test.py")
            or name == "conftest.py")


# ------------------------------------------------------------------ format assertions
def _in_assertion(stack: list[cst.CSTNode], i: int) -> bool:
    for node in stack[:i]:
        if isinstance(node, cst.Assert):
            return True
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value.startswith("assert"):
            return True
    return False


def _looks_like_pattern(node: cst.CSTNode) -> bool:
    name = dotted_name(node) if isinstance(node, (cst.Name, cst.Attribute)) else None
    if name:
        return bool(_PATTERN_WORDS & set(words(name.rsplit(".", 1)[-1])))
    if isinstance(node, (cst.SimpleString, cst.ConcatenatedString)):
        text = node.evaluated_value
        return isinstance(text, str) and any(mark in text for mark in _REGEX_MARKS)
    return False


def format_use(stack: list[cst.CSTNode], i: int, names: UuidNames) -> bool:
    """Is the expression at ``stack[i]`` checked for its shape by an assertion?"""
    if i < 1 or not _in_assertion(stack, i):
        return False
    node, parent = stack[i], stack[i - 1]
    if isinstance(parent, cst.Arg) and parent.value is node and i >= 2 and isinstance(stack[i - 2], cst.Call):
        func = dotted_name(stack[i - 2].func) or ""
        parts = func.split(".")
        return (func in _SHAPE_FUNCS or parts[0] == "re" or parts[-1] in _MATCH_METHODS
                or parts[0] in names.modules)
    if isinstance(parent, cst.Attribute) and parent.value is node:
        return parent.attr.value in _SHAPE_METHODS
    if isinstance(parent, cst.Subscript) and parent.value is node:
        return True
    if isinstance(parent, cst.Comparison):
        operands = [parent.left, *(c.comparator for c in parent.comparisons)]
        return any(_looks_like_pattern(op) for op in operands if op is not node)
    return False


def _scope_key(stack: list[cst.CSTNode], dotted: str) -> int:
    """``self.x`` lives in its class; a plain name in its function (or the module)."""
    kinds = (cst.ClassDef,) if dotted.startswith(("self.", "cls.")) else (cst.FunctionDef,)
    for node in reversed(stack):
        if isinstance(node, kinds):
            return id(node)
    return id(stack[0]) if stack else 0


class _FormatChecks(cst.CSTVisitor):
    """(scope, dotted name) pairs whose shape an assertion checks."""

    def __init__(self, names: UuidNames) -> None:
        super().__init__()
        self.names = names
        self.stack: list[cst.CSTNode] = []
        self.checked: set[tuple[int, str]] = set()

    def on_visit(self, node: cst.CSTNode) -> bool:
        self.stack.append(node)
        if isinstance(node, (cst.Name, cst.Attribute)):
            dotted = dotted_name(node)
            if dotted and format_use(self.stack, len(self.stack) - 1, self.names):
                self.checked.add((_scope_key(self.stack, dotted), dotted))
        return True

    def on_leave(self, original_node: cst.CSTNode) -> None:
        self.stack.pop()


# ------------------------------------------------------------------ transformer
class TestIdsTransformer(UuidSiteTransformer):
    RECIPE = TEST_IDS
    __test__ = False  # not a pytest class

    def __init__(self, module: cst.Module, rules: RuleSet, names: UuidNames,
                 helper: tuple[str, str] | None, helper_clash: bool) -> None:
        super().__init__(module, rules, names)
        #: (module, function) of the configured test_id_helper, when this file may use it.
        self.helper = helper
        self.helper_clash = helper_clash
        checks = _FormatChecks(names)
        module.visit(checks)
        self._checked = checks.checked

    def _asserted(self, site: Site, ancestors: list[cst.CSTNode]) -> bool:
        if format_use(ancestors, len(ancestors) - 1, self.names):
            return True
        return bool(site.dotted) and (_scope_key(ancestors, site.dotted), site.dotted) in self._checked

    def decide(self, site: Site, ancestors: list[cst.CSTNode]) -> Decision | None:
        if has_comment(site.root):
            return manual("IDM214")
        if site.problem == "other":
            return manual("IDM211")
        if site.problem == "computed":
            return manual("IDM212", computed_suggestion(site, self.module))
        if not site.prefixed and _uuid_word(site.name):
            return manual("IDM213")
        typed = resolve(site, self.rules, with_fallback=True) or Typed(
            self.rules.fallback_type, None, "nothing names the ID: the fallback type")
        node = self.build(site, typed)
        if self._asserted(site, ancestors):
            return manual("IDM210", self.module.code_for_node(node) + "  # and fix the assertion")
        if self.helper is not None and self.helper_clash:
            call = self.module.code_for_node(node.with_changes(func=cst.Name(self.helper[1])))
            return manual("IDM215", f"{call}  # after renaming the local {self.helper[1]}")
        code = "IDM203" if self.helper is not None else ("IDM202" if site.prefixed else "IDM201")
        how = typed.how + (f"; calls the configured test_id_helper {self.helper[1]}()" if code == "IDM203" else "")
        return Decision(code, Safety.FORMAT, how, node)

    def build(self, site: Site, typed: Typed) -> cst.BaseExpression:
        call = super().build(site, typed)
        if self.helper is not None and not self.helper_clash:
            return call.with_changes(func=cst.Name(self.helper[1]))
        return call

    def cleanup(self, module: cst.Module) -> cst.Module:
        module = super().cleanup(module)
        if self.applied and self.helper is not None:
            module = import_helper(module, *self.helper)
        return module


def _module_of(path: str) -> str:
    posix = path.replace("\\", "/")
    module = posix[:-3] if posix.endswith(".py") else posix
    return module.replace("/", ".").removesuffix(".__init__")


def _binds_elsewhere(module: cst.Module, name: str, helper_module: str) -> bool:
    """Does the file bind ``name`` other than by importing it from the helper's module?"""
    found = nodes_of(module, cst.FunctionDef, cst.ClassDef, cst.AssignTarget, cst.AnnAssign, cst.Import, cst.ImportFrom)
    for node in found:
        if isinstance(node, (cst.FunctionDef, cst.ClassDef)) and node.name.value == name:
            return True
        if isinstance(node, (cst.AssignTarget, cst.AnnAssign)) and isinstance(node.target, cst.Name) \
                and node.target.value == name:
            return True
    for node in (n for n in found if isinstance(n, (cst.Import, cst.ImportFrom))):
        if isinstance(node.names, cst.ImportStar):
            continue
        from_helper = (isinstance(node, cst.ImportFrom) and not node.relative and node.module is not None
                       and dotted_name(node.module) == helper_module)
        for alias in node.names:
            local = alias.evaluated_alias or (dotted_name(alias.name) or "").split(".")[0]
            if local == name and not from_helper:
                return True
    return False


def build_test_ids_transformer(module, source, path, rules, bindings):
    """The ``test-ids`` transformer for a test file that imports uuid4, else None."""
    if b"uuid" not in source or not is_test_path(path) or is_api_file(path, rules):
        return None
    names = collect_uuid_names(module)
    if not names.all:
        return None
    helper = None
    clash = False
    if rules.test_id_helper:
        helper_module, _, func = rules.test_id_helper.partition(":")
        if helper_module != _module_of(path):
            helper = (helper_module, func)
            clash = func.encode() in source and _binds_elsewhere(module, func, helper_module)
    return TestIdsTransformer(module, rules, names, helper, clash)

