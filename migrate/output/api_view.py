"""``idmigrate scan --api``: both APIs as the repository defines them, next to the rule table.

``api_summary`` is a pure function of the APIs found and the effective rules; it gives
the JSON output, and the text renderers (plain for pipes, a rich table on a terminal)
read the same dict. Every string from the repository goes through ``escape_control``.
"""

from __future__ import annotations

from codemods.apibind.bind import bind_rules
from codemods.apibind.rows import NO_RULE as NO_RULE_CODE, OFF
from codemods.core.api import CLASS, Member
from codemods.generator.rules import Rule, RuleSet
from codemods.generator.targets import SINGLETON, check_target, targets_of
from migrate.output.terminal import escape_control
from migrate.workspace.apis import FoundApi, RepoApis

NO_RULE = "no rule"


def _shown(member: Member, rules: RuleSet) -> bool:
    """Public members, and private ones a rule names (``_active_sessions``); never dunders."""
    if member.name.startswith("__"):
        return False
    return member.public or member.name in rules.members


def _member_entry(member: Member, owner: str) -> dict:
    return {
        "name": member.name,
        "owner": owner,
        "kind": member.kind,
        "signature": member.signature(),
        "line": member.line,
        "params": None if member.params is None else [
            {"name": p.name, "kind": p.kind, "default": p.default, "annotation": p.annotation} for p in member.params
        ],
    }


def _rule_entry(rule: Rule | None, manager: FoundApi, note: str) -> dict:
    if rule is None:
        return {"rule": None, "rule_kind": None, "safety": None, "targets": [], "note": note}
    targets = [
        {"call": t.call, "member": t.member, "via": t.via, "missing": check_target(t, manager.cls, manager.functions)}
        for t in targets_of(rule)
    ]
    return {"rule": rule.code, "rule_kind": rule.kind, "safety": rule.safety.label, "targets": targets, "note": note}


def binding_note(name: str, declared: Rule | None, bound: RuleSet) -> str:
    """What binding the rules to this repository makes of the declared row (``codemods.apibind``)."""
    if declared is None or bound.apis is None:
        return ""
    row = bound.members.get(name, declared)
    notes = []
    if row.code != declared.code:
        notes.append(row.why if row.code in (NO_RULE_CODE, OFF) else f"defined here: {row.code} {row.safety.label}")
    elif row.latent and not declared.latent:
        notes.append("not defined here: a latent AttributeError")
    counterpart = bound.apis.counterparts.get(name)
    if counterpart is not None:
        notes.append(f"calls that fit go to {counterpart.call}{counterpart.member.signature()}")
    return "; ".join(notes)


def _generator_members(generator: FoundApi, manager: FoundApi, rules: RuleSet, bound: RuleSet) -> list[dict]:
    rows: list[dict] = []
    seen: set[tuple[str, str]] = set()
    candidates: list[tuple[Member, str]] = []
    if generator.cls is not None:
        candidates += [(m, "class") for m in generator.cls.members.values()]
    if generator.api is not None:
        candidates += [(m, "module") for m in generator.api.functions.values()]
        candidates += [(c.constructor, "module") for name, c in generator.api.classes.items()
                       if name != generator.class_name and c.constructor is not None]
    for member, owner in candidates:
        if not _shown(member, rules) or (member.name, owner) in seen:
            continue
        seen.add((member.name, owner))
        rule = rules.members.get(member.name)
        rows.append(_member_entry(member, owner) | _rule_entry(rule, manager, binding_note(member.name, rule, bound)))
    if generator.api is not None:
        defined = {name for name, _ in seen} | set(generator.cls.members if generator.cls else ())
        for name, rule in rules.members.items():
            if name not in defined:
                entry = {"name": name, "owner": None, "kind": None, "signature": "", "line": 0, "params": None}
                rows.append(entry | _rule_entry(rule, manager, binding_note(name, rule, bound)))
    return rows


