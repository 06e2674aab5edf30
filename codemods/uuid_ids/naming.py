"""What a name or an ID literal says: its words, the IDType they name, whether it is an ID at all. No libcst."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from codemods.core.secret_words import secret_word, words  # noqa: F401 (re-exported to the uuid recipes)
from codemods.generator.rules import ID_TYPES, RuleSet
from codemods.uuid_ids.uuid_rules import (
    FILLER_WORDS, ID_WORDS, MAKER_WORDS, NON_ID_WORDS, SECRET_WORDS, UUID_NAME_TYPES, UUID_WORDS,
)

_ID_TEXT = re.compile(r"^[A-Za-z0-9_-]*$")


def id_literal(text: str) -> bool:
    """Literal text that can be part of an ID: ID characters and no secret word."""
    return bool(_ID_TEXT.match(text)) and not has_secret(text)


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
    #: A libcst expression (an f-string head) to use as ``prefix=``.
    prefix_node: Any = None
    #: The word that decided the type (``run`` for ``parent_run_id``), when one did.
    word: str | None = None


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
        return Typed(found, None, f"the name {name!r} says {found}", word=subject[-1])
    joined = "_".join(subject)
    if with_fallback and id_name and subject and _ID_TEXT.match(joined):
        return Typed(rules.fallback_type, joined,
                     f"the name {name!r} names no type: the fallback type, {joined!r} kept as prefix=")
    return None


def type_from_literal(text: str, name: str | None, rules: RuleSet) -> Typed:
    """A literal prefix resolved like a ``generate_base_id`` prefix (MIGRATION.md), except that the
    name the ID is stored under beats a type word inside the prefix: ``request_id = f"ws_req_{...}"``
    is a request ID, and ``alert_id = f"user_alert_{...}"`` is no user ID."""
    by_name = type_from_name(name, rules, with_fallback=False)
    whole = text if text in ID_TYPES else rules.aliases.get(text)
    if by_name is not None:
        same = whole == by_name.id_type and not rules.keep_prefix
        return Typed(by_name.id_type, None if same else text,
                     f"{by_name.how}" + ("" if same else f"; prefix {text!r} kept"), word=by_name.word)
    if text in ID_TYPES:
        return Typed(text, text if rules.keep_prefix else None, f"prefix {text!r} is the IDType value", word=text)
    if whole is not None:
        return Typed(whole, text if rules.keep_prefix else None, f"prefix {text!r} is an alias of {whole}", word=text)
    for word in words(text):
        found = word_type(word, rules)
        if found and not _names_an_id(name):
            return Typed(found, text, f"the word {word!r} of prefix {text!r} says {found}; prefix kept", word=word)
        if found:
            return Typed(rules.fallback_type, text, f"the name {name!r} beats the word {word!r} of prefix {text!r} "
                         "but names no type: the fallback type, prefix kept")
    return Typed(rules.fallback_type, text, f"prefix {text!r} names no type: the fallback type, prefix kept")


def _names_an_id(name: str | None) -> bool:
    """``alert_id``: an ID name with a subject (its words, not a prefix's, say what it identifies)."""
    ws = words(name) if name else []
    return len(ws) >= 2 and ws[-1] in ID_WORDS and any(w not in FILLER_WORDS for w in ws[:-1])


def wrapper_subject(func: str) -> str | None:
    """The ID name a typed wrapper stands for: ``ensure_user_id`` -> ``user_id``, ``ThreadID`` -> ``ThreadID``,
    ``shared.types.UserID`` -> ``UserID``; None when ``func`` is no such wrapper."""
    last = func.rpartition(".")[2]
    if last.upper().endswith(("UUID", "GUID")):
        return None
    if last.startswith("ensure_") and last.endswith(("_id", "_ids")):
        return last[len("ensure_"):]
    if len(last) > 2 and last[0].isupper() and last.endswith(("ID", "Id")) and last[:-2].isalnum():
        return last
    return None


def function_names_id(name: str) -> bool:
    """``new_transaction_id``, ``make_session``: a function whose name says which ID it returns."""
    ws = words(name)
    return bool(ws) and (ws[-1] in ID_WORDS or ws[0] in MAKER_WORDS)


def non_id_name(name: str) -> bool:
    """``filename``, ``queue_name``: a name that says not-an-ID (``file_id`` is still an ID)."""
    ws = words(name)
    return bool(ws) and ws[-1] not in ID_WORDS and bool(NON_ID_WORDS & set(ws))


def names_uuid(name: str | None) -> bool:
    """``request_uuid``, ``guid``: the name says a real UUID is wanted."""
    return bool(name) and bool(UUID_WORDS & set(words(name)))
