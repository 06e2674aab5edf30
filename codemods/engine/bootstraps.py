"""Top-level statements that prepare the interpreter for the imports after them.

Scripts and tests often run ``sys.path.insert(0, ROOT)``, ``setup_test_path()``,
``os.chdir(...)`` or ``os.environ[...] = ...`` before importing the repository's
own packages. An import the tool adds must come after such a statement, or the
file fails with ``ModuleNotFoundError`` when run directly. Both the chunk reducer
(stdlib ``ast``, it must keep these statements in the module libcst sees) and the
import placement (libcst) ask the same question, so the text test lives here,
free of libcst.
"""

from __future__ import annotations

import ast
import re

#: Words that say a statement changes where or how later imports are found.
BOOTSTRAP_TEXT = re.compile(
    r"\bsys\.(?:path|modules|meta_path)\b|\bchdir\s*\(|\baddsitedir\s*\(|\benviron\b|\bputenv\s*\("
)


def mentions_bootstrap(text: str) -> bool:
    return BOOTSTRAP_TEXT.search(text) is not None


def is_bootstrap_ast(node: ast.stmt, text: str) -> bool:
    """A module-level statement that may set up later imports: a bare call
    (``setup_test_path()``, ``django.setup()``) or one that touches ``sys.path``,
    ``sys.modules``, the environment or the working directory. Never a ``def`` or ``class``."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return False
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
        return True
    return mentions_bootstrap(text)
