"""``source bytes -> FileResult``: the pure core every CLI verb runs on.

Per-file work never raises (like libcst's own runner): the result is changed,
unchanged, skipped (does not parse) or failed (a rule produced code the guard
rejects). The guard re-parses the output and runs pyflakes, so a rule bug shows
up as a failed file instead of a broken one on disk.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass, replace

import libcst as cst
from libcst.metadata import MetadataWrapper
from pyflakes import checker as pyflakes_checker
from pyflakes import messages as pyflakes_messages

from codemods.generator.bindings import MANAGER_NAMES, collect_bindings
from codemods.engine.chunks import reduce_source, splice, statements
from codemods.core.findings import Finding
from codemods.generator.imports import update_imports
from codemods.generator.rules import GENERATOR_CLASS, MODULE_HELPERS, SHAPE_RULES, RuleSet
from codemods.core.safety import Safety
from codemods.engine.pruning import SourceMap
from codemods.core.recipes import DEFAULT_RECIPES, RECIPES, ordered
from codemods.core.results import CHANGED, FAILED, SKIPPED, UNCHANGED, FileResult



@dataclass(frozen=True)
class FileSettings:
    """What the orchestration decided for one file before it is transformed."""

    rules: RuleSet
    #: Module the file should import the manager names from.
    import_path: str
    #: Modules that already provide the manager (an existing import from one is no clash).
    manager_modules: frozenset[str] = frozenset()
    #: Set when importing ``import_path`` would cross a service boundary: nothing is applied.
    boundary_violation: str | None = None
    recipes: tuple[str, ...] = DEFAULT_RECIPES
    #: False for a pure inventory (``verify``): findings only, no new source (no codegen, no
    #: guard), so a file reports "changed" even if the guard would fail. ``scan`` keeps the
    #: guard: it must list files a rule would break.
    emit: bool = True


def _demote(findings: list[Finding], code: str, reason: str) -> list[Finding]:
    """Turn every applied finding into MANUAL, keeping what it would have become as the suggestion."""
    out = []
    for f in findings:
        if f.safety is Safety.MANUAL:
            out.append(f)
        else:
            latent = "open" if f.latent else ""
            out.append(replace(f, safety=Safety.MANUAL, code=code, reason=f"{reason} (rule {f.code})", latent=latent))
    return out


def _undefined_names(source: bytes | str, filename: str) -> set[str]:
    tree = ast.parse(source, filename=filename)
    result = pyflakes_checker.Checker(tree, filename=filename)
    return {
        str(msg.message_args[0])
        for msg in result.messages
        if isinstance(msg, pyflakes_messages.UndefinedName)
    }


def guard(old: bytes | str, new: bytes | str, path: str) -> str | None:
    """Why ``new`` must not be written, or None: it parses and adds no undefined name."""
    try:
        after = _undefined_names(new, path)
    except SyntaxError as exc:
        return f"rewrite does not parse: {exc.msg} (line {exc.lineno})"
    if not after:  # the common case: no need to analyse the original too
        return None
    try:
        before = _undefined_names(old, path)
    except SyntaxError:
        before = set()
    added = sorted(after - before)
    if added:
        return "rewrite would introduce undefined name(s): " + ", ".join(added)
    return None


def _parse(source: bytes) -> cst.Module | str:
    try:
        return cst.parse_module(source)
    except cst.ParserSyntaxError as exc:
        return f"does not parse: line {exc.raw_line}: {exc.message}"
    except (UnicodeDecodeError, LookupError) as exc:
        return f"cannot decode: {exc}"
    except (RecursionError, MemoryError) as exc:  # pathological nesting
        return f"too deeply nested to parse ({type(exc).__name__})"


def _relevance_words(settings: FileSettings) -> tuple[str, ...]:
    """A top-level statement that contains none of these is left out of the libcst parse."""
    words = {*MANAGER_NAMES, "__all__", "generate_thread_id"}
    if settings.rules.test_id_helper:  # a name the test-ids recipe may import: clashes must be seen
        words.add(settings.rules.test_id_helper.rpartition(":")[2])
    for name in settings.recipes:
        words |= set(RECIPES[name].tokens)
    words |= {GENERATOR_CLASS, "unified_id_generator", *MODULE_HELPERS}
    words |= {m.rsplit(".", 1)[-1] for m in settings.rules.source_modules}
    return tuple(sorted(words))


def transform_source(source: bytes, path: str, settings: FileSettings) -> FileResult:
    try:
        return _transform_source(source, path, settings)
    except Exception as exc:  # a bug anywhere (import fixes, printing, the guard) fails one file, not the run
        return FileResult(path, FAILED, reason=f"transform error: {type(exc).__name__}: {exc}")


def _transform_source(source: bytes, path: str, settings: FileSettings) -> FileResult:
    rules = settings.rules
    reduced = reduce_source(
        source, _relevance_words(settings), (GENERATOR_CLASS, *MODULE_HELPERS), (*rules.source_modules, "uuid")
    )
    module = _parse(source if reduced is None else reduced.text)
    if isinstance(module, str):
        return FileResult(path, SKIPPED, reason=module)
    if reduced is not None:
        every_statement = reduced.statements
    else:
        tree = _ast_parse(source)
        if isinstance(tree, str):
            return FileResult(path, SKIPPED, reason=tree)
        every_statement = statements(tree.body)
    status, findings, new_code, reason = _transform(module, every_statement, source, path, settings)
    if reduced is not None:  # findings carry lines of the reduced text: map them back
        findings = [replace(f, line=reduced.original_line(f.line)) for f in findings]
    if status != CHANGED or not settings.emit:
        return FileResult(path, status, findings, reason=reason)
    if reduced is None:
        new_source = new_code.encode(module.encoding)
        problem = guard(source, new_source, path)
    else:
        spliced = splice(reduced, new_code)
        if spliced is None:
            problem = "the rewritten chunks could not be put back (markers lost)"
            return FileResult(path, FAILED, _demote(findings, "IDM099", f"guard: {problem}"), reason=problem)
        new_source = spliced.encode(reduced.encoding)
        # Guarding the reduced module is enough: every other byte of the file is whole
        # top-level statements that parsed where they stand (the head, with any
        # ``__future__`` import, is in the reduced module), so the spliced file parses
        # exactly when the reduced output does; no second parse of the whole file.
        problem = guard(reduced.text, new_code, path)
    if new_source == source:
        return FileResult(path, UNCHANGED, findings)
    if problem:
        return FileResult(path, FAILED, _demote(findings, "IDM099", f"guard: {problem}"), reason=problem)
    return FileResult(path, CHANGED, findings, new_source)


def _ast_parse(source: bytes) -> ast.Module | str:
    """The stdlib tree bindings are read from; a file Python itself rejects is skipped,
    as the guard could never accept its rewrite."""
    python = "Python {}.{}".format(*sys.version_info)
    try:
        return ast.parse(source)
    except SyntaxError as exc:
        return f"does not parse with {python}: line {exc.lineno}: {exc.msg}"
    except (ValueError, RecursionError, MemoryError) as exc:  # null bytes, pathological nesting
        return f"does not parse with {python} ({type(exc).__name__}: {exc})"


def _transform(module: cst.Module, every_statement: list[ast.stmt], source: bytes, path: str, settings: FileSettings):
    """Run the selected recipes and fix imports: (status, findings, new code, reason)."""
    rules = settings.rules
    texts = SourceMap(module)
    bindings = collect_bindings(every_statement, rules.source_modules)
    findings: list[Finding] = []
    needed: set[str] = set()
    kept_texts: list[str] | None = None
    new_module = module
    for name in ordered(settings.recipes):
        if texts.module is not new_module:  # an earlier recipe rewrote the tree
            texts = SourceMap(new_module)
        transformer = RECIPES[name].factory(new_module, source, path, rules, bindings, texts)
        if transformer is None:
            continue
        try:
            if getattr(transformer, "METADATA_DEPENDENCIES", ()):
                new_module = MetadataWrapper(new_module, unsafe_skip_copy=True).visit(transformer)
            else:
                new_module = new_module.visit(transformer)
            resolve = getattr(transformer, "resolve_positions", None)
            if resolve is not None:
                resolve()
        except Exception as exc:  # a rule bug must not take the whole run down
            return FAILED, [], None, f"{name}: transform error: {type(exc).__name__}: {exc}"
        findings += transformer.state.findings
        needed |= transformer.state.needed_names
        kept_texts = getattr(transformer.state, "kept_texts", None) if name == "generator" else kept_texts
        cleanup = getattr(transformer, "cleanup", None)
        if cleanup is not None:
            new_module = cleanup(new_module)
    findings.sort(key=lambda f: (f.line, f.column))
    if not any(f.applied for f in findings):
        return UNCHANGED, findings, None, ""
    if settings.boundary_violation:
        return UNCHANGED, _demote(findings, "IDM090", settings.boundary_violation), None, ""
    clash = _name_clash(needed, bindings, settings)
    if clash:
        return UNCHANGED, _demote(findings, "IDM091", f"{SHAPE_RULES['IDM091'].why}: {clash}"), None, ""
    if not settings.emit:  # an inventory needs no import fixes either
        return CHANGED, findings, None, ""
    # Which scopes still lack which names is the import fixer's question (an import in another function
    # does not count), so it gets every name the rewrites use.
    new_module = update_imports(new_module, bindings, rules.source_modules, settings.import_path, needed,
                                texts, kept_texts, settings.manager_modules)
    return CHANGED, findings, texts.code(new_module), ""


def _name_clash(needed: set[str], bindings, settings: FileSettings) -> str | None:
    provided = set().union(*(bindings.imports_by_module.get(mod, set()) for mod in settings.manager_modules))
    clashing = sorted(name for name in needed if name in bindings.bound_names and name not in provided)
    return ", ".join(clashing) or None
