"""Which manager members each rule kind calls, and whether a manager's API has them.

The rewrites of every kind (``codemods.core.rules.CALL_KINDS``) are built in
``codemods.generator.builders``; this table names the manager members they use, so
``idmigrate scan --api`` can say whether the manager of the repository at hand has them.
"""

from __future__ import annotations

from dataclasses import dataclass

from codemods.core.api import ClassApi, Member
from codemods.core.rules import Rule

MANAGER_CLASS = "UnifiedIDManager"
#: The module function that returns the manager instance the ``instance`` targets are called on.
SINGLETON = "get_id_manager"


@dataclass(frozen=True)
class Target:
    member: str
    #: "instance": ``get_id_manager().member``; "class": ``UnifiedIDManager.member``; "module": ``member()``.
    via: str

    @property
    def call(self) -> str:
        if self.via == "instance":
            return f"{SINGLETON}().{self.member}"
        if self.via == "class":
            return f"{MANAGER_CLASS}.{self.member}"
        return self.member


_GENERATE_ID = Target("generate_id", "instance")
_RUN = Target("generate_run_id", "class")

KIND_TARGETS: dict[str, tuple[Target, ...]] = {
    "base_id": (_GENERATE_ID,),
    "typed": (_GENERATE_ID,),
    "typed_literal": (_GENERATE_ID,),
    "batch": (_GENERATE_ID,),
    "thread": (_GENERATE_ID,),  # generate_id(IDType.THREAD): the classmethod's base is no thread ID
    "run": (_RUN,),
    "user_context": (_RUN, _GENERATE_ID),
    "valid": (Target("is_valid_id_format", "module"),),
    "reset": (Target("reset_counters", "instance"),),
    "uuid_hex8": (),  # the standard library's uuid4: no manager member needed
    "manual": (),
}


def targets_of(rule: Rule) -> tuple[Target, ...]:
    return KIND_TARGETS.get(rule.kind, ())


def check_target(target: Target, cls: ClassApi | None, functions: dict[str, Member]) -> str:
    """``""`` when the manager (its class and module functions) has what ``target`` calls, else why not."""
    if target.via == "module":
        return "" if target.member in functions else f"no module function {target.member}()"
    member = cls.member(target.member) if cls is not None else None
    if member is None:
        return f"no {MANAGER_CLASS}.{target.member}"
    if member.kind not in ("method", "staticmethod", "classmethod"):
        article = "an" if member.kind[0] in "aeiou" else "a"
        return f"{MANAGER_CLASS}.{target.member} is {article} {member.kind}, not a method"
    if target.via == "class" and not member.callable_on_class:
        return f"{MANAGER_CLASS}.{target.member} is an instance method"
    if target.via == "instance" and SINGLETON not in functions:
        return f"no module function {SINGLETON}()"
    return ""
