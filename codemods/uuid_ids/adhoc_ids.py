"""``adhoc-ids`` (SPEC 4.6, phase 2): hand-rolled ``uuid4()`` IDs become manager calls.

``f"txn_{uuid.uuid4().hex[:8]}"``, ``"alert_" + str(uuid.uuid4())`` and
``transaction_id = str(uuid.uuid4())`` become ``get_id_manager().generate_id(IDType.X, ...)``,
the type read off the literal prefix or the target name (``codemods.uuid_ids.uuid_rules``).

The site analysis here (which ``uuid4()`` calls build an ID, with what prefix, for
what name) is shared with ``codemods.uuid_ids.test_ids``; the two recipes differ only in
which files they take and in how they decide a site (``UuidSiteTransformer.decide``).
A uuid that is not an ID (hashed, a token or secret, parsed, a uuid object, a path)
is never touched and not reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import libcst as cst
from libcst.metadata import PositionProvider

from codemods.generator import builders
from codemods.generator.bindings import dotted_name
from codemods.core.findings import Finding
from codemods.generator.prefixes import literal_text
from codemods.engine.pruning import has_comment, nodes_of
from codemods.generator.rules import ID_TYPES, RuleSet
from codemods.core.safety import Safety
from codemods.generator.transformer import TransformState
from codemods.uuid_ids.uuid_imports import drop_dead_uuid_imports
from codemods.uuid_ids.uuid_rules import (
    ADHOC, ID_WORDS, NON_ID_WORDS, SECRET_WORDS, UUID_NAME_TYPES, UUID_RULES, UUID_WORDS, FILLER_WORDS, MAKER_WORDS,
)

_ID_TEXT = re.compile(r"^[A-Za-z0-9_-]*$")
_CAMEL = re.compile(r"([a-z0-9])([A-Z])")
_NOT_IDENT = re.compile(r"[^A-Za-z0-9]+")
#: Calls whose argument is hashed, encoded or parsed: a uuid passed to them is not an ID.
_NOT_ID_MODULES = {"hashlib", "hmac", "secrets", "base64", "binascii", "zlib"}
_NOT_ID_FUNCS = {"UUID", "uuid3", "uuid5", "sha1", "sha256", "sha512", "md5", "blake2b", "b64encode", "hash"}


# ------------------------------------------------------------------ uuid names
@dataclass
class UuidNames:
    """Local names through which a file reaches ``uuid.uuid4``."""

    modules: set[str] = field(default_factory=set)  # import uuid [as _uuid]
    uuid4: set[str] = field(default_factory=set)  # from uuid import uuid4 [as new_uuid]

    @property
    def all(self) -> set[str]:
        return self.modules | self.uuid4

    def is_uuid4_call(self, node: cst.CSTNode) -> bool:
        if not isinstance(node, cst.Call) or node.args:
            return False
        func = node.func
        if isinstance(func, cst.Name):
            return func.value in self.uuid4
        return (isinstance(func, cst.Attribute) and func.attr.value == "uuid4"
                and isinstance(func.value, cst.Name) and func.value.value in self.modules)


class _UuidImports(cst.CSTVisitor):
    def __init__(self) -> None:
        self.names = UuidNames()

    def visit_Import(self, node: cst.Import) -> bool:
        for alias in node.names:
            if dotted_name(alias.name) == "uuid":
                self.names.modules.add(alias.evaluated_alias or "uuid")
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        if node.relative or dotted_name(node.module) != "uuid":
            return False
        if isinstance(node.names, cst.ImportStar):
            self.names.uuid4.add("uuid4")
            return False
        for alias in node.names:
            if dotted_name(alias.name) == "uuid4":
                self.names.uuid4.add(alias.evaluated_alias or "uuid4")
        return False


def collect_uuid_names(module: cst.Module) -> UuidNames:
    visitor = _UuidImports()
    module.visit(visitor)
    return visitor.names


# ------------------------------------------------------------------ words
def words(name: str) -> list[str]:
    """``transactionId`` / ``transaction_id`` / ``"transaction-id"`` -> ``["transaction", "id"]``."""
    return [w for w in _NOT_IDENT.split(_CAMEL.sub(r"\1_\2", name).lower()) if w]


def has_secret(text: str) -> bool:
    lowered = text.lower()
    return any(word in lowered for word in SECRET_WORDS)


def word_type(word: str, rules: RuleSet) -> str | None:
    """IDType value a word names: an IDType value or alias, then ``name_types``, then the defaults."""
    return rules.type_for_word(word) or rules.name_types.get(word) or UUID_NAME_TYPES.get(word)


@dataclass(frozen=True)
class Typed:
    id_type: str
    #: Literal prefix to keep (``None``: none); ``prefix_node`` wins when set (f-string prefixes).
    prefix: str | None
    how: str
    prefix_node: cst.BaseExpression | None = None


def type_from_name(name: str | None, rules: RuleSet, *, with_fallback: bool) -> Typed | None:
    """What an ID name says, by its head word: ``parent_run_id`` -> EXECUTION, ``job_id`` -> the fallback
    type with ``prefix="job"`` (``with_fallback``), ``x`` / ``id`` / ``unique_id`` -> None."""
    if not name:
        return None
    ws = words(name)
    id_name = bool(ws) and ws[-1] in ID_WORDS
    subject = [w for w in (ws[:-1] if id_name else ws) if w not in FILLER_WORDS]
    found = word_type(subject[-1], rules) if subject else None  # the head word: parent_run_id is a run ID
    if found:
        return Typed(found, None, f"the name {name!r} says {found}")
    joined = "_".join(subject)
    if with_fallback and id_name and subject and _ID_TEXT.match(joined):
        return Typed(rules.fallback_type, joined,
                     f"the name {name!r} names no type: the fallback type, {joined!r} kept as prefix=")
    return None


def type_from_literal(text: str, name: str | None, rules: RuleSet) -> Typed:
    """A literal prefix as SPEC 4.1 (a)-(d), with the target name before the fallback type."""
    if text in ID_TYPES:
        return Typed(text, text if rules.keep_prefix else None, f"prefix {text!r} is the IDType value")
    if text in rules.aliases:
        found = rules.aliases[text]
        return Typed(found, text if rules.keep_prefix else None, f"prefix {text!r} is an alias of {found}")
    for word in words(text):
        found = word_type(word, rules)
        if found:
            return Typed(found, text, f"the word {word!r} of prefix {text!r} says {found}; prefix kept")
    by_name = type_from_name(name, rules, with_fallback=False)
    if by_name is not None:
        return Typed(by_name.id_type, text, f"prefix {text!r} names no type, {by_name.how}; prefix kept")
    return Typed(rules.fallback_type, text, f"prefix {text!r} names no type: the fallback type, prefix kept")


# ------------------------------------------------------------------ sites
@dataclass
class Site:
    """One expression that builds an ID from ``uuid4()``."""

    root: cst.BaseExpression
    #: ``text`` (str()/.hex/slice), ``fstring``, ``concat`` or ``fstring_computed``.
    shape: str
    prefix_text: str = ""
    #: For ``fstring_computed``: the f-string left when the uuid part is cut off.
    prefix_node: cst.BaseExpression | None = None
    head_words: tuple[str, ...] = ()
    quote: str = '"'
    #: ``other`` (uuid used beyond prefix + text) or ``computed`` (concatenation with a computed prefix).
    problem: str | None = None
    name: str | None = None
    dotted: str | None = None
    #: ``named``, ``function`` (returned by a function), ``positional`` (a call argument) or ``other``.
    kind: str = "other"

    @property
    def prefixed(self) -> bool:
        return bool(self.prefix_text) or self.prefix_node is not None


def _simple_slice(node: cst.Subscript) -> bool:
    if len(node.slice) != 1 or not isinstance(node.slice[0].slice, cst.Slice):
        return False
    part = node.slice[0].slice
    bounds = [b for b in (part.lower, part.upper) if b is not None]
    def _int(b):
        if isinstance(b, cst.UnaryOperation) and isinstance(b.operator, cst.Minus):
            b = b.expression
        return isinstance(b, cst.Integer)
    return part.step is None and all(_int(b) for b in bounds)


def _is_str_call(node: cst.CSTNode) -> bool:
    return (isinstance(node, cst.Call) and isinstance(node.func, cst.Name) and node.func.value == "str"
            and len(node.args) == 1 and node.args[0].keyword is None and not node.args[0].star)


def _is_dash_strip(call: cst.CSTNode, attr: cst.Attribute) -> bool:
    return (isinstance(call, cst.Call) and call.func is attr and attr.attr.value == "replace"
            and [literal_text(a.value) for a in call.args] == ["-", ""])


def _quote_of(node: cst.CSTNode) -> str:
    if isinstance(node, cst.FormattedString):
        return node.end[0] if node.end else '"'
    if isinstance(node, cst.SimpleString):
        return node.quote[0]
    return '"'


def _id_literal(text: str) -> bool:
    """Literal text that can be part of an ID: ID characters and no secret word."""
    return bool(_ID_TEXT.match(text)) and not has_secret(text)


def _add_chain(node: cst.BaseExpression) -> list[cst.BaseExpression]:
    """Operands of a left-associated ``a + b + c``."""
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add) and not node.lpar:
        return [*_add_chain(node.left), node.right]
    return [node]


def _is_add(node: cst.CSTNode) -> bool:
    return isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add)


def _position(stack: list[cst.CSTNode], i: int, names: UuidNames) -> tuple[str | None, str | None, str]:
    """(name, dotted target, kind) of the expression at ``stack[i]``; kind ``skip``: not an ID
    (an argument of a hashing, encoding or uuid function)."""
    node = stack[i]
    parent = stack[i - 1] if i >= 1 else None
    if isinstance(parent, (cst.Assign, cst.AnnAssign)) and parent.value is node:
        target = parent.targets[0].target if isinstance(parent, cst.Assign) else parent.target
        if isinstance(target, (cst.Name, cst.Attribute)):
            name = target.value if isinstance(target, cst.Name) else target.attr.value
            return name, dotted_name(target), "named"
        if isinstance(target, cst.Subscript) and len(target.slice) == 1 and isinstance(target.slice[0].slice, cst.Index):
            key = literal_text(target.slice[0].slice.value)
            return (key, None, "named") if key else (None, None, "other")
        return None, None, "other"
    if isinstance(parent, cst.Arg) and parent.value is node:
        if parent.keyword is not None:
            if parent.keyword.value in ("default", "default_factory"):
                return _position(stack, i - 2, names)
            return parent.keyword.value, None, "named"
        if parent.star:
            return None, None, "other"
        return None, None, "skip" if _not_id_call(stack[i - 2], names) else "positional"
    if isinstance(parent, cst.Param) and parent.default is node:
        return parent.name.value, parent.name.value, "named"
    if isinstance(parent, cst.DictElement) and parent.value is node:
        key = literal_text(parent.key)
        return (key, None, "named") if key else (None, None, "other")
    if isinstance(parent, cst.Lambda) and parent.body is node:
        return _position(stack, i - 1, names)
    if isinstance(parent, (cst.Element, cst.StarredElement)) and parent.value is node:
        return _position(stack, i - 2, names)
    if isinstance(parent, (cst.ListComp, cst.SetComp, cst.GeneratorExp)) and parent.elt is node:
        return _position(stack, i - 1, names)
    if isinstance(parent, cst.IfExp) and node is not parent.test:
        return _position(stack, i - 1, names)
    if isinstance(parent, cst.BooleanOperation) and isinstance(parent.operator, cst.Or) and parent.right is node:
        return _position(stack, i - 1, names)
    if isinstance(parent, cst.Return) and parent.value is node:
        for outer in reversed(stack[:i - 1]):
            if isinstance(outer, cst.FunctionDef):
                return outer.name.value, None, "function"
            if isinstance(outer, (cst.Lambda, cst.ClassDef)):
                break
    return None, None, "other"


def _not_id_call(call: cst.CSTNode, names: UuidNames) -> bool:
    """Hashing, encoding, secrets and uuid functions: their arguments are not IDs."""
    func = dotted_name(call.func) if isinstance(call, cst.Call) else None
    if not func:
        return False
    parts = func.split(".")
    return parts[0] in _NOT_ID_MODULES or parts[0] in names.modules or parts[-1] in _NOT_ID_FUNCS


def _uuid_refs(node: cst.CSTNode, names: UuidNames) -> int:
    found = nodes_of(node, cst.Attribute, cst.Name)
    attrs = {id(a.attr) for a in found if isinstance(a, cst.Attribute)}
    return sum(1 for n in found if isinstance(n, cst.Name) and n.value in names.all and id(n) not in attrs)


def analyze(stack: list[cst.CSTNode], names: UuidNames) -> tuple[Site, int] | None:
    """The ID site the ``uuid4()`` call at ``stack[-1]`` belongs to, with the root's stack index;
    None when the uuid is not used as ID text (an object, bytes, hashed, a secret, a path)."""
    call = stack[-1]
    i = len(stack) - 1
    node: cst.CSTNode = call
    text = False
    while i >= 1:
        parent = stack[i - 1]
        if node is call and isinstance(parent, cst.Attribute) and parent.value is node and parent.attr.value == "hex":
            node, i, text = parent, i - 1, True
        elif isinstance(parent, cst.Arg) and parent.value is node and i >= 2 and _is_str_call(stack[i - 2]):
            node, i, text = stack[i - 2], i - 2, True
        elif text and isinstance(parent, cst.Attribute) and parent.value is node and i >= 2 and _is_dash_strip(stack[i - 2], parent):
            node, i = stack[i - 2], i - 2
        elif text and isinstance(parent, cst.Subscript) and parent.value is node and _simple_slice(parent):
            node, i = parent, i - 1
        else:
            break
    parent = stack[i - 1] if i >= 1 else None
    in_fstring = isinstance(parent, cst.FormattedStringExpression) and parent.expression is node
    if not text and not in_fstring:
        return None
    site, ri = _root(stack, i, parent, in_fstring)
    if site is None:
        return None
    if _uuid_refs(site.root, names) > 1:
        site.problem = "other"
    # A method or index applied to the built text (``.upper()``, ``.split("-")[0]``): used in other ways,
    # unless it is encoded (for hashing), which says it is not an ID.
    while ri >= 2:
        outer, grand = stack[ri - 1], stack[ri - 2]
        if isinstance(outer, cst.Attribute) and outer.value is stack[ri] and isinstance(grand, cst.Call) \
                and grand.func is outer:
            if outer.attr.value == "encode":
                return None
            site.root, site.problem, ri = grand, "other", ri - 2
        elif isinstance(outer, cst.Subscript) and outer.value is stack[ri]:
            site.root, site.problem, ri = outer, "other", ri - 1
        else:
            break
    site.name, site.dotted, site.kind = _position(stack, ri, names)
    if site.kind == "skip":
        return None
    if site.name is not None and (has_secret(site.name) or _non_id_name(site.name)):
        return None
    if site.kind == "other" and not site.prefixed:
        return None  # compared, an expression statement, ...
    if site.kind == "function" and not _function_names_id(site.name):
        site.name = None  # open_alert() returning a uuid says nothing about the uuid
    return site, ri


def _root(stack, i, parent, in_fstring) -> tuple[Site | None, int]:
    """Climb from the uuid text at ``stack[i]`` to the expression that builds the ID."""
    text_node = stack[i]
    if in_fstring:
        fstring = stack[i - 2]
        parts = list(fstring.parts)
        k = next(n for n, p in enumerate(parts) if p is parent)
        texts = [p.value for p in parts if isinstance(p, cst.FormattedStringText)]
        if not all(_id_literal(t) for t in texts):
            return None, 0  # a path, a file name, a URN, a secret: not an ID
        site = Site(fstring, "fstring", quote=_quote_of(fstring))
        if parent.conversion not in (None, "s") or parent.format_spec or parent.equal or parts[k + 1:]:
            site.problem = "other"
        before = parts[:k]
        if all(isinstance(p, cst.FormattedStringText) for p in before):
            site.prefix_text = "".join(p.value for p in before).rstrip("_-")
        else:
            site.shape = "fstring_computed"
            site.prefix_node, site.head_words = _fstring_prefix(fstring, before)
        return site, i - 2
    if _is_add(parent) and parent.right is text_node:
        ri = i - 1
        problem = None
        while ri >= 1 and _is_add(stack[ri - 1]) and stack[ri - 1].left is stack[ri]:
            ri, problem = ri - 1, "other"  # a suffix after the uuid part
        operands = _add_chain(parent.left)
        tails = _add_chain(stack[ri])[len(operands) + 1:]
        literals = [literal_text(op) for op in (*operands, *tails)]
        if any(t is not None and not _id_literal(t) for t in literals):
            return None, 0
        site = Site(stack[ri], "concat", quote=_quote_of(operands[0]), problem=problem)
        head = literals[:len(operands)]
        if all(t is not None for t in head):
            site.prefix_text = "".join(head).rstrip("_-")
        else:
            site.problem = problem or "computed"
            site.prefix_node = parent.left
        return site, ri
    if _is_add(parent) and parent.left is text_node:
        ri = i - 1
        while ri >= 1 and _is_add(stack[ri - 1]) and stack[ri - 1].left is stack[ri]:
            ri -= 1
        tails = [literal_text(op) for op in _add_chain(stack[ri])[1:]]
        if any(t is not None and not _id_literal(t) for t in tails):
            return None, 0
        return Site(stack[ri], "concat", problem="other"), ri
    if (isinstance(parent, cst.BinaryOperation) and isinstance(parent.operator, cst.Modulo)
            and parent.right is text_node and literal_text(parent.left) is not None):
        template = re.sub(r"%[-#0 +]*\d*(?:\.\d+)?[sdrx]", "", literal_text(parent.left))
        if not _id_literal(template):
            return None, 0
        return Site(parent, "concat", problem="other", prefix_text=template.rstrip("_-")), i - 1
    if isinstance(parent, cst.Arg) and parent.keyword is None and i >= 2:
        call = stack[i - 2]
        func = call.func
        if isinstance(func, cst.Attribute) and func.attr.value == "format" and literal_text(func.value) is not None:
            template = re.sub(r"\{[^}]*\}", "", literal_text(func.value))
            if not _id_literal(template):
                return None, 0
            return Site(call, "concat", problem="other", prefix_text=template.rstrip("_-")), i - 2
    return Site(text_node, "text"), i


def _fstring_prefix(fstring: cst.FormattedString, before: list) -> tuple[cst.FormattedString | None, tuple[str, ...]]:
    """The f-string up to the uuid part, trailing separator cut; its complete leading literal words."""
    parts = list(before)
    if parts and isinstance(parts[-1], cst.FormattedStringText):
        stripped = parts[-1].value.rstrip("_-")
        parts[-1:] = [parts[-1].with_changes(value=stripped)] if stripped else []
    head = ""
    for part in before:
        if not isinstance(part, cst.FormattedStringText):
            break
        head += part.value
    ws = head.lower().split("_")
    complete = tuple(w for w in ws[:-1] if w)  # the last word is complete only if "_" follows it
    return fstring.with_changes(parts=parts, lpar=[], rpar=[]), complete


# ------------------------------------------------------------------ decisions
@dataclass(frozen=True)
class Decision:
    code: str
    safety: Safety
    reason: str
    node: cst.BaseExpression | None = None
    suggestion: str = ""


def manual(code: str, suggestion: str = "", detail: str = "") -> Decision:
    rule = UUID_RULES[code]
    reason = f"{rule.why}: {detail}" if detail else rule.why
    return Decision(code, Safety.MANUAL, reason, None, suggestion or rule.suggestion)


def resolve(site: Site, rules: RuleSet, *, with_fallback: bool) -> Typed | None:
    """The IDType (and prefix) of a site from its prefix, then its name; None if neither says."""
    if site.shape == "fstring_computed":
        for word in site.head_words:
            found = word_type(word, rules)
            if found:
                return Typed(found, None, f"the word {word!r} of the f-string prefix says {found}; f-string kept",
                             site.prefix_node)
        by_name = type_from_name(site.name, rules, with_fallback=False)
        if by_name is not None:
            return Typed(by_name.id_type, None, f"{by_name.how}; f-string prefix kept", site.prefix_node)
        return Typed(rules.fallback_type, None, "the f-string prefix names no type: the fallback type",
                     site.prefix_node)
    if site.prefix_text:
        return type_from_literal(site.prefix_text, site.name, rules)
    return type_from_name(site.name, rules, with_fallback=with_fallback)


def prefix_expr(site: Site, typed: Typed) -> cst.BaseExpression | None:
    if typed.prefix_node is not None:
        return typed.prefix_node
    if typed.prefix is not None:
        return cst.SimpleString(f"{site.quote}{typed.prefix}{site.quote}")
    return None


def computed_suggestion(site: Site, module: cst.Module) -> str:
    """``get_id_manager().generate_id(IDType.<TYPE>, prefix=<the computed prefix>)``."""
    operands = _add_chain(site.prefix_node) if site.prefix_node is not None else []
    if operands and (literal_text(operands[-1]) or "x").strip("_-") == "":
        operands = operands[:-1]  # the separator the manager adds itself
    prefix = " + ".join(module.code_for_node(op) for op in operands) or "<prefix>"
    return f"get_id_manager().generate_id(IDType.<TYPE>, prefix={prefix})"


def _function_names_id(name: str) -> bool:
    """``new_transaction_id``, ``make_session``: a function whose name says which ID it returns."""
    ws = words(name)
    return bool(ws) and (ws[-1] in ID_WORDS or ws[0] in MAKER_WORDS)


def _non_id_name(name: str) -> bool:
    """``filename``, ``queue_name``: a name that says not-an-ID (``file_id`` is still an ID)."""
    ws = words(name)
    return bool(ws) and ws[-1] not in ID_WORDS and bool(NON_ID_WORDS & set(ws))


def _uuid_word(name: str | None) -> bool:
    return bool(name) and bool(UUID_WORDS & set(words(name)))


# ------------------------------------------------------------------ transformer
class UuidSiteTransformer(cst.CSTTransformer):
    """Walks the tree keeping its ancestor stack; every ``uuid4()`` call is analysed in place.

    Subclasses decide a site (``decide``); this class records findings, swaps the
    root expression for the decided node and drops uuid imports that lost their last use.
    """

    METADATA_DEPENDENCIES = (PositionProvider,)
    RECIPE = ADHOC

    def __init__(self, module: cst.Module, rules: RuleSet, names: UuidNames) -> None:
        super().__init__()
        self.module = module
        self.rules = rules
        self.names = names
        self.state = TransformState()
        self._stack: list[cst.CSTNode] = []
        self._sites: dict[int, tuple[Site, Decision]] = {}

    # ---------------------------------------------------------------- walk
    def on_visit(self, node: cst.CSTNode) -> bool:
        self._stack.append(node)
        if self.names.is_uuid4_call(node):
            self._site_at_call()
        return super().on_visit(node)

    def on_leave(self, original_node, updated_node):
        result = super().on_leave(original_node, updated_node)
        self._stack.pop()
        found = self._sites.get(id(original_node))
        if found is not None and found[1].node is not None:
            new = found[1].node
            return new.with_changes(lpar=updated_node.lpar, rpar=updated_node.rpar)
        return result

    def _site_at_call(self) -> None:
        analysed = analyze(self._stack, self.names)
        if analysed is None:
            return
        site, index = analysed
        if id(site.root) in self._sites:
            return
        decision = self.decide(site, self._stack[:index + 1])
        if decision is None:
            return
        self._sites[id(site.root)] = (site, decision)
        after = decision.suggestion
        if decision.node is not None:
            after = self.module.code_for_node(decision.node)
            self.state.needed_names |= builders.names_used(decision.node)
        self._record(site.root, UUID_RULES[decision.code].member, decision, after)

    # -------------------------------------------------------------- helpers
    def _record(self, node: cst.CSTNode, member: str, decision: Decision, suggestion: str) -> None:
        start = self.get_metadata(PositionProvider, node).start
        before = self.module.code_for_node(node).strip()
        if len(before) > 160:
            before = before[:157] + "..."
        self.state.findings.append(Finding(
            start.line, start.column + 1, member, decision.code, decision.safety, decision.reason,
            suggestion, "", before, recipe=self.RECIPE,
        ))

    def build(self, site: Site, typed: Typed) -> cst.BaseExpression:
        return builders.manager_generate_id(typed.id_type, prefix_expr(site, typed))

    @property
    def applied(self) -> bool:
        return any(d.node is not None for _, d in self._sites.values())

    def cleanup(self, module: cst.Module) -> cst.Module:
        if not self.applied:
            return module
        return drop_dead_uuid_imports(self.module, module, self.names.all)  # self.module: the original

    # -------------------------------------------------------------- policy
    def decide(self, site: Site, ancestors: list[cst.CSTNode]) -> Decision | None:
        raise NotImplementedError


def _is_lone_return(statement: cst.CSTNode) -> bool:
    return (isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1
            and isinstance(statement.body[0], cst.Return))


class AdhocIdsTransformer(UuidSiteTransformer):
    """Production code: an ID whose type cannot be read off its prefix or name is left to a human."""

    RECIPE = ADHOC
    _SHAPE_CODE = {"fstring": "IDM101", "concat": "IDM102", "text": "IDM103", "fstring_computed": "IDM104"}

    def decide(self, site: Site, ancestors: list[cst.CSTNode]) -> Decision | None:
        if has_comment(site.root):
            return manual("IDM114")
        if site.problem == "other":
            return manual("IDM111")
        if site.problem == "computed":
            return manual("IDM112", computed_suggestion(site, self.module))
        if not site.prefixed and _uuid_word(site.name):
            return manual("IDM113")
        typed = resolve(site, self.rules, with_fallback=True)
        if typed is None:
            call = "get_id_manager().generate_id(IDType.<TYPE>)"
            target = site.dotted or (site.name if site.kind == "named" else None)
            detail = f"{site.name!r} names no ID type" if site.name else "nothing names the ID"
            return manual("IDM110", f"{target} = {call}" if target else call, detail)
        code = self._SHAPE_CODE[site.shape] if site.prefixed else "IDM103"
        return Decision(code, Safety.FORMAT, typed.how, self.build(site, typed))

    def leave_FunctionDef(self, original_node, updated_node):
        """A custom generator: a body that is one ``return <adhoc ID>`` (and maybe a docstring)."""
        body = list(original_node.body.body) if isinstance(original_node.body, cst.IndentedBlock) else []
        if body and original_node.get_docstring() is not None:
            body = body[1:]
        if len(body) != 1 or not _is_lone_return(body[0]):
            return updated_node
        value = body[0].body[0].value
        found = self._sites.get(id(value)) if value is not None else None
        if found is None:
            return updated_node
        name = original_node.name.value
        made = found[1].node
        call = self.module.code_for_node(made) if made is not None else "get_id_manager().generate_id(IDType.<TYPE>)"
        detail = f"{name}() only builds an ID" + ("; its return was rewritten" if made is not None else "")
        decision = manual("IDM120", f"replace {name}() with {call}", detail)
        start = self.get_metadata(PositionProvider, original_node).start
        self.state.findings.append(Finding(
            start.line, start.column + 1, UUID_RULES["IDM120"].member, decision.code, decision.safety,
            decision.reason, decision.suggestion, "", f"def {name}(...)", recipe=self.RECIPE,
        ))
        return updated_node


def is_api_file(path: str, rules: RuleSet) -> bool:
    """The manager and the generator mint IDs from uuid4 themselves: never rewritten."""
    posix = path.replace("\\", "/")
    if posix.endswith("/unified_id_manager.py") or posix == "unified_id_manager.py":
        return True
    module = posix[:-3].replace("/", ".") if posix.endswith(".py") else posix
    module = module[: -len(".__init__")] if module.endswith(".__init__") else module
    return module in rules.source_modules


def build_adhoc_transformer(module, source, path, rules, bindings):
    """The ``adhoc-ids`` transformer for a non-test file that imports uuid4, else None."""
    from codemods.uuid_ids.test_ids import is_test_path

    if b"uuid" not in source or is_test_path(path) or is_api_file(path, rules):
        return None
    names = collect_uuid_names(module)
    if not names.all:
        return None
    return AdhocIdsTransformer(module, rules, names)
