"""Progress lines of ``idmigrate run`` on its log stream."""

from __future__ import annotations

import contextlib
from typing import Iterator, TextIO

from migrate.output.terminal import escape_control


class Reporter:
    """Progress on the ``log`` stream: rich spinners on a terminal, plain lines otherwise."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        isatty = getattr(stream, "isatty", None)
        self.tty = bool(isatty and isatty())
        self._console = None
        if self.tty:
            from rich.console import Console

            self._console = Console(file=stream, highlight=False)

    def line(self, text: str) -> None:
        text = escape_control(text)
        if self._console is not None:
            self._console.print(text, markup=False, highlight=False, soft_wrap=True)
        else:
            self.stream.write(text + "\n")
            self.stream.flush()

    @contextlib.contextmanager
    def activity(self, text: str, plain: bool = True) -> Iterator[None]:
        """A spinner with ``text`` on a terminal; else the line itself (or nothing when not ``plain``)."""
        if self._console is not None:
            with self._console.status(escape_control(text), spinner="dots"):
                yield
        else:
            if plain:
                self.line(text)
            yield
