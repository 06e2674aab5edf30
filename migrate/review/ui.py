"""The terminal UI of ``idmigrate review``: one site at a time, a decision per key.

Keys: y accept, n reject, t pick an IDType, e open ``$EDITOR`` at the site (the file is
planned again afterwards), s skip, u undo the last decision, q quit. Every decision is
written to the decisions file as it is made, so quitting (or a crash) keeps it.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import termios
import tty
from collections import Counter
from pathlib import Path
from typing import Callable

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from codemods.generator.rules import ID_TYPES
from migrate.output.terminal import escape_control
from migrate.review.honour import LABELS, SiteReview
from migrate.review.store import FILE_NAME, ReviewDecision, update_decisions

CONTEXT_LINES = 3
#: Keys that pick an IDType after ``t``: 1-9, then letters.
TYPE_KEYS = "123456789abcdefgh"[:len(ID_TYPES)]
HELP = "[y] accept  [n] reject  [t] type  [e] edit  [s] skip  [u] undo  [q] quit"


def read_key() -> str:
    """One key press from the terminal, without waiting for Enter."""
    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)
    try:
        tty.setcbreak(fd)
        return os.read(fd, 1).decode("utf-8", "replace")
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


class ReviewSession:
    def __init__(self, plan, reload: Callable[[], list[SiteReview]], sites: list[SiteReview],
                 console: Console | None = None, key: Callable[[], str] = read_key) -> None:
        self.root = Path(plan.root)
        self.reload = reload
        self.sites = sites
        self.console = console or Console(highlight=False)
        self.key = key
        #: fingerprint -> the decision now in the file (None: undecided).
        self.decided: dict[str, ReviewDecision | None] = {s.fingerprint: s.decision for s in sites}
        #: (index, fingerprint, decision before) of every decision made, for ``u``.
        self.history: list[tuple[int, str, ReviewDecision | None]] = []
        self.message = ""

    # -------------------------------------------------------------- the loop
    def run(self) -> int:
        """Show the sites until the last one or ``q``; returns how many decisions were written."""
        index = 0
        while 0 <= index < len(self.sites):
            self.show(index)
            key = self.key()
            if key in ("q", "\x03", "\x04", ""):
                break
            index = self.handle(key, index)
        made = len(self.history)
        self.console.print(f"{made} decision{'' if made == 1 else 's'} made this session; "
                           f"{'it is' if made == 1 else 'they are'} in {FILE_NAME}.")
        return len(self.history)

    def handle(self, key: str, index: int) -> int:
        """Act on one key; the index of the site to show next."""
        site = self.sites[index]
        self.message = ""
        if key == "y":
            return self.decide(index, ReviewDecision(site.fingerprint, "accept"))
        if key == "n":
            return self.decide(index, ReviewDecision(site.fingerprint, "reject"))
        if key == "t":
            self.console.print("IDType: " + "  ".join(f"[{k}] {t}" for k, t in zip(TYPE_KEYS, ID_TYPES))
                               + "  (any other key: cancel)", markup=False)
            choice = self.key()
            if choice in TYPE_KEYS:
                return self.decide(index, ReviewDecision(site.fingerprint, "type", ID_TYPES[TYPE_KEYS.index(choice)]))
            self.message = "type: cancelled"
            return index
        if key == "s":
            return index + 1
        if key == "u":
            return self.undo(index)
        if key == "e":
            return self.edit(index)
        self.message = f"unknown key {key!r}: {HELP}"
        return index

    def decide(self, index: int, decision: ReviewDecision) -> int:
        before = self.decided.get(decision.fingerprint)
        update_decisions(self.root, {decision.fingerprint: decision})
        self.decided[decision.fingerprint] = decision
        self.history.append((index, decision.fingerprint, before))
        self.message = f"{_describe(decision)}: written to {FILE_NAME}"
        return index + 1

    def undo(self, index: int) -> int:
        if not self.history:
            self.message = "nothing to undo"
            return index
        was_index, fingerprint, before = self.history.pop()
        update_decisions(self.root, {fingerprint: before})
        self.decided[fingerprint] = before
        self.message = f"undone: the site is {_describe(before) if before else 'undecided'} again"
        return min(was_index, len(self.sites) - 1)

    def edit(self, index: int) -> int:
        site = self.sites[index]
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
        try:
            subprocess.call([*shlex.split(editor), f"+{site.finding.line}", str(self.root / site.path)])
        except OSError as exc:
            self.message = f"cannot start {editor}: {exc.strerror}"
            return index
        self.sites = self.reload()
        for site_now in self.sites:
            self.decided.setdefault(site_now.fingerprint, site_now.decision)
        self.message = f"{site.path} edited and planned again"
        return min(index, len(self.sites) - 1) if self.sites else -1

    # -------------------------------------------------------------- the screen
    def show(self, index: int) -> None:
        site, f = self.sites[index], self.sites[index].finding
        c = self.console
        c.clear()
        per_class = Counter(s.finding.safety.label for s in self.sites)
        done = sum(1 for s in self.sites if self.decided.get(s.fingerprint))
        classes = ", ".join(f"{n} {label}" for label, n in sorted(per_class.items()))
        c.print(f"[bold]site {index + 1} of {len(self.sites)}[/] ({classes}; {done} decided)")
        c.print(f"[bold cyan]{escape(escape_control(site.path))}:{f.line}[/]  service {escape(site.service)}")
        c.print(self.context(site), markup=False)
        c.print(Text("before: ") + Text(escape_control(f.before), style="red"))
        c.print(Text("after:  ") + Text(escape_control(f.suggestion or "(left as it is)"), style="green"))
        c.print(f"rule {f.code}  class [bold]{f.safety.label}[/]  member {escape(f.member)}")
        c.print(Text("reason: " + escape_control(f.reason)))
        current = self.decided.get(site.fingerprint)
        c.print(f"decision: [bold]{escape(_describe(current)) if current else 'pending'}[/]")
        if self.message:
            c.print(Text(escape_control(self.message), style="yellow"))
        c.print(HELP, markup=False)

    def context(self, site: SiteReview) -> str:
        try:
            lines = (self.root / site.path).read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return "(file cannot be read)"
        line = site.finding.line
        start, end = max(1, line - CONTEXT_LINES), min(len(lines), line + CONTEXT_LINES)
        return "\n".join(f"{'>' if n == line else ' '} {n:>5} | {escape_control(lines[n - 1])}"
                         for n in range(start, end + 1))


def _describe(decision: ReviewDecision | None) -> str:
    if decision is None:
        return "undecided"
    label = LABELS[decision.action]
    return f"{label} as {decision.id_type}" if decision.id_type else label
