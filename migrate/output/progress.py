"""Progress on the terminal: the planning progress bar, and the progress lines of ``idmigrate run``."""

from __future__ import annotations

import contextlib
import sys
from typing import Callable, Iterator, TextIO

from migrate.output.terminal import escape_control


def progress_bar_factory(label: str) -> Callable[[int], Callable[[int], None]] | None:
    """A rich progress bar on stderr when it is a terminal; None when piped (where it would garble logs).

    The factory is called with the number of files to go and returns ``advance(n)``.
    """
    if not sys.stderr.isatty():
        return None

    def factory(total: int):
        from rich.console import Console
        from rich.progress import Progress

        progress = Progress(transient=True, console=Console(stderr=True, highlight=False))
        progress.start()
        task = progress.add_task(label, total=total)

        def advance(n: int) -> None:
            progress.advance(task, n)
            if progress.tasks[0].completed >= total:
                progress.stop()

        return advance

    return factory


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
