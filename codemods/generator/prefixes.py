"""Resolve a ``generate_base_id`` prefix argument to an IDType (the IDM001-IDM006 rows; MIGRATION.md
says how a prefix resolves)."""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from codemods.engine.nodes import literal_text
from codemods.generator.rules import ID_TYPES, RuleSet


@dataclass(frozen=True)
class Resolution:
    """``code`` is the prefix class's rule row; ``keep`` means the literal stays as ``prefix=``."""

    code: str
    id_type: str | None  # None: manual
    keep: bool


def fstring_head(node: cst.BaseExpression) -> str | None:
    """The literal text before the first ``{}`` of an f-string; None if not an f-string."""
    if not isinstance(node, cst.FormattedString):
        return None
    head = ""
    for part in node.parts:
        if not isinstance(part, cst.FormattedStringText):
            break
        head += part.value
    return head.replace("{{", "{").replace("}}", "}")


def _words(text: str) -> list[str]:
    return [w for w in text.lower().split("_") if w]


def resolve_literal(text: str, rules: RuleSet) -> Resolution:
    """A literal prefix: an IDType value, an alias, a word naming a type, else the fallback type."""
    if text in ID_TYPES:
        return Resolution("IDM001", text, keep=rules.keep_prefix)
    if text in rules.aliases:
        return Resolution("IDM002", rules.aliases[text], keep=rules.keep_prefix)
    for word in _words(text):
        found = rules.type_for_word(word)
        if found:
            return Resolution("IDM003", found, keep=True)
    return Resolution("IDM004", rules.fallback_type, keep=True)


def resolve_prefix(node: cst.BaseExpression | None, rules: RuleSet) -> Resolution:
    """Any prefix expression (a literal, an f-string, else computed: manual); None means the
    member's default ``"id"``."""
    if node is None:
        return resolve_literal("id", rules)
    text = literal_text(node)
    if text is not None:
        return resolve_literal(text, rules)
    head = fstring_head(node)
    if head is not None:
        words = _words(head)
        # Only complete words count: f"thread_{x}" -> "thread"; f"thr{x}" has no complete word.
        if head and not head.endswith("_") and words:
            words = words[:-1]
        for word in words:
            found = rules.type_for_word(word)
            if found:
                return Resolution("IDM005", found, keep=True)
        return Resolution("IDM005", rules.fallback_type, keep=True)
    return Resolution("IDM006", None, keep=False)
