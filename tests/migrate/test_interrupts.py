"""Deferring Ctrl-C/SIGTERM over a critical section, and sections inside sections."""

from __future__ import annotations

import os
import signal

import pytest

from migrate.interrupts import deferred_interrupts, sigterm_as_interrupt


def test_ctrl_c_inside_a_section_is_raised_at_its_end():
    done = []
    with pytest.raises(KeyboardInterrupt):
        with deferred_interrupts():
            os.kill(os.getpid(), signal.SIGINT)
            done.append("rest of the section")
    assert done == ["rest of the section"]


def test_an_inner_section_hands_the_signal_to_the_outer_one():
    done = []
    with pytest.raises(KeyboardInterrupt):
        with deferred_interrupts():
            with deferred_interrupts():
                os.kill(os.getpid(), signal.SIGINT)
            done.append("after the inner section")
    assert done == ["after the inner section"]


def test_sigterm_keeps_the_meaning_the_caller_gave_it():
    previous = signal.getsignal(signal.SIGTERM)
    with sigterm_as_interrupt():
        with pytest.raises(KeyboardInterrupt, match="signal 15"):
            with deferred_interrupts():
                os.kill(os.getpid(), signal.SIGTERM)
    assert signal.getsignal(signal.SIGTERM) == previous


def test_an_error_of_the_section_wins_over_a_held_signal():
    with pytest.raises(ValueError):
        with deferred_interrupts():
            os.kill(os.getpid(), signal.SIGINT)
            raise ValueError("the section failed")
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
