"""Ctrl-C and SIGTERM handling shared by the run loop and the test runner."""

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


@contextlib.contextmanager
def deferred_interrupts() -> Iterator[None]:
    """Let a critical section finish: a Ctrl-C/SIGTERM arriving inside is raised at its end.

    An exception from the section itself propagates unchanged; the held signal is then
    dropped, since the section is unwinding anyway.
    """
    if not _in_main_thread():
        yield
        return
    received: list[int] = []

    def hold(signum, _frame):
        received.append(signum)

    old_int = signal.signal(signal.SIGINT, hold)
    old_term = signal.signal(signal.SIGTERM, hold)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, old_int)
        signal.signal(signal.SIGTERM, old_term)
    if received:
        raise KeyboardInterrupt(f"signal {received[0]}")
