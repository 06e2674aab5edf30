"""The baseline file: the usages ``verify --baseline`` tolerates, as reviewable JSON.

One usage per line, sorted by path, member and fingerprint, with no line numbers:
rewriting the file after unrelated edits changes nothing, and a review diff shows
exactly the usages added or removed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from pathlib import Path

from migrate.workspace.fileio import replace_file

FORMAT = 1
_COMMENT = (
    "Usages of the retired ID API that `idmigrate verify --baseline FILE` tolerates. "
    "Shrink it with `idmigrate verify --write-baseline FILE`; it grows only with --allow-growth."
)


class BaselineError(ValueError):
    """The baseline file cannot be used: one line for the user, exit 2."""


@dataclass(frozen=True)
class Entry:
    """A recorded usage (or boundary violation). Only ``fingerprint`` and ``path`` are matched on;
    the rest is there for the reader."""

    path: str
    service: str
    member: str
    code: str
    safety: str
    recipe: str
    fingerprint: str

    def sort_key(self) -> tuple[str, ...]:
        return (self.path, self.member, self.fingerprint, self.code)


@dataclass(frozen=True)
class Unchecked:
    """A file the tool could not check when the baseline was written (does not parse, unreadable, ...)."""

    path: str
    service: str
    reason: str

    def sort_key(self) -> tuple[str, ...]:
        return (self.path, self.reason)


@dataclass
class Baseline:
    entries: list[Entry] = field(default_factory=list)
    unchecked: list[Unchecked] = field(default_factory=list)


def _line(item) -> str:
    return "    " + json.dumps({f.name: getattr(item, f.name) for f in fields(item)}, ensure_ascii=False)


def dumps(baseline: Baseline) -> str:
    """The file's text: stable order, one item per line."""
    def block(name: str, items) -> str:
        body = ",\n".join(_line(i) for i in sorted(set(items), key=lambda i: i.sort_key()))
        return f'  "{name}": [\n{body}\n  ]' if body else f'  "{name}": []'

    return "{\n" + ",\n".join([
        f'  "idmigrate_baseline": {FORMAT}',
        f'  "comment": {json.dumps(_COMMENT)}',
        block("usages", baseline.entries),
        block("unchecked", baseline.unchecked),
    ]) + "\n}\n"


def _items(data: dict, name: str, cls, source: Path) -> list:
    raw = data.get(name, [])
    if not isinstance(raw, list):
        raise BaselineError(f"{source}: {name!r} must be a list")
    names = [f.name for f in fields(cls)]
    out = []
    for i, item in enumerate(raw):
        if not isinstance(item, dict) or not all(isinstance(item.get(n), str) for n in names):
            raise BaselineError(f"{source}: {name}[{i}] needs the string fields {', '.join(names)}")
        out.append(cls(**{n: item[n] for n in names}))
    return out


def load(path: Path) -> Baseline:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline (create it with `idmigrate verify --write-baseline {path}`)") \
            from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: cannot read the baseline: {getattr(exc, 'strerror', None) or exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    if not isinstance(data, dict) or data.get("idmigrate_baseline") != FORMAT:
        raise BaselineError(f"{path}: not an idmigrate baseline (format {FORMAT})")
    return Baseline(_items(data, "usages", Entry, path), _items(data, "unchecked", Unchecked, path))


def save(path: Path, baseline: Baseline) -> None:
    """Write atomically (a reader sees the old baseline or the new one), keeping an existing file's mode."""
    try:
        replace_file(path.resolve(), dumps(baseline).encode("utf-8"))
    except OSError as exc:
        raise BaselineError(f"cannot write {path}: {exc.strerror or exc}") from None
