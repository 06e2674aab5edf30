"""The steps of the flow walk across calls: into an argument's parameter or a class's field, and from
a ``return`` back to the function's callers (``trace`` mixes these in)."""

from __future__ import annotations

import ast

from codemods.uuid_ids.flow.facts import FileFacts
from codemods.uuid_ids.flow.model import At
from codemods.uuid_ids.flow.sinks import (
    OUT, SECRET, TRANSPARENT, UUID, classify_call, column_kind, is_column, is_route, mentions_uuid_type, name_place,
)
from codemods.uuid_ids.naming import secret_word


class CallSteps:
    """Needs ``facts``, ``hit``, ``named``, ``reads`` and ``class_attr`` from the walk."""

    facts: FileFacts

    def into_call(self, call: ast.AST | None, at: At, keyword: str | None, index: int | None) -> list[At]:
        if not isinstance(call, ast.Call):
            return []
        found = []
        for kind, place in classify_call(call, keyword, index):
            if kind == SECRET and at.key is not None:  # a credential built from a container of it
                kind, place = OUT, f"{place}, which carries it out"
            elif kind == SECRET and keyword and not name_place(keyword):
                continue  # create_session(user_id=...): the keyword says what it is
            found.append((kind, place))
            self.hit(kind, place, call.lineno, at.via)
        if found:
            return []
        callee = self.callee(call)
        if isinstance(callee, ast.ClassDef):  # its field's declaration says more than the keyword's name
            return self.into_class(callee, call, at, keyword, index)
        if self.named(keyword, call.lineno, at.via):
            return []
        if callee is not None:
            return self.into_function(callee, call, at, keyword, index, skip_self=self.is_method(callee))
        func = call.func
        last = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if last in TRANSPARENT:
            return [At(call, None if last in ("dumps", "format", "join") else at.key, at.via)]
        return []

    def callee(self, call: ast.Call) -> ast.AST | None:
        func = call.func
        if isinstance(func, ast.Name):
            return self.facts.defs.get(func.id)
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in ("self", "cls"):
            owner = self.facts.owner_class_of(call)
            return self.facts.methods.get((id(owner), func.attr)) if owner is not None else None
        return None

    def is_method(self, func: ast.AST) -> bool:
        owner = self.facts.owner_class_of(func)
        return owner is not None and self.facts.parent(func) is owner

    def into_function(self, func, call: ast.Call, at: At, keyword, index, *, skip_self: bool) -> list[At]:
        args = func.args
        positional = [*args.posonlyargs, *args.args][1 if skip_self else 0:]
        if keyword is not None:
            param = next((a for a in (*positional, *args.kwonlyargs) if a.arg == keyword), None)
        else:
            param = positional[index] if index is not None and index < len(positional) else None
        if param is None:
            return []
        via = (*at.via, f"{func.name}({param.arg})")
        if mentions_uuid_type(param.annotation):
            self.hit(UUID, f"parameter {param.arg}: {ast.unparse(param.annotation)} of {func.name}()",
                     func.lineno, at.via)
            return []
        return self.reads(("name", id(func), param.arg, at.key), self.facts.reads_of(id(func), param.arg), at.key, via)

    def into_class(self, cls: ast.ClassDef, call: ast.Call, at: At, keyword, index) -> list[At]:
        init = self.facts.methods.get((id(cls), "__init__"))
        if init is not None:
            return [*self.into_function(init, call, at, keyword, index, skip_self=True), At(call, "*", at.via)]
        fields = [s.target.id for s in cls.body if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)
                  and "ClassVar" not in ast.unparse(s.annotation)]
        name = keyword if keyword is not None else (fields[index] if index is not None and index < len(fields) else None)
        if name is None:
            return [At(call, "*", at.via)]
        if self.field_declared(cls, name, at.via) or self.named(name, call.lineno, at.via):
            return []
        via = (*at.via, f"{cls.name}.{name}")
        return [*self.class_attr(cls, name, at.key, via), At(call, name, via)]

    def field_declared(self, cls: ast.ClassDef, name: str, via: tuple[str, ...]) -> bool:
        """A class field declared UUID, or an ORM column: hits, True."""
        for stmt in cls.body:
            target = stmt.target if isinstance(stmt, ast.AnnAssign) else (
                stmt.targets[0] if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 else None)
            if not (isinstance(target, ast.Name) and target.id == name):
                continue
            if isinstance(stmt, ast.AnnAssign) and mentions_uuid_type(stmt.annotation):
                self.hit(UUID, f"field {cls.name}.{name}: {ast.unparse(stmt.annotation)}", stmt.lineno, via)
                return True
            if is_column(stmt.value):
                kind, place = column_kind(stmt.value)
                self.hit(kind, f"{cls.name}.{name} = {place}", stmt.lineno, via)
                return True
        return False

    def returned(self, node: ast.AST, at: At) -> list[At]:
        facts = self.facts
        func = facts.function_of(node)
        if func is None or isinstance(func, ast.Lambda):
            return []
        secret = secret_word(func.name)
        if secret:
            self.hit(SECRET, f"the return of {func.name}() ({secret})", func.lineno, at.via)
            return []
        route = is_route(func)
        if route:
            self.hit(OUT, f"the response of {func.name}(), a {route} handler", func.lineno, at.via)
            return []
        owner = facts.owner_class_of(func) if self.is_method(func) else None
        calls = facts.method_calls.get((id(owner), func.name), ()) if owner is not None else facts.calls.get(func.name, ())
        via = (*at.via, f"{func.name}()")
        out = self.reads(("ret", id(func), at.key), calls, at.key, via)
        if any("fixture" in ast.unparse(d) for d in func.decorator_list):  # pytest injects it by name
            for other in facts.functions.values():
                if any(a.arg == func.name for a in getattr(other.args, "args", ())):
                    out += self.reads(("name", id(other), func.name, at.key),
                                      facts.reads_of(id(other), func.name), at.key, via)
        return out

    def param_default(self, args: ast.arguments, at: At) -> list[At]:
        func = self.facts.parent(args)
        positional = [*args.posonlyargs, *args.args]
        pairs = list(zip(positional[len(positional) - len(args.defaults):], args.defaults))
        pairs += [(a, d) for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is not None]
        for param, default in pairs:
            if default is at.node and func is not None:
                if self.named(param.arg, func.lineno, at.via):
                    return []
                return self.reads(("name", id(func), param.arg, at.key), self.facts.reads_of(id(func), param.arg),
                                  at.key, (*at.via, param.arg))
        return []
