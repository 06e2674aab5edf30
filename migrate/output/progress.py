"""Progress bars for long work: rich on a terminal, nothing when piped."""

from __future__ import annotations

import sys


def progress_factory(label: str):
    """``factory(total) -> advance(n)`` drawing a bar on stderr, or None when stderr is not a terminal."""
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
