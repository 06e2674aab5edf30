"""``shim``: the generator becomes a layer that delegates to the manager and warns.

The original module is kept beside it as ``_legacy_<name>.py``; the new module
subclasses the legacy class, overrides every member the rule table maps in this
repository (the rows bound to its generator and manager, ``codemods.apibind.forwarding``:
a member whose row is off here, e.g. the manager lacks what it calls, is not forwarded),
and wraps the rest so they keep their old behaviour but emit ``DeprecationWarning``.
Overrides keep the legacy members' signatures. The prefix/alias table is rendered into
the shim as data, so at run time it resolves prefixes exactly as the codemod would.
"""

from __future__ import annotations

import ast
import copy
import re
from pathlib import Path

from codemods.apibind.forwarding import forwarded_members, forwards_validity
from codemods.core.rules import Rule
from codemods.generator.rules import ID_TYPES, RuleSet
from migrate.compat.changes import CompatChanges, FileChange
from migrate.workspace.bound_rules import bind_to_repo
from migrate.workspace.config import Config
from migrate.workspace.fileio import UnsafePathError, read_source
from migrate.workspace.services import ServiceMap, module_file

MARKER = "Compatibility layer written by `idmigrate shim`"
GENERATOR_MODULE = "shared.id_generation.unified_id_generator"


class ShimError(ValueError):
    pass


_HEADER = '''"""{marker}.

idmigrate (`idmigrate shim`) generated this module in place of the UnifiedIdGenerator
module, so code not migrated yet keeps working while it moves to UnifiedIDManager
(``{manager}``). Every UnifiedIdGenerator member the migration maps to the manager now
forwards to it and returns a manager ID; the others keep their old behaviour, from the
original module, kept unchanged as ``{legacy_rel}``. Every call emits a
DeprecationWarning that names the replacement.

Removing it: once nothing calls the generator any more (`idmigrate apply` rewrites the
callers, `idmigrate verify` then passes), delete this file and ``{legacy_rel}`` (or the
whole ``{package}`` package, once nothing imports it). To undo the shim instead, move
``{legacy_rel}`` back over this file.
"""

from __future__ import annotations

import functools
import warnings

import {legacy_module} as _legacy
from {legacy_module} import *  # noqa: F401,F403  (IdComponents, TestIdUtils, ...)
from {manager} import IDType, UnifiedIDManager, get_id_manager

_ID_TYPES = {id_types!r}
_ALIASES = {aliases!r}
_FALLBACK = {fallback!r}
_KEEP_PREFIX = {keep!r}


def _deprecated(name, replacement):
    warnings.warn(
        f"UnifiedIdGenerator.{{name}} is deprecated; use {{replacement}}", DeprecationWarning, stacklevel=3
    )


def _type_and_prefix(prefix):
    """(IDType value, prefix kept) for a generate_base_id prefix, resolved as idmigrate's rewrite resolves it."""
    text = str(prefix)
    if text == "run":  # no thread to embed here: keep the run start
        return "execution", "run"
    if text in _ID_TYPES:
        return text, (text if _KEEP_PREFIX else None)
    if text in _ALIASES:
        return _ALIASES[text], (text if _KEEP_PREFIX else None)
    for word in reversed(text.lower().split("_")):  # the last type word is the head of a compound
        found = word if word in _ID_TYPES else _ALIASES.get(word)
        if found:
            return found, text
    return _FALLBACK, text


def _generate(id_type, prefix=None, context=None):
    return get_id_manager().generate_id(IDType(id_type), prefix=prefix, context=context)


def _keep_legacy(name):
    legacy = getattr(_legacy.UnifiedIdGenerator, name)

    @functools.wraps(legacy)
    def wrapper(*args, **kwargs):
        _deprecated(name, "nothing: the manager has no equivalent, so rewrite the caller by hand")
        return legacy(*args, **kwargs)

    return staticmethod(wrapper)


class UnifiedIdGenerator(_legacy.UnifiedIdGenerator):
    """Deprecated: delegates to UnifiedIDManager."""
{methods}

def _warn_function(function, replacement):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        warnings.warn(f"{{function.__name__}} is deprecated; use {{replacement}}", DeprecationWarning, stacklevel=2)
        return function(*args, **kwargs)

    return wrapper
{module_functions}'''

