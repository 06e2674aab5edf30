"""Why a plan cannot be made: one line for the user, exit 2."""

from __future__ import annotations


class PlanError(ValueError):
    """No plan can be made: one line for the user, exit 2."""


class UsageError(PlanError):
    """Bad command-line input (unknown service, path outside ROOT, ...)."""


class WorkerCrashError(PlanError):
    """A worker process died (killed, out of memory, a crash in native code)."""
