"""``shim``: the generator becomes a layer that delegates to the manager and warns.

The original module is kept beside it as ``_legacy_<name>.py``; the new module
subclasses the legacy class, overrides every member the rule table can map, and
wraps the rest so they keep their old behaviour but emit ``DeprecationWarning``.
The prefix/alias table is rendered into the shim as data, so at run time it
resolves prefixes exactly as the codemod would.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from codemods.generator.rules import ID_TYPES, MEMBER_RULES, RuleSet
from migrate.compat.changes import CompatChanges, FileChange
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

    @staticmethod
    def generate_base_id(prefix="id", include_random=True, random_length=8):
        _deprecated("generate_base_id", "get_id_manager().generate_id(IDType.X)")
        id_type, kept = _type_and_prefix(prefix)
        return _generate(id_type, kept)

    @staticmethod
    def generate_user_context_ids(user_id, operation="context"):
        _deprecated("generate_user_context_ids",
                    "get_id_manager().generate_id(IDType.THREAD) and UnifiedIDManager.generate_run_id(thread_id)")
        thread_id = _generate("thread")
        run_id = UnifiedIDManager.generate_run_id(thread_id)
        request_id = _generate("request", context={request_context})
        return thread_id, run_id, request_id

    @staticmethod
    def generate_batch_ids(prefix, count, include_random=True):
        _deprecated("generate_batch_ids", "a list of get_id_manager().generate_id(...)")
        id_type, kept = _type_and_prefix(prefix)
        return [_generate(id_type, kept) for _ in range(count)]

    @staticmethod
    def is_valid_id(id_string, expected_prefix=None):
        """The generator's own check, or an ID the manager made in this process (what the
        shim's members now return): not the looser ``is_valid_id_format``."""
        _deprecated("is_valid_id", "get_id_manager().is_valid_id (an ID this process made) or a check of "
                    "the manager's ID format")
        if _legacy.UnifiedIdGenerator.is_valid_id(id_string, expected_prefix):
            return True
        made_here = isinstance(id_string, str) and get_id_manager().is_valid_id(id_string)
        return made_here and (expected_prefix is None or id_string.startswith(str(expected_prefix)))

    @staticmethod
    def reset_global_counter():
        _deprecated("reset_global_counter", "get_id_manager().reset_counters()")
        _legacy.reset_global_counter()
        get_id_manager().reset_counters()
{typed_methods}
{legacy_methods}


def _warn_function(function, replacement):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        warnings.warn(f"{{function.__name__}} is deprecated; use {{replacement}}", DeprecationWarning, stacklevel=2)
        return function(*args, **kwargs)

    return wrapper


def reset_global_counter():
    warnings.warn("reset_global_counter is deprecated; use get_id_manager().reset_counters()",
                  DeprecationWarning, stacklevel=2)
    _legacy.reset_global_counter()
    get_id_manager().reset_counters()
{module_functions}'''

_TYPED = '''
    @staticmethod
    def {member}({signature}):
        _deprecated("{member}", "get_id_manager().generate_id(IDType.{type_member})")
        return _generate({id_type!r}, {prefix}, {context})
'''


def _prefix_expression(template: str | None) -> str:
    """A rule's prefix template (``ws_conn_{user_id[:8]}``, ``{session_type=web}``) as an f-string of
    the method's parameters (defaults come from the signature)."""
    if not template:
        return "None"
    if "{" not in template:
        return repr(template)
    return "f" + repr(re.sub(r"=\w*\}", "}", template))


def _signature(params: tuple[str, ...], defaults: dict[str, str]) -> str:
    return ", ".join(f"{p}={defaults[p]}" if p in defaults else p for p in params)


def _legacy_defaults(tree: ast.Module) -> dict[str, dict[str, str]]:
    """member -> {param: default source} from the legacy class, to keep call signatures."""
    out: dict[str, dict[str, str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name == "UnifiedIdGenerator":
            for item in node.body:
                if isinstance(item, ast.FunctionDef):
                    args = item.args.args
                    names = [a.arg for a in args if a.arg not in ("self", "cls")]
                    defaults = item.args.defaults
                    tail = names[len(names) - len(defaults):] if defaults else []
                    out[item.name] = {n: ast.unparse(d) for n, d in zip(tail, defaults)}
    return out


def _module_functions(tree: ast.Module) -> list[str]:
    return [
        node.name for node in tree.body
        if isinstance(node, ast.FunctionDef) and not node.name.startswith("_") and node.name != "reset_global_counter"
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
    defaults = _legacy_defaults(legacy_tree)
    typed = []
    handled = {"generate_base_id", "generate_user_context_ids", "generate_batch_ids", "is_valid_id",
               "reset_global_counter"}
    for member, rule in MEMBER_RULES.items():
        rule = rules.members.get(member, rule)
        if rule.kind != "typed" or rule.latent:
            continue
        handled.add(member)
        id_type = rule.id_type or rules.fallback_type
        if rules.context_data:
            prefix = repr(rule.prefix.split("_{", 1)[0]) if rule.prefix else "None"
            context = "{" + ", ".join(f'"{p}": {p}' for p in rule.params if p not in rule.droppable) + "}"
        else:
            prefix, context = _prefix_expression(rule.prefix), "None"
        typed.append(_TYPED.format(
            member=member, signature=_signature(rule.params, defaults.get(member, {})),
            id_type=id_type, type_member=id_type.upper(), prefix=prefix, context=context,
        ))
    legacy = [
        f"    {name} = _keep_legacy({name!r})\n"
        for name in _legacy_members(legacy_tree) if name not in handled
    ]
    return _HEADER.format(
        marker=MARKER, legacy_module=legacy_module, manager=manager_module, legacy_rel=legacy_rel,
        package=Path(rel).parent.as_posix(),
        id_types=ID_TYPES, aliases=dict(rules.aliases), fallback=rules.fallback_type, keep=rules.keep_prefix,
        request_context='{"user_id": user_id, "operation": operation}' if rules.context_data else "None",
        typed_methods="".join(typed), legacy_methods="\n" + "".join(legacy) if legacy else "",
        module_functions="".join(
            f"\n\n{name} = _warn_function(_legacy.{name}, \"the manager's equivalent\")\n"
            for name in _module_functions(legacy_tree)
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
    shim = shim_source(config.rules, manager, legacy_module, tree, rel, legacy_rel).encode()
    return CompatChanges([FileChange(legacy_rel, None, source), FileChange(rel, source, shim)],
                         done=f"wrote compatibility layer {rel} (old code kept in {legacy_rel})",
                         would=f"would write compatibility layer {rel} (old code kept in {legacy_rel}); nothing written")


def write_shim(root: Path, config: Config) -> str:
    return plan_shim(root, config).write(root)
