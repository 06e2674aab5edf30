"""Typed ID wrappers, as in the real repository's ``shared.types``: ``ensure_user_id(value)``
returns its argument typed as a ``UserID``."""

from __future__ import annotations

from typing import NewType

UserID = NewType("UserID", str)
ThreadID = NewType("ThreadID", str)
OrgID = NewType("OrgID", str)


def ensure_user_id(value: str) -> UserID:
    if not isinstance(value, str) or not value:
        raise ValueError("a user ID is a non-empty string")
    return UserID(value)


def ensure_thread_id(value: str) -> ThreadID:
    if not isinstance(value, str) or not value:
        raise ValueError("a thread ID is a non-empty string")
    return ThreadID(value)
