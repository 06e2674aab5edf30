"""Ctrl-C and SIGTERM handling shared by file writes, the run loop and the test runner."""

from __future__ import annotations

import contextlib
import signal
import threading
from typing import Iterator


def _in_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """SIGTERM unwinds like Ctrl-C (so every ``finally`` cleans up)."""
    if not _in_main_thread():
        yield
        return

    def handler(signum, _frame):
        raise KeyboardInterrupt(f"signal {signum}")

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


_SIGNALS = (signal.SIGINT, signal.SIGTERM)


@contextlib.contextmanager
def deferred_interrupts() -> Iterator[None]:
    """Let a critical section finish: a Ctrl-C/SIGTERM arriving inside is delivered at its end.

    Delivered means handed to the handler that was in place before, so sections nest (an
    inner one passes the signal on to the outer one) and SIGTERM keeps whatever meaning the
    caller gave it; Ctrl-C raises ``KeyboardInterrupt``. An exception from the section itself
    propagates unchanged; a held signal is then dropped, since the section is unwinding
    anyway. Only the main thread receives signals, so elsewhere this does nothing.
    """
    if not _in_main_thread():
        yield
        return
    received: list[int] = []

    def hold(signum, _frame):
        received.append(signum)

    previous = {signum: signal.signal(signum, hold) for signum in _SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    for signum in dict.fromkeys(received):
        _deliver(signum, previous[signum])


def _deliver(signum: int, handler) -> None:
    if handler is signal.default_int_handler:
        raise KeyboardInterrupt(f"signal {signum}")
    if callable(handler):
        handler(signum, None)
    elif handler == signal.SIG_DFL:
        signal.raise_signal(signum)  # the default action, late: for SIGTERM the process ends
    # SIG_IGN: the signal was meant to be ignored