def _manager_members(manager: FoundApi, generator_rows: list[dict], bound: RuleSet) -> list[dict]:
    targeted: dict[tuple[str, str], set[str]] = {}
    for name, counterpart in (bound.apis.counterparts.items() if bound.apis else ()):
        row = bound.members.get(name)
        if row is not None:
            targeted.setdefault((counterpart.member.name, "class"), set()).add(row.code)
    for row in generator_rows:
        for t in row["targets"]:
            owner = "module" if t["via"] == "module" else "class"
            targeted.setdefault((t["member"], owner), set()).add(row["rule"])
            if t["via"] == "instance":
                targeted.setdefault((SINGLETON, "module"), set()).add(row["rule"])
    rows = []
    members = [(m, "class") for m in (manager.cls.members.values() if manager.cls else ())]
    members += [(m, "module") for m in manager.functions.values()]
    for member, owner in members:
        if member.name.startswith("_"):
            continue
        rows.append(_member_entry(member, owner) | {"targeted_by": sorted(targeted.get((member.name, owner), ()))})
    return rows


def _side(found: FoundApi) -> dict:
    return {"class": found.class_name, "module": found.module, "path": found.path, "searched": list(found.searched),
            "problem": found.problem}


def api_summary(apis: RepoApis, rules: RuleSet, root: str = "") -> dict:
    """Both APIs, each generator member with its rule and that rule's manager targets (JSON-ready);
    ``note`` says what binding the rules to these APIs makes of the row."""
    bound = bind_rules(rules, apis.generator.api, apis.manager.api)
    generator_rows = _generator_members(apis.generator, apis.manager, rules, bound)
    id_type = apis.manager.api.classes.get("IDType") if apis.manager.api else None
    return {
        "root": root,
        "generator": _side(apis.generator) | {"members": generator_rows},
        "manager": _side(apis.manager) | {
            "members": _manager_members(apis.manager, generator_rows, bound),
            "id_types": [m.name for m in id_type.members.values() if m.public] if id_type else [],
        },
        "problems": apis.problems,
    }


# ------------------------------------------------------------------ text


def _codes(codes: list[str]) -> str:
    """``IDM020, IDM021, IDM022`` -> ``IDM020-022``: runs of consecutive codes shortened."""
    out: list[str] = []
    run: list[str] = []
    for code in sorted(set(codes)):
        if run and code[:3] == run[-1][:3] and code[3:].isdigit() and int(code[3:]) == int(run[-1][3:]) + 1:
            run.append(code)
            continue
        if run:
            out.append(run[0] if len(run) == 1 else f"{run[0]}-{run[-1][3:]}")
        run = [code]
    if run:
        out.append(run[0] if len(run) == 1 else f"{run[0]}-{run[-1][3:]}")
    return ", ".join(out)


def generator_cells(row: dict) -> list[str]:
    kind = row["kind"] or "(missing)"
    if row["owner"] == "module" and row["kind"] != CLASS:
        kind = "function"
    targets = " + ".join(t["member"] for t in row["targets"]) or ("-" if row["rule"] else "")
    missing = [t["missing"] for t in row["targets"] if t["missing"]]
    has = "-" if not row["targets"] else ("yes" if not missing else "NO: " + "; ".join(missing))
    rule = row["rule"] or NO_RULE
    if row["safety"]:
        rule += f" {row['safety']}"
    return [row["name"], kind, row["signature"], rule, targets, has, row["note"]]


def manager_cells(row: dict) -> list[str]:
    kind = "function" if row["owner"] == "module" else row["kind"]
    return [row["name"], kind, row["signature"], _codes(row["targeted_by"]) or NO_RULE]


GENERATOR_HEADER = ["generator member", "kind", "signature", "rule", "manager target", "in manager", "note"]
MANAGER_HEADER = ["manager member", "kind", "signature", "targeted by"]


def side_title(side: dict) -> str:
    where = side["path"] or "not found"
    return f"{side['class']} ({where})"


