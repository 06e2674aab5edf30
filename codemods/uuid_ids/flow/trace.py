"""Follow one ``uuid4()`` value through its function, class and module (``FileFacts``) and say what
it reaches: a place that needs a UUID, a place outside the process, a secret, or a reader that
cuts its text (``sinks``). A breadth-first walk: every hit carries the names the value passed
through, shortest way first, so a report can say ``job_id -> open() (a file path) at L42``.
"""

from __future__ import annotations

import ast
from collections import deque

from codemods.uuid_ids.flow.calls import CallSteps
from codemods.core.ast_names import dotted
from codemods.uuid_ids.flow.facts import FileFacts
from codemods.uuid_ids.flow.model import At, Flow, Hit
from codemods.uuid_ids.flow.sinks import DERIVED, OUT, UUID, mentions_uuid_type, name_place, text_place

_SPLITS = frozenset({"split", "rsplit", "partition", "rpartition"})
_TEXT_METHODS = frozenset({"upper", "lower", "strip", "lstrip", "rstrip", "replace", "format", "casefold", "zfill",
                           "ljust", "rjust", "center", "removeprefix", "removesuffix"})
#: A walk that long is given up: the value is then treated as leaving the process.
_LIMIT = 3000


def _construction(facts: FileFacts, call: ast.Call) -> ast.AST:
    """Climb from ``uuid4()`` over what builds the ID text: ``.hex``, ``str()``, slices, f-string, ``+``."""
    node: ast.AST = call
    while True:
        parent = facts.parent(node)
        if isinstance(parent, ast.Attribute) and parent.attr in ("hex", "replace") and parent.value is node:
            grand = facts.parent(parent)
            node = grand if parent.attr == "replace" and isinstance(grand, ast.Call) else parent
        elif isinstance(parent, ast.Call) and isinstance(parent.func, ast.Name) and parent.func.id == "str":
            node = parent
        elif isinstance(parent, ast.Subscript) and parent.value is node and isinstance(parent.slice, ast.Slice):
            node = parent
        elif isinstance(parent, ast.FormattedValue):
            node = facts.parent(parent) or parent
        elif isinstance(parent, ast.BinOp) and isinstance(parent.op, (ast.Add, ast.Mod)):
            node = parent
        elif isinstance(parent, ast.Call) and isinstance(parent.func, ast.Attribute) \
                and parent.func.attr == "format" and isinstance(parent.func.value, ast.Constant):
            node = parent
        else:
            return node


