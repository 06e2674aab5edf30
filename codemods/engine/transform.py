"""``source bytes -> FileResult``: the pure core every CLI verb runs on.

Per-file work never raises (like libcst's own runner): the result is changed,
unchanged, skipped (does not parse) or failed (a rule produced code the guard
rejects). The guard re-parses the output and runs pyflakes, so a rule bug shows
up as a failed file instead of a broken one on disk.

The engine knows no recipe by name: each selected recipe declares what it needs
(``codemods.core.recipe.Recipe``) and builds a ``FileTransform`` whose hooks run in order.
"""

from __future__ import annotations

import ast
import io
import sys
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import libcst as cst
from pyflakes import checker as pyflakes_checker
from pyflakes import messages as pyflakes_messages

from codemods.core.file_transform import FileContext, FileTransform
from codemods.core.findings import Finding
from codemods.core.recipe import MANAGER_NAMES
from codemods.core.recipes import DEFAULT_RECIPES, RECIPES, RULES, ordered
from codemods.core.results import CHANGED, FAILED, SKIPPED, UNCHANGED, FileResult
from codemods.core.safety import Safety
from codemods.engine.chunks import reduce_source, splice, statements
from codemods.engine.function_names import FunctionNames
from codemods.engine.wrapping import lay_out_imports
from codemods.engine.imports import import_where_used, update_imports
from codemods.engine.names import FileNames, collect_names
from codemods.engine.pruning import SourceMap

if TYPE_CHECKING:
    from codemods.generator.rules import RuleSet


@dataclass(frozen=True)
class FileSettings:
    """What the orchestration decided for one file before it is transformed."""

    rules: "RuleSet"
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
    #: Review decisions as ``((line, column, action, id_type), ...)`` (original-file positions):
    #: part of the settings, so the result cache tells a reviewed file from the plain one.
    overrides: tuple[tuple[int, int, str, str], ...] = ()
    #: Fixtures of the conftest.py files above the file that hand out a generator
    #: (``migrate.workspace.discovery.scan_conftests``): test parameters of these names hold one.
    fixtures: tuple[str, ...] = ()
    #: Parser wrappers of the repository the file names (``codemods.generator.around.wrappers``,
    #: found by the pipeline's pre-pass): an ID passed to one stays manual, as for the parser.
    wrappers: tuple = ()


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


def _undefined_names(source: bytes | str, filename: str, bound: frozenset[str] = frozenset(),
                     functions: FunctionNames | None = None) -> set[str]:
    tree = ast.parse(source, filename=filename)
    result = pyflakes_checker.Checker(tree, filename=filename, builtins=bound)
    undefined = [msg for msg in result.messages if isinstance(msg, pyflakes_messages.UndefinedName)]
    if undefined and functions is not None:
        excused = functions.excuser(tree)
        undefined = [msg for msg in undefined if not excused(str(msg.message_args[0]), msg.lineno)]
    return {str(msg.message_args[0]) for msg in undefined}


def guard(old: bytes | str, new: bytes | str, path: str, bound: frozenset[str] = frozenset(),
          functions: FunctionNames | None = None) -> str | None:
    """Why ``new`` must not be written, or None: it parses and adds no undefined name.

    ``bound``: module-level names bound by the part of the file that is neither ``old`` nor
    ``new`` (the statements a reduced module left out), so defined whatever the rewrite does.
    ``functions``: what the original file's functions bind, when some of their statements
    were left out: a use of such a name is not undefined."""
    try:
        after = _undefined_names(new, path, bound, functions)
    except SyntaxError as exc:
        return f"rewrite does not parse: {exc.msg} (line {exc.lineno})"
    if not after:  # the common case: no need to analyse the original too
        return None
    try:
        before = _undefined_names(old, path, bound, functions)
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
        # libcst's message lists every token it expected: the line says enough
        return f"does not parse: line {exc.raw_line}: invalid syntax (Python {sys.version_info[0]}.{sys.version_info[1]})"
    except (UnicodeDecodeError, LookupError) as exc:
        return f"cannot decode: {exc}"
    except (RecursionError, MemoryError) as exc:  # pathological nesting
        return f"too deeply nested to parse ({type(exc).__name__})"


@dataclass(frozen=True)
class _Relevance:
    """What ``reduce_source`` keeps: statements that mention ``words`` or a local alias of ``names``/``modules``."""

    words: tuple[str, ...]
    names: tuple[str, ...]
    modules: tuple[str, ...]
    #: None: functions are parsed whole; else what else keeps a statement of a function (``Recipe.function_words``).
    function_words: tuple[str, ...] | None = None
    function_closure: bool = False


