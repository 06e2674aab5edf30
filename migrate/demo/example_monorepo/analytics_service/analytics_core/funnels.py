"""Funnel conversion maths (no IDs involved)."""

from __future__ import annotations

from typing import Dict, List, Sequence


def conversion_rates(step_counts: Sequence[int]) -> List[float]:
    rates = []
    for previous, current in zip(step_counts, step_counts[1:]):
        rates.append(0.0 if previous == 0 else current / previous)
    return rates


def summarize(steps: Dict[str, int]) -> Dict[str, float]:
    names = list(steps)
    rates = conversion_rates([steps[n] for n in names])
    return {f"{a}->{b}": r for a, b, r in zip(names, names[1:], rates)}
