"""Keep rewritten statements within the target's line length, the way black would lay them out.

A manager call is often longer than the generator call it replaces. A rewritten statement
whose lines now run past the limit, or whose call spanned lines before and would otherwise
collapse onto one, is handed to black (on that statement only: the rest of the file keeps
its own formatting). Strings keep their quotes (no string normalisation).
"""

from __future__ import annotations

import functools
import io
import tokenize

import libcst as cst

from codemods.engine.dispatch import Transformer
from codemods.engine.pruning import SourceMap, StatementPruning

DEFAULT_LINE_LENGTH = 88


def too_long(code: str, indent: int, limit: int) -> bool:
    """A line of ``code`` (at ``indent`` columns) whose code runs past ``limit``; comments may
    run over, as black lets them."""
    return any(indent + width > limit for width in _code_widths(code))


def _code_widths(code: str) -> list[int]:
    """Per line, the column where its code ends (comments and trailing blanks left out)."""
    lines = code.splitlines()
    widths = [len(line) for line in lines]
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(code).readline))
    except (tokenize.TokenError, SyntaxError):
        return widths
    for token in tokens:
        if token.type == tokenize.COMMENT and token.start[0] <= len(lines):
            row = token.start[0] - 1
            widths[row] = len(lines[row][:token.start[1]].rstrip())
    return widths


def spans_lines(code: str) -> bool:
    return "\n" in code.strip()


def with_magic_comma(call: cst.Call) -> cst.Call:
    """A trailing comma after the last argument: black then keeps one argument per line."""
    if not call.args:
        return call
    last = call.args[-1]
    if isinstance(last.comma, cst.Comma):
        return call
    return call.with_changes(args=[*call.args[:-1], last.with_changes(comma=cst.Comma())])


def fit_statement(
    statement: cst.SimpleStatementLine, module: cst.Module, indent: int, limit: int, force: bool = False
) -> cst.SimpleStatementLine:
    """``statement`` laid out by black when it is too long at ``indent`` columns (or ``force``)."""
    code = module.code_for_node(statement.with_changes(leading_lines=()))
    if not force and not too_long(code, indent, limit):
        return statement
    formatted = _black(code, max(limit - indent, 20))
    if formatted is None:
        return statement
    formatted = formatted.replace("\r\n", "\n").replace("\n", module.default_newline)
    if formatted == code:
        return statement
    try:
        laid_out = cst.parse_statement(formatted, config=module.config_for_parsing)
    except cst.ParserSyntaxError:
        return statement
    if not isinstance(laid_out, cst.SimpleStatementLine):
        return statement
    return laid_out.with_changes(leading_lines=statement.leading_lines)


@functools.lru_cache(maxsize=512)
def _black(code: str, line_length: int) -> str | None:
    """Black's layout of ``code``, remembered: a worker lays out the same new import line (or
    statement) for file after file, and black costs about a millisecond a call."""
    import black  # only files with a statement to lay out pay for the import

    mode = black.Mode(line_length=line_length, string_normalization=False)
    try:
        return black.format_str(code, mode=mode)
    except Exception:  # black refuses some inputs (e.g. odd comments): keep the statement as it is
        return None


class _ImportLayout(StatementPruning, Transformer):
    """Lays out ``from <module> import ...`` lines that run over; statements' insides are not visited,
    nor are statements the rewrite kept that do not mention the module."""

    def __init__(self, module: cst.Module, import_path: str, limit: int, texts: SourceMap | None) -> None:
        super().__init__()
        self.texts = texts
        self.words = (import_path,)
        self.module = module
        self.import_path = import_path
        self.limit = limit
        self.indents = [0]

    def visit_IndentedBlock(self, node: cst.IndentedBlock) -> None:
        indent = node.indent if node.indent is not None else self.module.default_indent
        self.indents.append(self.indents[-1] + len(indent.expandtabs()))

    def leave_IndentedBlock(self, original_node, updated_node):
        self.indents.pop()
        return updated_node

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> bool:
        return False

    def leave_SimpleStatementLine(self, original_node, updated_node):
        body = updated_node.body
        if len(body) == 1 and isinstance(body[0], cst.ImportFrom) and body[0].module is not None \
                and self.module.code_for_node(body[0].module) == self.import_path:
            return fit_statement(updated_node, self.module, self.indents[-1], self.limit)
        return updated_node


def lay_out_imports(module: cst.Module, import_path: str, limit: int, texts: SourceMap | None = None) -> cst.Module:
    """Every ``from import_path import ...`` line of ``module`` within ``limit`` columns (black's layout).
    ``texts``: a map of the module ``module`` rewrites, to skip the statements it kept."""
    return module.visit(_ImportLayout(module, import_path, limit, texts))
