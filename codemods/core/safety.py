"""Safety classes, ordered like ruff's fix applicability: MANUAL < FORMAT < EXACT."""

from __future__ import annotations

from enum import IntEnum


class Safety(IntEnum):
    """How far a user may rely on a rewrite.

    A rule declares the best class it can reach; the code that builds the edit
    for one site may lower it (e.g. a comment inside the span it would replace).
    """

    #: Not applied. Left as is and reported with a reason and a suggested rewrite.
    MANUAL = 0
    #: Applied. Same role, but the ID text changes shape (``req_…`` -> ``request_…``): review.
    FORMAT = 1
    #: Applied. Same meaning: the ID still starts with the same word.
    EXACT = 2

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> "Safety":
        try:
            return cls[text.upper()]
        except KeyError:
            raise ValueError(f"unknown safety class {text!r} (expected exact, format or manual)") from None
