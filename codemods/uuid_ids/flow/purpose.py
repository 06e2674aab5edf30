"""What a test around a ``uuid4()`` is for: a test about ID formats, compliance or legacy UUIDs (by
its path, its class or function name, or an assertion about UUID shape), or a fixture or sample
that provides a raw UUID on purpose. Such sites keep their UUID (``test-ids``).
"""

from __future__ import annotations

import ast
import io
import re
import tokenize

from codemods.uuid_ids.flow.facts import FileFacts
from codemods.uuid_ids.naming import words
from codemods.uuid_ids.uuid_rules import FORMAT_TEST_WORDS, RAW_SAMPLE_WORDS

_UUID_SHAPE_MARKS = ("-[0-9a-f]{4}-", "[0-9a-f]{8}-", "{8}-", "[0-9a-f]{32}", "[0-9a-fA-F]{32}", "{36}", "{32}")
_GENERATORS = frozenset({"uuid1", "uuid3", "uuid4", "uuid5", "uuid6", "uuid7", "uuid8"})
_RAW_COMMENT = re.compile(r"uuid|raw|legacy|invalid|malformed|should (?:fail|be rejected)|must fail|reject", re.I)


def _names_say(name: str, vocabulary: frozenset[str]) -> str | None:
    found = [w for w in words(name) if w in vocabulary]
    return found[0] if found else None


def _enclosing(facts: FileFacts, node: ast.AST) -> list[ast.AST]:
    out, current = [], facts.parent(node)
    while current is not None:
        if isinstance(current, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            out.append(current)
        current = facts.parent(current)
    return out


def _asserts_uuid_shape(func: ast.AST) -> int | None:
    """The line of an assertion in ``func`` about UUID shape (``uuid.UUID(x)``, a UUID regex, ``len(x) == 36``)."""
    for node in ast.walk(func):
        if isinstance(node, ast.Assert):
            checked = node.test
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr.startswith("assert"):
            checked = node
        else:
            continue
        for sub in ast.walk(checked):
            if isinstance(sub, ast.Call):
                func = getattr(sub.func, "attr", None) or getattr(sub.func, "id", None) or ""
                if func == "UUID" or ({"uuid", "guid"} & set(words(func)) and func not in _GENERATORS):
                    return node.lineno  # uuid.UUID(x), is_valid_uuid(x)
            if isinstance(sub, (ast.Name, ast.Attribute)):
                name = sub.id if isinstance(sub, ast.Name) else sub.attr
                if name.isupper() and "UUID" in name:
                    return node.lineno  # UUID_PATTERN.match(x)
            if isinstance(sub, ast.Constant) and isinstance(sub.value, str) \
                    and any(mark in sub.value for mark in _UUID_SHAPE_MARKS):
                return node.lineno
            if isinstance(sub, ast.Compare) and isinstance(sub.left, ast.Call) \
                    and getattr(sub.left.func, "id", None) == "len" \
                    and any(isinstance(c, ast.Constant) and c.value in (32, 36) for c in sub.comparators):
                return node.lineno
    return None


def format_test(facts: FileFacts, call: ast.Call, path: str) -> str | None:
    """Why the test around ``call`` is about ID formats or legacy UUIDs, or None."""
    for part in path.replace("\\", "/").split("/"):
        word = _names_say(part.removesuffix(".py"), FORMAT_TEST_WORDS)
        if word and part not in ("tests", "test"):
            return f"the test file {path!r} is about {word}"
    for scope in _enclosing(facts, call):
        word = _names_say(scope.name, FORMAT_TEST_WORDS)
        if word:
            return f"{scope.name} is about {word}"
    for scope in _enclosing(facts, call):
        if isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef)):
            line = _asserts_uuid_shape(scope)
            if line is not None:
                return f"{scope.name}() asserts a UUID's shape at L{line}"
    return None


def _comment_on(facts: FileFacts, line: int) -> str | None:
    if not 0 < line <= len(facts.source_lines):
        return None
    text = facts.source_lines[line - 1].decode("utf-8", "replace")
    try:
        for token in tokenize.generate_tokens(io.StringIO(text.strip() + "\n").readline):
            if token.type == tokenize.COMMENT:
                return token.string
    except (tokenize.TokenError, IndentationError, SyntaxError):
        pass
    return None


def raw_sample(facts: FileFacts, call: ast.Call) -> str | None:
    """Why ``call`` provides a raw UUID on purpose (a fixture or sample named so, a comment saying so), or None."""
    comment = _comment_on(facts, call.lineno)
    said = next((part.strip() for part in (comment or "").split("#") if _RAW_COMMENT.search(part)), None)
    if said:
        return f"the comment '# {said}'"
    node: ast.AST | None = call
    while node is not None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            word = _names_say(node.name, RAW_SAMPLE_WORDS)
            return f"{node.name}() provides {word} samples" if word else None
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                name = target.id if isinstance(target, ast.Name) else getattr(target, "attr", None)
                word = _names_say(name, RAW_SAMPLE_WORDS) if name else None
                if word:
                    return f"{name} holds {word} samples"
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values):
                if isinstance(key, ast.Constant) and isinstance(key.value, str) and _contains(value, call):
                    word = _names_say(key.value, RAW_SAMPLE_WORDS)
                    if word:
                        return f"the sample {key.value!r} is {word}"
        node = facts.parent(node)
    return None


def _contains(tree: ast.AST | None, node: ast.AST) -> bool:
    return tree is not None and any(sub is node for sub in ast.walk(tree))