_METHODS = {
    "base_id": '''
    @staticmethod
    def {member}({signature}):
        _deprecated("{member}", "get_id_manager().generate_id(IDType.X)")
        id_type, kept = _type_and_prefix({prefix})
        return _generate(id_type, kept)
''',
    "user_context": '''
    @staticmethod
    def {member}({signature}):
        _deprecated("{member}",
                    "get_id_manager().generate_id(IDType.THREAD) and UnifiedIDManager.generate_run_id(thread_id)")
        thread_id = _generate("thread")
        run_id = UnifiedIDManager.generate_run_id(thread_id)
        request_id = _generate("request", context={request_context})
        return thread_id, run_id, request_id
''',
    "batch": '''
    @staticmethod
    def {member}({signature}):
        _deprecated("{member}", "a list of get_id_manager().generate_id(...)")
        id_type, kept = _type_and_prefix({prefix})
        return [_generate(id_type, kept) for _ in range({count})]
''',
    "reset": '''
    @staticmethod
    def {member}({signature}):
        _deprecated("{member}", "get_id_manager().reset_counters()")
        _legacy.reset_global_counter()
        get_id_manager().reset_counters()
''',
    "typed": '''
    @staticmethod
    def {member}({signature}):
        _deprecated("{member}", "get_id_manager().generate_id(IDType.{type_member})")
        return _generate({id_type!r}, {prefix}, {context})
''',
}

_VALID = '''
    @staticmethod
    def is_valid_id({signature}):
        """The generator's own check, or an ID the manager made in this process (what the
        shim's members now return): not the looser ``is_valid_id_format``."""
        _deprecated("is_valid_id", "get_id_manager().is_valid_id (an ID this process made) or a check of "
                    "the manager's ID format")
        if _legacy.UnifiedIdGenerator.is_valid_id({id_string}, {expected_prefix}):
            return True
        made_here = isinstance({id_string}, str) and get_id_manager().is_valid_id({id_string})
        return made_here and ({expected_prefix} is None or {id_string}.startswith(str({expected_prefix})))
'''

_RESET_FUNCTION = '''

def reset_global_counter():
    warnings.warn("reset_global_counter is deprecated; use get_id_manager().reset_counters()",
                  DeprecationWarning, stacklevel=2)
    _legacy.reset_global_counter()
    get_id_manager().reset_counters()
'''

def _prefix_expression(template: str | None) -> str:
    """A rule's prefix template (``ws_conn_{user_id[:8]}``, ``{session_type=web}``) as an f-string of
    the method's parameters (defaults come from the signature)."""
    if not template:
        return "None"
    if "{" not in template:
        return repr(template)
    return "f" + repr(re.sub(r"=\w*\}", "}", template))


def _legacy_signatures(tree: ast.Module) -> dict[str, tuple[str, list[str]]]:
    """member -> (its signature as written, without self/cls and annotations; its parameter names),
    from the legacy class: an override takes exactly what the legacy member took."""
    out: dict[str, tuple[str, list[str]]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name == "UnifiedIdGenerator":
            for item in node.body:
                if not isinstance(item, ast.FunctionDef):
                    continue
                args = copy.deepcopy(item.args)
                decorators = {ast.unparse(d) for d in item.decorator_list}
                if "staticmethod" not in decorators and (args.posonlyargs or args.args):
                    args = ast.arguments(**{**vars(args), "posonlyargs": args.posonlyargs[1:],
                                            "args": args.args if args.posonlyargs else args.args[1:]})
                for arg in (*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg):
                    if arg is not None:
                        arg.annotation = None
                names = [a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)]
                out[item.name] = (ast.unparse(args), names)
    return out


def _method(member: str, rule: Rule, signature: str, names: list[str], rules: RuleSet) -> str | None:
    """The forwarding override of one member, or None when its legacy signature lacks what the row reads."""
    needed = {"base_id": rule.params[:1], "batch": rule.params[:2], "user_context": rule.params[:1],
              "typed": tuple(p for p in rule.params if p not in rule.droppable), "reset": ()}[rule.kind]
    if not set(needed) <= set(names):
        return None
    fields = {"member": member, "signature": signature}
    if rule.kind in ("base_id", "batch"):
        fields["prefix"] = rule.params[0]
        fields["count"] = rule.params[1] if rule.kind == "batch" else ""
    elif rule.kind == "user_context":
        context = ", ".join(f'"{p}": {p}' for p in rule.params if p in names)
        fields["request_context"] = "{" + context + "}" if rules.context_data else "None"
    elif rule.kind == "typed":
        id_type = rule.id_type or rules.fallback_type
        if rules.context_data:
            prefix = repr(rule.prefix.split("_{", 1)[0]) if rule.prefix else "None"
            context = "{" + ", ".join(f'"{p}": {p}' for p in needed) + "}"
        else:
            prefix, context = _prefix_expression(rule.prefix), "None"
        fields.update(id_type=id_type, type_member=id_type.upper(), prefix=prefix, context=context)
    return _METHODS[rule.kind].format(**fields)


