"""libcst's visitors, with each hook looked up once per (visitor class, node type).

libcst finds a node's hooks by name on every visit (``getattr(self, f"visit_{type}")``, again
on leaving, and twice more per child attribute), and calls libcst's empty stub when the visitor
has no hook of its own. A file's walk visits tens of thousands of nodes, so this costs about 6%
of a file's time. Here a node type without a hook of the visitor's own costs one dict lookup.
Every visitor of this package derives from ``Visitor`` or ``Transformer``. None defines an
attribute hook (``visit_Call_func``); a class that does is refused when it is defined, since
its hook would never run.
"""

from __future__ import annotations

import re

import libcst as cst

_ATTRIBUTE_HOOK = re.compile(r"(visit|leave)_[A-Z][A-Za-z]*_\w+$")


class _CachedHooks:
    _visit_hooks: dict
    _leave_hooks: dict

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        attribute_hooks = sorted(name for klass in _own_classes(cls) for name in vars(klass)
                                 if _ATTRIBUTE_HOOK.match(name))
        if attribute_hooks:
            raise TypeError(f"{cls.__name__}: attribute hooks are not dispatched: {', '.join(attribute_hooks)}")
        cls._visit_hooks, cls._leave_hooks = {}, {}

    @classmethod
    def _hook(cls, cache: dict, prefix: str, node_type: type):
        """The class's own hook for ``node_type`` (None for libcst's empty stub), remembered."""
        name = prefix + node_type.__name__
        hook = next((vars(klass)[name] for klass in _own_classes(cls) if name in vars(klass)), None)
        cache[node_type] = hook
        return hook

    def on_visit(self, node: cst.CSTNode) -> bool:
        cls = type(self)
        hooks = cls._visit_hooks
        hook = hooks[type(node)] if type(node) in hooks else cls._hook(hooks, "visit_", type(node))
        return hook is None or hook(self, node) is not False

    def on_visit_attribute(self, node: cst.CSTNode, attribute: str) -> None:
        pass

    def on_leave_attribute(self, original_node: cst.CSTNode, attribute: str) -> None:
        pass


def _own_classes(cls: type) -> list[type]:
    """``cls`` and its bases in method resolution order, up to libcst's own classes."""
    return [klass for klass in cls.__mro__ if not klass.__module__.startswith("libcst.")]


class Visitor(_CachedHooks, cst.CSTVisitor):
    """``libcst.CSTVisitor`` with cached hook lookups."""

    def on_leave(self, original_node: cst.CSTNode) -> None:
        cls = type(self)
        hooks = cls._leave_hooks
        node_type = type(original_node)
        hook = hooks[node_type] if node_type in hooks else cls._hook(hooks, "leave_", node_type)
        if hook is not None:
            hook(self, original_node)


class Transformer(_CachedHooks, cst.CSTTransformer):
    """``libcst.CSTTransformer`` with cached hook lookups."""

    def on_leave(self, original_node: cst.CSTNode, updated_node: cst.CSTNode):
        cls = type(self)
        hooks = cls._leave_hooks
        node_type = type(original_node)
        hook = hooks[node_type] if node_type in hooks else cls._hook(hooks, "leave_", node_type)
        return updated_node if hook is None else hook(self, original_node, updated_node)