def _plain_table(header: list[str], rows: list[list[str]]) -> list[str]:
    rows = [[escape_control(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    return ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in [header, *rows]]


def render_api_text(summary: dict) -> str:
    """Plain columns, for a pipe or a file."""
    out: list[str] = []
    for role, header, cells in (("generator", GENERATOR_HEADER, generator_cells),
                                ("manager", MANAGER_HEADER, manager_cells)):
        side = summary[role]
        out.append(f"{role}: {escape_control(side_title(side))}")
        if side["problem"]:
            out.append(f"  {escape_control(side['problem'])}")
        elif side["members"]:
            out += ["  " + line for line in _plain_table(header, [cells(r) for r in side["members"]])]
        out.append("")
    if summary["manager"]["id_types"]:
        out.append("IDType: " + ", ".join(escape_control(t) for t in summary["manager"]["id_types"]))
    out.append(footer(summary))
    return "\n".join(out) + "\n"


def footer(summary: dict) -> str:
    rows = summary["generator"]["members"]
    no_rule = sum(1 for r in rows if r["rule"] is None)
    missing = sum(1 for r in rows if any(t["missing"] for t in r["targets"]))
    untargeted = sum(1 for r in summary["manager"]["members"] if not r["targeted_by"])
    return (f"{no_rule} generator members without a rule, {missing} rules whose target this manager lacks, "
            f"{untargeted} manager members no rule targets")


def _rich_generator_cells(row: dict) -> list[str]:
    """The generator row for a terminal: the target and whether the manager has it in one cell."""
    name, kind, signature, rule, targets, has, note = generator_cells(row)
    if row["targets"]:
        targets += " ✓" if has == "yes" else f" ✗ {has[len('NO: '):]}"
    return [name, signature, kind, rule, targets, note]


def _rich_manager_cells(row: dict) -> list[str]:
    name, kind, signature, targeted = manager_cells(row)
    return [name, signature, kind, targeted]


def render_api_rich(summary: dict, console) -> None:
    """The same tables with rich, for a terminal: a member and its signature share a cell, so
    narrow terminals wrap the signature. Cells are ``Text``: source text is never read as markup."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    def cell(text: str, style: str = "") -> Text:
        return Text(escape_control(text), style=style)

    generator_header = ["generator member", "kind", "rule", "manager target", "note"]
    manager_header = ["manager member", "kind", "targeted by"]
    # Columns that wrap, with their share of the width the others leave.
    for role, header, cells, wrapping in (("generator", generator_header, _rich_generator_cells, {0: 4, 3: 2, 4: 2}),
                                          ("manager", manager_header, _rich_manager_cells, {0: 4, 2: 2})):
        side = summary[role]
        if side["problem"]:
            console.print(cell(f"{role}: {side['problem']}", "bold red"))
            continue
        rows = [cells(row) for row in side["members"]]
        shown = [i for i in range(len(header)) if i < 3 or any(r[i + 1] for r in rows)]  # drop an empty note column
        table = Table(title=cell(f"{role}: {side_title(side)}"), title_justify="left", box=box.SIMPLE_HEAD,
                      pad_edge=False, expand=True)
        for i in shown:
            table.add_column(header[i], no_wrap=i not in wrapping, overflow="fold", ratio=wrapping.get(i))
        for name, signature, *rest in rows:
            member = cell(name) + cell(signature, "dim")
            styles = [""] * len(rest)
            if NO_RULE in rest[-1 if role == "manager" else 1]:
                styles[-1 if role == "manager" else 1] = "yellow"
            if role == "generator" and "✗" in rest[2]:
                styles[2] = "red"
            values = [member, *(cell(v, st) for v, st in zip(rest, styles))]
            table.add_row(*(values[i] for i in shown))
        console.print(table)
    if summary["manager"]["id_types"]:
        console.print(cell("IDType: " + ", ".join(summary["manager"]["id_types"])))
    console.print(cell(footer(summary)))
