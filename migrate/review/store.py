"""``idmigrate-decisions.toml``: the reviewers' decisions, one ``[[decision]]`` per site.

The file lives at the repository root and is committed like code, so it is written in
one stable form (entries sorted by fingerprint, keys in a fixed order) whatever order
the decisions were made in: a diff of it shows exactly the decisions that changed.
Every write re-reads the file first and applies only the caller's own changes, so two
reviewers (or a reviewer and a ``git pull``) editing it one after the other lose nothing.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

from codemods.generator.rules import ID_TYPES
from migrate.workspace.fileio import replace_file
from migrate.workspace.errors import PlanError

FILE_NAME = "idmigrate-decisions.toml"
ACTIONS = ("accept", "reject", "type")
_KEYS = ("fingerprint", "action", "id_type", "note")
_FINGERPRINT = re.compile(r"^[0-9a-f]{8,64}:\d+$")
_HEADER = (
    "# Review decisions for idmigrate, one [[decision]] per site (see MIGRATION.md).\n"
    "# action: accept (a format site is reviewed), reject (never rewritten), type (rewritten with id_type).\n"
)


class DecisionsError(PlanError):
    """The decisions file cannot be used: one line naming the entry, exit 2."""


@dataclass(frozen=True)
class ReviewDecision:
    fingerprint: str
    action: str
    id_type: str = ""
    note: str = ""


def decisions_path(root: Path) -> Path:
    return Path(root) / FILE_NAME


def parse_decisions(text: str, name: str = FILE_NAME) -> dict[str, ReviewDecision]:
    """The decisions by fingerprint; ``DecisionsError`` names the first bad entry."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DecisionsError(f"{name}: not valid TOML: {exc}") from None
    extra = sorted(set(data) - {"decision"})
    if extra:
        raise DecisionsError(f"{name}: unknown table or key {extra[0]!r} (only [[decision]] entries)")
    entries = data.get("decision", [])
    if not isinstance(entries, list):
        raise DecisionsError(f"{name}: 'decision' must be an array of tables ([[decision]])")
    out: dict[str, ReviewDecision] = {}
    for number, entry in enumerate(entries, 1):
        decision = _entry(entry, f"{name}: decision #{number}")
        if decision.fingerprint in out:
            raise DecisionsError(f"{name}: decision #{number}: fingerprint {decision.fingerprint!r} is decided twice")
        out[decision.fingerprint] = decision
    return out


def _entry(entry: object, where: str) -> ReviewDecision:
    if not isinstance(entry, dict):
        raise DecisionsError(f"{where}: not a table")
    unknown = sorted(set(entry) - set(_KEYS))
    if unknown:
        raise DecisionsError(f"{where}: unknown key {unknown[0]!r} (known: {', '.join(_KEYS)})")
    for key in _KEYS:
        if key in entry and not isinstance(entry[key], str):
            raise DecisionsError(f"{where}: {key} must be a string")
    fingerprint, action = entry.get("fingerprint", ""), entry.get("action", "")
    id_type, note = entry.get("id_type", ""), entry.get("note", "")
    if not _FINGERPRINT.match(fingerprint):
        raise DecisionsError(f"{where}: fingerprint {fingerprint!r} is not one idmigrate wrote (<hex>:<n>)")
    where = f"{where} ({fingerprint})"
    if action not in ACTIONS:
        raise DecisionsError(f"{where}: action {action!r} must be one of {', '.join(ACTIONS)}")
    if action == "type" and id_type not in ID_TYPES:
        raise DecisionsError(f"{where}: action = \"type\" needs id_type, one of {', '.join(ID_TYPES)}")
    if action != "type" and id_type:
        raise DecisionsError(f"{where}: id_type goes only with action = \"type\"")
    return ReviewDecision(fingerprint, action, id_type, note)


def load_decisions(root: Path) -> dict[str, ReviewDecision]:
    """The decisions at ROOT (none when the file does not exist)."""
    path = decisions_path(root)
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return {}
    except UnicodeDecodeError:
        raise DecisionsError(f"{FILE_NAME}: not UTF-8") from None
    except OSError as exc:
        raise DecisionsError(f"cannot read {FILE_NAME}: {exc.strerror}") from None
    return parse_decisions(text)


def render_decisions(decisions: Iterable[ReviewDecision]) -> str:
    """The file's text: sorted by fingerprint, keys in a fixed order, empty keys left out."""
    parts = [_HEADER]
    for d in sorted(decisions, key=lambda d: d.fingerprint):
        parts.append("\n[[decision]]\n")
        for key in _KEYS:
            value = getattr(d, key)
            if value:
                parts.append(f"{key} = {json.dumps(value, ensure_ascii=False)}\n")
    return "".join(parts)


def update_decisions(root: Path, changes: Mapping[str, ReviewDecision | None]) -> dict[str, ReviewDecision]:
    """Re-read the file, set (or, for None, remove) the decisions in ``changes``, write it atomically.

    Returns what the file now holds. Other entries, written meanwhile by someone else, are kept.
    """
    current = load_decisions(root)
    for fingerprint, decision in changes.items():
        if decision is None:
            current.pop(fingerprint, None)
        else:
            current[fingerprint] = decision
    replace_file(decisions_path(root), render_decisions(current.values()).encode("utf-8"))
    return current
