"""Site analysis shared by ``adhoc-ids`` and ``test-ids``: which ``uuid4()`` calls build an ID text,
with what prefix, for what name. A uuid that is not an ID (hashed, a token or secret, parsed, a uuid
object, a path) yields no site: it is never touched and not reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import libcst as cst

from codemods.engine.nodes import dotted_name, literal_text
from codemods.engine.pruning import nodes_of
from codemods.uuid_ids.naming import function_names_id, has_secret, id_literal, non_id_name, wrapper_subject
from codemods.uuid_ids.uuid_names import UuidNames

#: Calls whose argument is hashed, encoded or parsed: a uuid passed to them is not an ID.
_NOT_ID_MODULES = {"hashlib", "hmac", "secrets", "base64", "binascii", "zlib"}
_NOT_ID_FUNCS = {"UUID", "uuid3", "uuid5", "sha1", "sha256", "sha512", "md5", "blake2b", "b64encode", "hash"}


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
    #: A typed wrapper the ID is passed through: ``ensure_user_id(...)``, ``UserID(...)``.
    wrapper: str | None = None
    #: The ``uuid4()`` call, and its line and 1-based column in the whole file (set by the transformer).
    call: cst.Call | None = None
    line: int = 0
    column: int = 0

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


def add_chain(node: cst.BaseExpression) -> list[cst.BaseExpression]:
    """Operands of a left-associated ``a + b + c``."""
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add) and not node.lpar:
        return [*add_chain(node.left), node.right]
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
    at = ri
    if ri >= 2 and isinstance(stack[ri - 1], cst.Arg) and stack[ri - 1].keyword is None and not stack[ri - 1].star \
            and isinstance(stack[ri - 2], cst.Call) and stack[ri - 2].args[0] is stack[ri - 1]:
        func = dotted_name(stack[ri - 2].func)
        if func and wrapper_subject(func):
            site.wrapper, at = func, ri - 2  # ensure_user_id(<ID>): stored where the wrapper's result goes
    site.name, site.dotted, site.kind = _position(stack, at, names)
    if site.kind == "skip":
        return None
    if site.name is not None and (has_secret(site.name) or non_id_name(site.name)):
        return None
    if site.kind == "other" and not site.prefixed:
        return None  # compared, an expression statement, ...
    if site.kind == "function" and not function_names_id(site.name):
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
        if not all(id_literal(t) for t in texts):
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
        operands = add_chain(parent.left)
        tails = add_chain(stack[ri])[len(operands) + 1:]
        literals = [literal_text(op) for op in (*operands, *tails)]
        if any(t is not None and not id_literal(t) for t in literals):
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
        tails = [literal_text(op) for op in add_chain(stack[ri])[1:]]
        if any(t is not None and not id_literal(t) for t in tails):
            return None, 0
        return Site(stack[ri], "concat", problem="other"), ri
    if (isinstance(parent, cst.BinaryOperation) and isinstance(parent.operator, cst.Modulo)
            and parent.right is text_node and literal_text(parent.left) is not None):
        template = re.sub(r"%[-#0 +]*\d*(?:\.\d+)?[sdrx]", "", literal_text(parent.left))
        if not id_literal(template):
            return None, 0
        return Site(parent, "concat", problem="other", prefix_text=template.rstrip("_-")), i - 1
    if isinstance(parent, cst.Arg) and parent.keyword is None and i >= 2:
        call = stack[i - 2]
        func = call.func
        if isinstance(func, cst.Attribute) and func.attr.value == "format" and literal_text(func.value) is not None:
            template = re.sub(r"\{[^}]*\}", "", literal_text(func.value))
            if not id_literal(template):
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
