"""What the transforms report for every generator usage they meet."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from codemods.core.safety import Safety


@dataclass(frozen=True)
class Finding:
    """One generator usage: where it is, which rule matched, and what happened to it."""

    line: int
    column: int
    member: str
    code: str
    safety: Safety
    #: Why the rule applies (applied sites) or why it was not applied (manual sites).
    reason: str
    #: The rewrite the tool made (applied) or suggests (manual).
    suggestion: str = ""
    #: "fixed" when the call used a member the generator never defined and now works,
    #: "open" when such a call is left for a human; "" otherwise.
    latent: str = ""
    before: str = ""
    recipe: str = "generator"

    @property
    def applied(self) -> bool:
        return self.safety is not Safety.MANUAL

    def to_json(self) -> dict:
        data = asdict(self)
        data["safety"] = self.safety.label
        return data