class _Tracer(CallSteps):
    def __init__(self, facts: FileFacts) -> None:
        self.facts = facts
        self.hits: list[Hit] = []
        self.seen: set[tuple] = set()

    def run(self, call: ast.Call) -> Flow:
        queue = deque([At(_construction(self.facts, call), None, ())])
        steps = 0
        while queue:
            steps += 1
            if steps > _LIMIT:
                self.hit(OUT, "a flow too long to follow", call.lineno, ())
                break
            queue.extend(self.step(queue.popleft()))
        unique: dict[tuple, Hit] = {}
        for found in self.hits:
            unique.setdefault((found.kind, found.place, found.line), found)
        return Flow(tuple(unique.values()))

    def hit(self, kind: str, place: str, line: int, via: tuple[str, ...]) -> None:
        self.hits.append(Hit(kind, place, line, via))

    def named(self, name: str | None, line: int, via: tuple[str, ...]) -> bool:
        """Hits for a name the value is stored under; True when it says keep the UUID."""
        if not name:
            return False
        place = name_place(name)
        if place is not None:
            self.hit(place[0], place[1], line, via)
            return True
        parsed = self.facts.uuid_parsed.get(name)
        if parsed is not None:
            self.hit(UUID, f"{name!r}, which UUID(...) parses", parsed, via)
            return True
        return False

    # ------------------------------------------------------------------ one step
    def step(self, at: At) -> list[At]:
        node, facts = at.node, self.facts
        parent = facts.parent(node)
        if parent is None:
            return []
        line = getattr(parent, "lineno", getattr(node, "lineno", 0))
        same = At(parent, at.key, at.via)
        if isinstance(parent, ast.IfExp) and node is not parent.test:
            return [same]
        if isinstance(parent, (ast.BoolOp, ast.Await, ast.Starred, ast.Lambda)):
            return [same]
        if isinstance(parent, ast.NamedExpr):
            return [same, *self.bind(parent.target, at, line)]
        if isinstance(parent, ast.FormattedValue):
            joined = facts.parent(parent)
            texts = [v.value for v in getattr(joined, "values", ()) if isinstance(v, ast.Constant)]
            return self.embedded(joined, texts, at, line)
        if isinstance(parent, ast.BinOp):
            return self.binop(parent, at, line)
        if isinstance(parent, ast.Subscript):
            return self.subscript(parent, at, line)
        if isinstance(parent, ast.Attribute) and parent.value is node:
            return self.attribute(parent, at, line)
        if isinstance(parent, ast.keyword):
            return self.into_call(facts.parent(parent), at, parent.arg, None)
        if isinstance(parent, ast.Call):
            if node is parent.func:
                return []
            index = next((i for i, a in enumerate(parent.args) if a is node), None)
            return self.into_call(parent, at, None, index)
        if isinstance(parent, ast.Dict):
            return self.in_dict(parent, at, line)
        if isinstance(parent, (ast.List, ast.Tuple, ast.Set, ast.ListComp, ast.SetComp, ast.GeneratorExp,
                               ast.DictComp)):
            return [At(parent, "*", at.via)]
        if isinstance(parent, ast.Assign) and parent.value is node:
            return [n for target in parent.targets for n in self.bind(target, at, line)]
        if isinstance(parent, ast.AnnAssign) and parent.value is node:
            if mentions_uuid_type(parent.annotation):
                self.hit(UUID, f"{ast.unparse(parent.target)}: {ast.unparse(parent.annotation)}", line, at.via)
                return []
            return self.bind(parent.target, at, line)
        if isinstance(parent, (ast.Return, ast.Yield, ast.YieldFrom)):
            return self.returned(node, at)
        if isinstance(parent, ast.arguments):
            return self.param_default(parent, at)
        return []

    # ------------------------------------------------------------ expressions
    def embedded(self, joined: ast.AST | None, texts: list[str], at: At, line: int) -> list[At]:
        place = text_place(texts)
        if place is not None:
            self.hit(place[0], place[1], line, at.via)
            return []
        return [At(joined, None, at.via)] if joined is not None else []

    def binop(self, parent: ast.BinOp, at: At, line: int) -> list[At]:
        if isinstance(parent.op, ast.Div):
            self.hit(OUT, "a file path (the / operator)", line, at.via)
            return []
        if isinstance(parent.op, (ast.Add, ast.Mod)):
            other = parent.right if parent.left is at.node else parent.left
            texts = [other.value] if isinstance(other, ast.Constant) and isinstance(other.value, str) else []
            return self.embedded(parent, texts, at, line)
        return []

    def subscript(self, parent: ast.Subscript, at: At, line: int) -> list[At]:
        if parent.value is not at.node:  # the value is the key or index: d[value]
            container = dotted(parent.value) or ""
            if self.named(container.rpartition(".")[2], line, at.via):
                return []
            if isinstance(parent.ctx, ast.Store):
                return self.bind(parent.value, At(parent.value, "*", at.via), line)
            return []
        if at.key is None:
            if isinstance(parent.ctx, ast.Load):
                label = at.via[-1] if at.via else "the ID"
                self.hit(DERIVED, f"{label}[{ast.unparse(parent.slice)}] (its text is cut)", line, at.via)
            return []
        index = parent.slice
        wanted = index.value if isinstance(index, ast.Constant) and isinstance(index.value, str) else None
        if at.key == "*" or wanted is None or wanted == at.key:
            return [At(parent, None, at.via)] if isinstance(parent.ctx, ast.Load) else []
        return []

    def attribute(self, parent: ast.Attribute, at: At, line: int) -> list[At]:
        grand = self.facts.parent(parent)
        if isinstance(grand, ast.Call) and grand.func is parent:
            if at.key is None:
                if parent.attr in _SPLITS:
                    label = at.via[-1] if at.via else "the ID"
                    self.hit(DERIVED, f"{label}.{parent.attr}() (its text is cut)", line, at.via)
                    return []
                return [At(grand, None, at.via)] if parent.attr in _TEXT_METHODS else []
            if parent.attr in ("get", "pop", "setdefault") and grand.args:
                first = grand.args[0]
                if at.key == "*" or not isinstance(first, ast.Constant) or first.value == at.key:
                    return [At(grand, None, at.via)]
                return []
            if parent.attr in ("copy", "items", "values"):
                return [At(grand, "*" if parent.attr != "copy" else at.key, at.via)]
            return []
        if at.key is not None and (at.key in ("*", parent.attr)) and isinstance(parent.ctx, ast.Load):
            return [At(parent, None, at.via)]
        return []

    def in_dict(self, parent: ast.Dict, at: At, line: int) -> list[At]:
        for key, value in zip(parent.keys, parent.values):
            if value is at.node:
                name = key.value if isinstance(key, ast.Constant) and isinstance(key.value, str) else None
                if self.named(name, line, at.via):
                    return []
                return [At(parent, name or "*", (*at.via, f"[{name!r}]") if name else at.via)]
        return [At(parent, "*", at.via)]

    # ------------------------------------------------------------------ calls
    # --------------------------------------------------------------- bindings
    def bind(self, target: ast.AST, at: At, line: int, label: str | None = None) -> list[At]:
        """The value (or a container of it, ``at.key``) is stored in ``target``: follow its readers."""
        facts = self.facts
        if isinstance(target, ast.Name):
            if self.named(target.id, line, at.via):
                return []
            via = (*at.via, label or target.id)
            scope = facts.scope_of(target)
            out = self.reads(("name", scope, target.id, at.key), facts.reads_of(scope, target.id), at.key, via)
            owner = facts.owner_class_of(target)
            if owner is not None and facts.function_of(target) is facts.function_of(owner):  # a class-body field
                out += self.class_attr(owner, target.id, at.key, via)
            return out
        if isinstance(target, ast.Attribute):
            if self.named(target.attr, line, at.via):
                return []
            base = target.value
            owner = facts.owner_class_of(target)
            if isinstance(base, ast.Name) and base.id in ("self", "cls") and owner is not None:
                if self.field_declared(owner, target.attr, at.via):
                    return []
                return self.class_attr(owner, target.attr, at.key, (*at.via, label or f"{base.id}.{target.attr}"))
            out: list[At] = []
            for cls in self.classes_with_field(target.attr):
                if self.field_declared(cls, target.attr, at.via):
                    return []
                out += self.class_attr(cls, target.attr, at.key, (*at.via, f"{cls.name}.{target.attr}"))
            if isinstance(base, (ast.Name, ast.Attribute)):
                out += self.bind(base, At(base, target.attr, at.via), line, dotted(target))
            return out
        if isinstance(target, ast.Subscript):
            index = target.slice
            key = index.value if isinstance(index, ast.Constant) and isinstance(index.value, str) else "*"
            container = dotted(target.value) or ""
            if self.named(key if key != "*" else None, line, at.via) \
                    or self.named(container.rpartition(".")[2], line, at.via):
                return []
            shown = f"{container}[{key!r}]" if container and key != "*" else None
            return self.bind(target.value, At(target.value, key, at.via), line, shown)
        return []

    def classes_with_field(self, name: str) -> list[ast.ClassDef]:
        return [node for node in self.facts.defs.values() if isinstance(node, ast.ClassDef)
                and any(isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name) and s.target.id == name
                        for s in node.body)]

    def class_attr(self, cls: ast.ClassDef, name: str, key: str | None, via: tuple[str, ...]) -> list[At]:
        reads: list[ast.AST] = list(self.facts.self_reads.get((id(cls), name), ()))
        if any(isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name) and s.target.id == name
               for s in cls.body):
            reads += self.facts.attr_reads.get(name, ())  # a field: read through any instance
        return self.reads(("attr", id(cls), name, key), reads, key, via)

    def reads(self, loc: tuple, nodes, key: str | None, via: tuple[str, ...]) -> list[At]:
        if loc in self.seen:
            return []
        self.seen.add(loc)
        return [At(node, key, via) for node in nodes]



def trace(facts: FileFacts, call: ast.Call) -> Flow:
    """Where the value of ``call`` (a ``uuid4()``) goes."""
    return _Tracer(facts).run(call)