def _module_functions(tree: ast.Module) -> list[str]:
    return [
        node.name for node in tree.body if isinstance(node, ast.FunctionDef) and not node.name.startswith("_")
    ]


def _legacy_members(tree: ast.Module) -> list[str]:
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name == "UnifiedIdGenerator":
            return [
                item.name for item in node.body
                if isinstance(item, ast.FunctionDef) and not item.name.startswith("_")
            ]
    return []


def shim_source(rules: RuleSet, manager_module: str, legacy_module: str, legacy_tree: ast.Module,
                rel: str = "shared/id_generation/unified_id_generator.py",
                legacy_rel: str = "shared/id_generation/_legacy_unified_id_generator.py") -> str:
    """The compatibility module; ``rules`` bound to this repository's APIs (``bind_to_repo``)."""
    signatures = _legacy_signatures(legacy_tree)
    methods, handled = [], set()
    for member, rule in forwarded_members(rules).items():
        if member in signatures:
            method = _method(member, rule, *signatures[member], rules)
            if method is not None:
                methods.append(method)
                handled.add(member)
    valid = signatures.get("is_valid_id")
    if valid is not None and forwards_validity(rules) and len(valid[1]) >= 2:
        methods.append(_VALID.format(signature=valid[0], id_string=valid[1][0], expected_prefix=valid[1][1]))
        handled.add("is_valid_id")
    kept = [f"    {name} = _keep_legacy({name!r})\n" for name in _legacy_members(legacy_tree) if name not in handled]
    if kept:
        methods.append("\n" + "".join(kept))
    reset = "reset_global_counter" in handled
    functions = [name for name in _module_functions(legacy_tree) if not (reset and name == "reset_global_counter")]
    return _HEADER.format(
        marker=MARKER, legacy_module=legacy_module, manager=manager_module, legacy_rel=legacy_rel,
        package=Path(rel).parent.as_posix(), id_types=ID_TYPES, aliases=dict(rules.aliases), fallback=rules.fallback_type, keep=rules.keep_prefix,
        methods="".join(methods) or "\n    pass\n",
        module_functions=(_RESET_FUNCTION if reset else "") + "".join(
            f"\n\n{name} = _warn_function(_legacy.{name}, \"the manager's equivalent\")\n"
            for name in functions
        ),
    )


def plan_shim(root: Path, config: Config) -> CompatChanges:
    """The shim in place of the generator module, the old module kept beside it; none when it is there."""
    rel = module_file(Path(""), GENERATOR_MODULE).as_posix()
    legacy_module = GENERATOR_MODULE.rsplit(".", 1)[0] + "._legacy_" + GENERATOR_MODULE.rsplit(".", 1)[1]
    legacy_rel = module_file(Path(""), legacy_module).as_posix()
    try:
        source = read_source(root, rel)
    except (OSError, UnsafePathError) as exc:
        raise ShimError(f"cannot read {rel}: {getattr(exc, 'strerror', None) or exc}") from None
    if MARKER.encode() in source:
        return CompatChanges(done=f"already a compatibility layer: {rel}", would=f"already a compatibility layer: {rel}")
    service_map = ServiceMap(root, config, {p.name for p in root.iterdir() if p.is_dir()})
    manager = service_map.import_path_for(service_map.service_of(rel))
    problem = service_map.boundary_violation(service_map.service_of(rel), manager)
    if problem:
        raise ShimError(f"the shim in {rel} cannot import the manager from {manager}: run `idmigrate expose` first")
    try:
        tree = ast.parse(source)
    except SyntaxError as exc:
        raise ShimError(f"{rel} does not parse: {exc.msg} (line {exc.lineno})") from None
    if (root / legacy_rel).exists():
        raise ShimError(f"{legacy_rel} already exists; remove it first")
    rules = bind_to_repo(root, config, use_cache=False).rules  # before the legacy copy: the generator as it is
    shim = shim_source(rules, manager, legacy_module, tree, rel, legacy_rel).encode()
    return CompatChanges([FileChange(legacy_rel, None, source), FileChange(rel, source, shim)],
                         done=f"wrote compatibility layer {rel} (old code kept in {legacy_rel})",
                         would=f"would write compatibility layer {rel} (old code kept in {legacy_rel}); nothing written")


def write_shim(root: Path, config: Config) -> str:
    return plan_shim(root, config).write(root)
