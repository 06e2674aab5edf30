"""The burndown over history as a terminal chart: one bar per commit, newest first, and a sparkline."""

from __future__ import annotations

_SPARKS = "▁▂▃▄▅▆▇█"
_WIDTH = 40


def sparkline(values: list[int]) -> str:
    if not values:
        return ""
    high = max(values) or 1  # bars from zero: a burndown's height is what is left
    return "".join(_SPARKS[round(v * (len(_SPARKS) - 1) / high)] for v in values)


def render_history(points: list[dict]) -> str:
    """``points`` as ``status --history --json`` lists them (newest first)."""
    if not points:
        return "no commits in range\n"
    top = max(p["usages"] for p in points) or 1
    lines = [f"{'commit':<10} {'date':<10} {'usages':>7} {'files':>6}"]
    for p in points:
        bar = "█" * round(p["usages"] * _WIDTH / top)
        note = f"  ({p['unchecked']} not checked)" if p.get("unchecked") else ""
        lines.append(f"{p['commit'][:10]:<10} {p['date'][:10]:<10} {p['usages']:>7} {p['files']:>6}  {bar}{note}")
    oldest, newest = points[-1]["usages"], points[0]["usages"]
    change = newest - oldest
    trend = "no change" if not change else f"{abs(change)} {'more' if change > 0 else 'fewer'}"
    lines.append(f"oldest → newest {sparkline([p['usages'] for p in reversed(points)])}  "
                 f"{trend} over {len(points)} commits")
    return "\n".join(lines) + "\n"