def _relevance(settings: FileSettings) -> _Relevance:
    """A top-level statement that contains none of these is left out of the libcst parse: the
    engine's own words (the names it may import), every registered recipe's relevance words
    and aliases, the statement words of the selected recipes, and the fixture names the file
    inherits (a test that only takes such a parameter mentions nothing else)."""
    rules = settings.rules
    words, names, modules = {*MANAGER_NAMES, "__all__"}, set(), set()
    for recipe in RECIPES.values():
        words.update(recipe.relevance_words(rules))
        alias_names, alias_modules = recipe.alias_sources(rules)
        names.update(alias_names)
        modules.update(alias_modules)
    function_words: set[str] | None = set()
    for recipe in ordered(settings.recipes):
        words.update(recipe.statement_words(rules))
        own = recipe.function_words(rules)
        function_words = None if own is None or function_words is None else function_words | set(own)
    words.update(settings.fixtures)
    closure = any(recipe.function_closure for recipe in ordered(settings.recipes))
    return _Relevance(tuple(sorted(words)), tuple(sorted(names)), tuple(sorted(modules)),
                      None if function_words is None else tuple(sorted(function_words)), closure)


def transform_source(source: bytes, path: str, settings: FileSettings) -> FileResult:
    try:
        return _transform_source(source, path, settings)
    except Exception as exc:  # a bug anywhere (import fixes, printing, the guard) fails one file, not the run
        return FileResult(path, FAILED, reason=f"transform error: {type(exc).__name__}: {exc}")


def _transform_source(source: bytes, path: str, settings: FileSettings) -> FileResult:
    relevance = _relevance(settings)
    reduced = reduce_source(source, relevance.words, relevance.names, relevance.modules,
                            relevance.function_words, relevance.function_closure)
    module = _parse(source if reduced is None else reduced.text)
    if isinstance(module, str):
        return FileResult(path, SKIPPED, reason=module)
    if reduced is not None:
        every_statement = reduced.statements
        lines, original_line = reduced.lines, reduced.original_line
    else:
        tree = _ast_parse(source)
        if isinstance(tree, str):
            return FileResult(path, SKIPPED, reason=tree)
        every_statement = statements(tree.body)
        lines = io.StringIO(source.decode(module.encoding, "replace"), newline="").readlines()
        original_line = int
    status, findings, new_code, reason = _transform(module, every_statement, source, path, settings,
                                                    lines, original_line)
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
        functions = None if relevance.function_words is None else FunctionNames(reduced.body)
        problem = guard(reduced.text, new_code, path, reduced.left_out_names, functions)
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


def _transform(module: cst.Module, every_statement: list[ast.stmt], source: bytes, path: str, settings: FileSettings,
               lines: list[str], original_line):
    """Run the selected recipes and fix imports: (status, findings, new code, reason)."""
    rules = settings.rules
    texts = SourceMap(module)
    findings: list[Finding] = []
    needed: set[str] = set()
    transforms: list[FileTransform] = []
    new_module = module
    for recipe in ordered(settings.recipes):
        if texts.module is not new_module:  # an earlier recipe rewrote the tree
            texts = SourceMap(new_module)
        overrides = {(line, column): (action, id_type) for line, column, action, id_type in settings.overrides}
        transform = recipe.build(FileContext(new_module, source, path, rules, every_statement, texts,
                                             original_line, lines, overrides, settings.fixtures,
                                             settings.wrappers))
        if transform is None:
            continue
        given = new_module
        try:
            new_module = transform.apply(new_module)
        except Exception as exc:  # a rule bug must not take the whole run down
            return FAILED, [], None, f"{recipe.name}: transform error: {type(exc).__name__}: {exc}"
        findings += transform.state.findings
        needed |= transform.state.needed_names
        transforms.append(transform)
        new_module = transform.finish(new_module)
        if not any(f.applied for f in transform.state.findings):
            # Nothing applied, nothing changed (as for the file as a whole): keep the tree it was
            # given, which the source map still maps, instead of its copy from the walk.
            new_module = given
    findings.sort(key=lambda f: (f.line, f.column))
    if not any(f.applied for f in findings):
        return UNCHANGED, findings, None, ""
    if settings.boundary_violation:
        return UNCHANGED, _demote(findings, "IDM090", settings.boundary_violation), None, ""
    names = collect_names(every_statement)
    clash = _name_clash(needed, names, settings)
    if clash:
        return UNCHANGED, _demote(findings, "IDM091", f"{RULES['IDM091'].why}: {clash}"), None, ""
    if not settings.emit:  # an inventory needs no import fixes either
        return CHANGED, findings, None, ""
    # Which scopes still lack which names is the import planner's question (an import inside another
    # function does not count), so it gets every name the rewrites use.
    new_module = update_imports(new_module, transforms, settings.import_path, needed, texts, settings.manager_modules)
    for source_module, source_names in sorted(_needed_from(transforms).items()):
        new_module = import_where_used(new_module, source_module, source_names)
    code = texts.code(new_module)
    if any(len(line) > rules.line_length for line in code.splitlines() if settings.import_path in line):
        code = texts.code(lay_out_imports(new_module, settings.import_path, rules.line_length, texts))
    return CHANGED, findings, code, ""


def _needed_from(transforms: list[FileTransform]) -> dict[str, set[str]]:
    merged: dict[str, set[str]] = {}
    for transform in transforms:
        for source_module, source_names in transform.state.needed_from.items():
            merged.setdefault(source_module, set()).update(source_names)
    return merged


def _name_clash(needed: set[str], names: FileNames, settings: FileSettings) -> str | None:
    provided = names.imported_from_any(settings.manager_modules)
    clashing = sorted(name for name in needed if name in names.bound and name not in provided)
    return ", ".join(clashing) or None
