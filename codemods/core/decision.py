"""What a recipe decides for one site, in the vocabulary every recipe shares. No libcst.

Like ruff's ``Fix::safe_edit`` / ``unsafe_edit``, the constructor names the safety
class: ``Decision.exact``, ``Decision.format``, ``Decision.manual``, or
``Decision.by_rule`` for the class a (possibly user-configured) rule declares.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from codemods.core.safety import Safety


@dataclass(frozen=True)
class Decision:
    code: str
    safety: Safety
    reason: str
    #: The libcst expression that replaces the site; None when nothing replaces it.
    node: Any = None
    #: The rewrite a human should make (manual sites); applied sites print their node instead.
    suggestion: str = ""
    #: "fixed" / "open" when the site calls a member the generator never defined, else "".
    latent: str = ""

    @classmethod
    def exact(cls, code: str, reason: str, node: Any = None) -> "Decision":
        """Applied, same meaning: the ID still starts with the same word."""
        return cls(code, Safety.EXACT, reason, node)

    @classmethod
    def format(cls, code: str, reason: str, node: Any = None) -> "Decision":
        """Applied, but the ID text changes shape: worth a review."""
        return cls(code, Safety.FORMAT, reason, node)

    @classmethod
    def manual(cls, code: str, reason: str | None = None, suggestion: str | None = None,
               *, latent: str = "") -> "Decision":
        """Left for a human. No reason (or ``None`` for the suggestion) takes the registered rule's own."""
        if not reason or suggestion is None:
            from codemods.core.recipes import RULES  # the registry imports the recipes, which import this

            row = RULES.get(code)
            reason = reason or (row.why if row else "")
            suggestion = suggestion if suggestion is not None else (row.suggestion if row else "")
        return cls(code, Safety.MANUAL, reason, None, suggestion, latent)

    @classmethod
    def by_rule(cls, rule: Any, node: Any = None) -> "Decision":
        """The class, code and reason a rule row declares (the user may have configured it)."""
        return cls(rule.code, rule.safety, rule.why, node)

    def with_latent(self, latent: str, node: Any = None) -> "Decision":
        return Decision(self.code, self.safety, self.reason, node, self.suggestion, latent)
