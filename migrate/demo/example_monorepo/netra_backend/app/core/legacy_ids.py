"""Compatibility helpers for IDs minted by the pre-2024 backend."""

from __future__ import annotations

from typing import Any, Dict

from shared.id_generation import UnifiedIdGenerator, generate_uuid_replacement


class LegacyIdGenerator(UnifiedIdGenerator):  # expect: manual
    """The v1 generator: same IDs, plus a namespace for the old dashboards."""

    namespace = "v1"

    @classmethod
    def describe(cls) -> Dict[str, str]:
        return {"class": cls.__name__, "namespace": cls.namespace}


def is_id_generator(candidate: Any) -> bool:
    return isinstance(candidate, UnifiedIdGenerator)  # expect: manual


def generator_label(generator: UnifiedIdGenerator) -> str:  # expect: manual
    return f"{type(generator).__name__}@{id(generator):x}"


def dashboard_user_key() -> str:
    return UnifiedIdGenerator.generate_base_id(  # old dashboards group by the "user" prefix
        "user"
    )  # expect: format


def opaque_reference() -> str:
    """A unique string for systems that expected a UUID."""
    return generate_uuid_replacement()  # expect: exact
