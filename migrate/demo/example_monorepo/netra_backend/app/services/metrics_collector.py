"""Collects counters and timings and tags each sample with an ID."""

from __future__ import annotations

from typing import Any, Callable, Dict, List

try:
    from shared.id_generation import UnifiedIdGenerator
except ImportError:  # pragma: no cover - layout before the id_generation package
    from shared.id_generation.unified_id_generator import UnifiedIdGenerator


class Collector:
    def __init__(self, id_factory: Callable[[], str]) -> None:
        self.id_factory = id_factory
        self.samples: List[Dict[str, Any]] = []

    def observe(self, name: str, value: float) -> Dict[str, Any]:
        sample = {"sample_id": self.id_factory(), "name": name, "value": value}
        self.samples.append(sample)
        return sample


def default_collector() -> Collector:
    factory = UnifiedIdGenerator.generate_base_id  # expect: manual
    return Collector(id_factory=factory)


def record_metric(name: str, value: float) -> Dict[str, Any]:
    return {"metric_id": UnifiedIdGenerator.generate_base_id("metric"), "name": name, "value": value}  # expect: exact


def anonymous_sample_id() -> str:
    return UnifiedIdGenerator.generate_base_id()  # expect: format
