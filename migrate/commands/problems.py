"""Files a plan could not check, and what they mean for the exit code."""

from __future__ import annotations

from typing import Callable

from migrate.output.report import problem_lines, stale_lines, summarize
from migrate.workspace.pipeline import Plan


def problem_exit(plan: Plan) -> int:
    """1 when a file could not be checked: it does not parse, cannot be decoded or read, or the
    guard refused its rewrite. Those are findings; 2 is kept for the tool failing its job."""
    if plan.by_status("skipped") or plan.unreadable or plan.by_status("failed"):
        return 1
    return 0


#: The rule of a rewrite refused because it would make a service import another service.
BOUNDARY_RULE = "IDM090"


def expose_hint(plan: Plan) -> str | None:
    """One line when sites stay manual only because the manager is not importable from
    ``shared/`` yet: every verb says so, so nobody reads "0 files would change" as done."""
    blocked = sum(1 for o in plan.outcomes for f in o.result.findings if f.code == BOUNDARY_RULE)
    if not blocked:
        return None
    sites = "1 site stays" if blocked == 1 else f"{blocked} sites stay"
    return (f"hint: {sites} manual ({BOUNDARY_RULE}) because the rewrite would import another service: "
            f"run `idmigrate expose {plan.root}` (and commit it), then re-run")


def name_problems(plan: Plan, log: Callable[[str], None]) -> None:
    """Files that could not be checked, and review decisions whose site is gone, one line each."""
    for line in problem_lines(summarize(plan)) + stale_lines(plan):
        log(line)


def missing_manager(plan: Plan) -> str | None:
    """One line when rewrites would import a manager module this repository does not have (neither
    ``manager_module`` nor ``exposed_module`` is in ROOT): the patch would not import."""
    if not any(f.applied for o in plan.outcomes for f in o.result.findings):
        return None
    from migrate.workspace.apis import module_source
    from migrate.workspace.config import load_config

    config = plan.workspace.config if plan.workspace is not None else load_config(plan.root)
    modules = (config.manager_module, config.exposed_module)
    if any(module_source(plan.root, module) is not None for module in modules):
        return None
    return (f"warning: the manager module {config.manager_module} is not in {plan.root}: the rewrites would "
            f"import a module that does not exist; set manager_module in [tool.idmigrate] to the module that "
            f"defines UnifiedIDManager")


def name_problems_and_hint(plan: Plan, log: Callable[[str], None]) -> None:
    """``name_problems``, then the ``expose_hint`` and the ``missing_manager`` warning if there are any."""
    name_problems(plan, log)
    for line in (expose_hint(plan), missing_manager(plan)):
        if line:
            log(line)
