"""``idmigrate status``: the burndown of generator sites per service and each batch's state."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from migrate import gitops
from migrate.output.report import summarize
from migrate.output.run_tables import STATE_LABELS
from migrate.run.model import order_services
from migrate.run.state import DEFAULT_RECIPE_SET, RunState, state_dir
from migrate.workspace.config import Config


def status_report(root: Path, config: Config, plan, services: list[str] | None = None,
                  recipe_set: str = DEFAULT_RECIPE_SET) -> dict[str, Any]:
    """Burndown: per service, the sites of ``recipe_set`` still in ROOT's checkout (``plan`` is of
    that recipe set) and the state of that recipe set's batch: counts and states never mix recipes."""
    summary = summarize(plan)
    state: RunState | None = None
    branch_tips: dict[str, str | None] = {}
    note = ""
    try:
        repo = gitops.open_repo(root)
    except gitops.GitNotFoundError as exc:
        repo = None
        note = f"{exc}: no batch states"
    except gitops.NotARepositoryError:
        repo = None
        note = "not a git repository: no batch states"
    if repo is not None:
        try:
            state = RunState.load(state_dir(Path(repo.working_tree_dir)), recipe_set)
            for entry in state.batches.values():
                if entry.get("branch"):
                    branch_tips[entry["branch"]] = gitops.branch_tip(repo, entry["branch"])
        finally:
            repo.close()
    from migrate.review.honour import review_counts

    reviews = review_counts(plan)
    rows = []
    order = order_services(plan.services, config.shared_packages)
    for service in order:
        if services and service not in services:
            continue
        usage = summary["services"].get(service)
        sites = dict(usage["sites"]) if usage else {"exact": 0, "format": 0, "manual": 0}
        entry = state.batch(service) if state else None
        if not usage and not entry:
            continue
        if entry:
            current = entry.get("state", "pending")
        elif not sites["exact"] + sites["format"]:
            current = "nothing"
        else:  # without git no run can take it: not "pending"
            current = "pending" if repo is not None else "-"
        row = {
            "service": service,
            "files": usage["files"] if usage else 0,
            "sites": sites,
            "remaining": sum(sites.values()),
            "review": reviews.get(service, {"reviewed": 0, "pending": 0}),
            "state": current,
            "label": STATE_LABELS.get(current, current),
            "branch": (entry or {}).get("branch") or "",
            "commit": (entry or {}).get("commit"),
            "reason": (entry or {}).get("reason", ""),
            "base": (entry or {}).get("base"),
            # a folder where the recipe never found a site: a row only in --json, as in run's summary
            "quiet": current == "nothing" and not sum(sites.values())
                     and not sum(((entry or {}).get("sites") or {}).values()),
        }
        if current == "committed" and row["branch"]:
            tip = branch_tips.get(row["branch"])
            row["branch_status"] = ("ok" if tip == row["commit"] else "deleted" if tip is None else "moved")
        rows.append(row)
    totals = {c: sum(r["sites"][c] for r in rows) for c in ("exact", "format", "manual")}
    totals |= {k: sum(r["review"][k] for r in rows) for k in ("reviewed", "pending")}
    return {
        "root": str(root),
        "recipe_set": recipe_set,
        "other_recipe_sets": state.other_recipe_sets() if state else [],
        "run": dict(state.run) if state else {},
        "note": note,
        "services": rows,
        "totals": totals | {"all": sum(totals[c] for c in ("exact", "format", "manual"))},
        "stale_decisions": len(getattr(plan.review, "stale", [])),
    }
