"""What becomes of each ``UnifiedIdGenerator()``, decided once the walk has seen every use.

Per binding (``instances.scopes``): when every use through it was rewritten and nothing
else reads it, its assignment goes (IDM081); when every use was rewritten but something may
still read it (a fixture's parameters, a name read elsewhere), it becomes
``get_id_manager()`` (IDM080); when a use stays manual or the instance escapes (passed on,
stored, returned, a fixture other modules share), it stays a generator (IDM080, manual), so
no name that now holds the manager is asked for a member the manager lacks.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import libcst as cst

from codemods.core.decision import Decision
from codemods.core.recipes import RULES
from codemods.engine.pruning import SourceMap
from codemods.generator.bindings import Bindings
from codemods.generator.instances.edits import apply_edits
from codemods.generator.instances.scopes import FRESH, key

MANUAL_USE = "calls through this instance stay on the generator (see the manual sites)"
ESCAPES = "the instance is also read in other ways (passed on, stored or returned): it stays a generator"
HANDED_ON = "the instance is handed on (an argument, a return value, a container): whoever receives it " \
            "may call members the manager lacks"
SHARED = "fixture shared with other modules: remove it once its users are migrated"
EXPORTED = "exported (__all__, or a package's module-level name): importers may call members the manager lacks"
REMOVED = {
    "local": "removed: nothing reads it",
    "name": "removed: nothing reads it (nothing else in this file; not in __all__)",
    "attr": "removed: nothing reads it (no .{name} anywhere in this file; a subclass elsewhere cannot be seen)",
}


@dataclass
class _Instance:
    #: The call in the walked module (its position) and the object the walk put in the new tree
    #: (the edit pass finds it by identity).
    original: cst.Call
    placed: cst.Call
    before: str
    binding: str | None
    module_level: bool


class InstanceTracker:
    def __init__(self, bindings: Bindings, texts: SourceMap, source: bytes, path: str) -> None:
        self.b = bindings
        self.texts = texts
        self.source = source
        self.is_conftest = path.rsplit("/", 1)[-1] == "conftest.py"
        self.is_package = path.rsplit("/", 1)[-1] == "__init__.py"
        self._value_bindings: dict[int, str] = {}
        self._instances: list[_Instance] = []
        self._applied: Counter[str] = Counter()
        self._manual: set[str] = set()
        self._escaped: set[str] = set()
        #: True once ``decide`` kept an instance: the file still needs the generator.
        self.keeps_generator = False

    # ------------------------------------------------------------- the walk
    def bind_assignment(self, targets: list[cst.BaseExpression], value: cst.BaseExpression) -> None:
        """``x = X()`` (a class-body name is read as ``self.x``) or ``self.x = X()``; anything else
        (several targets, a tuple) leaves the instance unbound: handed on."""
        if len(targets) != 1 or not self.b.is_instantiation(value):
            return
        target = targets[0]
        if isinstance(target, cst.Name):
            self._value_bindings[id(value)] = key("attr" if self.b.scopes.in_class_body else "name", target.value)
        elif isinstance(target, cst.Attribute):
            binding = self.b.instance_key(target)
            if binding is not None:
                self._value_bindings[id(value)] = binding

    def bind_handed_out(self, value: cst.BaseExpression | None) -> None:
        """``return X()`` / ``yield X()`` directly in a fixture that hands out a generator."""
        fixture = self.b.scopes.fixture
        if fixture is not None and value is not None and self.b.is_instantiation(value):
            self._value_bindings[id(value)] = key("fixture", fixture)

    def instantiation(self, original: cst.Call, placed: cst.Call, before: str) -> None:
        self._instances.append(_Instance(original, placed, before, self._value_bindings.get(id(original)),
                                         self.b.scopes.at_module_level))

    def site(self, node: cst.CSTNode, applied: bool) -> None:
        """A recorded usage: a use through a binding when it is ``<binding>.<member>[(...)]``."""
        target = node.func if isinstance(node, cst.Call) else node
        if not isinstance(target, cst.Attribute):
            return
        binding = self.b.instance_key(target.value)
        if binding is None or binding == FRESH:
            return
        if applied:
            self._applied[binding] += 1
        else:
            self._manual.add(binding)

    def escape(self, node: cst.BaseExpression) -> None:
        """A read of a binding that is no member use."""
        binding = self.b.instance_key(node)
        if binding is not None and binding != FRESH:
            self._escaped.add(binding)

    def foreign_attribute(self, node: cst.Attribute) -> None:
        """``other.id_generator``: may be ours seen from outside, so the instance stays."""
        name = node.attr.value
        if name in self.b.instance_attrs:
            self._escaped.add(key("attr", name))
        if name in self.b.instance_names:
            self._escaped.add(key("name", name))

    # ------------------------------------------------------------ the end
    def decide(self, module: cst.Module) -> tuple[cst.Module, list[tuple[cst.Call, Decision, str, str]]]:
        """The edited module and, per instantiation: (node, decision, suggestion, source text)."""
        by_binding: dict[str | None, list[_Instance]] = {}
        for instance in self._instances:
            by_binding.setdefault(instance.binding, []).append(instance)
        out, replace, remove = [], [], []
        for binding, instances in by_binding.items():
            decision, suggestion = self._verdict(binding, instances)
            if decision.code == "IDM081":
                remove += [i.placed for i in instances]
            elif decision.node is not None:
                replace += [i.placed for i in instances]
            else:
                self.keeps_generator = True
            out += [(i.original, decision, suggestion, i.before) for i in instances]
        if replace or remove:
            module = apply_edits(module, replace, remove, self.b, self.texts)
        return module, out

    def _verdict(self, binding: str | None, instances: list[_Instance]) -> tuple[Decision, str]:
        become = "get_id_manager()"
        if binding is None:
            return Decision.manual("IDM080", HANDED_ON), become
        if binding in self._manual:
            return Decision.manual("IDM080", MANUAL_USE), become
        if binding in self._escaped:
            return Decision.manual("IDM080", ESCAPES), become
        kind, name = binding.split(":", 1)
        if kind == "fixture" and (self.is_conftest or not self.b.scopes.requested[binding]):
            return Decision.manual("IDM080", SHARED), "remove the fixture once its users are migrated"
        module_level = any(i.module_level for i in instances)
        if kind == "name" and module_level and self._exported(name):
            return Decision.manual("IDM080", EXPORTED), become
        if kind in ("name", "attr") and self._unread(name, binding, len(instances)):
            rule = RULES["IDM081"]
            reason = REMOVED["local" if kind == "name" and not module_level else kind].format(name=name)
            return Decision(rule.code, rule.safety, reason), "(assignment removed)"
        return Decision.by_rule(RULES["IDM080"], cst.parse_expression(become)), become

    def _exported(self, name: str) -> bool:
        if self.is_package:
            return True
        quoted = rb"[\"']" + re.escape(name.encode()) + rb"[\"']"
        return b"__all__" in self.source and re.search(quoted, self.source) is not None

    def _unread(self, name: str, binding: str, assignments: int) -> bool:
        """Nothing but the assignments and the rewritten uses mentions ``name`` in the whole file
        (text, so strings, comments and ``other.name`` count as reads)."""
        mentions = len(re.findall(rb"(?<![A-Za-z0-9_])" + re.escape(name.encode()) + rb"(?![A-Za-z0-9_])",
                                  self.source))
        return mentions == assignments + self._applied[binding]
